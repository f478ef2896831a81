import fs from 'node:fs';

/** Peak resident memory of a process tree, in total and per program. */
export interface TreeMemory {
	/** Highest sum of VmRSS over the tree at one sample. */
	peakBytes: number;
	/**
	 * Highest VmRSS seen for each program, by the name it was run as (`pagefind_extended`, `time`),
	 * a Node process with its script's name (`node build.ts`, `node build-pages-process.ts`).
	 */
	peakByProgram: Record<string, number>;
}

/**
 * Samples the resident memory of a process and all its descendants (Astro's workers, Pagefind's
 * binary) from /proc every `intervalMs`, keeping the highest total. Linux only: elsewhere it
 * reports 0 and the benchmark falls back on GNU time's figure.
 */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): { stop(): TreeMemory } {
	const memory: TreeMemory = { peakBytes: 0, peakByProgram: {} };
	const sample = () => {
		const processes = tree(rootPid);
		const total = processes.reduce((sum, p) => sum + p.rss, 0);
		if (total > memory.peakBytes) memory.peakBytes = total;
		for (const p of processes) if (p.rss > (memory.peakByProgram[p.name] ?? 0)) memory.peakByProgram[p.name] = p.rss;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return memory;
		},
	};
}

/** `rootPid` and its descendants with their VmRSS (bytes), now. */
function tree(rootPid: number): { pid: number; name: string; rss: number }[] {
	if (!fs.existsSync('/proc')) return [];
	const children = new Map<number, number[]>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces.
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const list = children.get(ppid) ?? [];
			list.push(Number(name));
			children.set(ppid, list);
		} catch {
			// the process ended while we looked
		}
	}
	const found: { pid: number; name: string; rss: number }[] = [];
	const queue = [rootPid];
	while (queue.length) {
		const pid = queue.pop()!;
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
			// The program, from argv[0] (the status Name is a thread name such as "MainThread").
			const [argv0 = '', ...args] = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
			const program = argv0.split('/').pop() || (/^Name:\s+(.+)$/m.exec(status)?.[1] ?? '?');
			// Node runs both steps of the build: tell them apart by their script.
			const script = program === 'node' ? args.find((arg) => /\.[cm]?[jt]s$/.test(arg)) : undefined;
			const name = script ? `node ${script.split('/').pop()}` : program;
			if (kb) found.push({ pid, name, rss: Number(kb[1]) * 1024 });
		} catch {
			continue;
		}
		queue.push(...(children.get(pid) ?? []));
	}
	return found;
}
