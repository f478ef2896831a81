import fs from 'node:fs';

/**
 * Samples the resident memory of a process and all its descendants (Astro's workers, Pagefind's
 * binary) from /proc every `intervalMs`, keeping the highest total. Linux only: elsewhere it
 * returns 0 and the benchmark falls back on GNU time's figure.
 */
export function sampleTreeMemory(rootPid: number, intervalMs = 100): { stop(): number } {
	let peak = 0;
	const sample = () => {
		const total = treeRss(rootPid);
		if (total > peak) peak = total;
	};
	sample();
	const timer = setInterval(sample, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			return peak;
		},
	};
}

/** Sum of VmRSS (bytes) of `rootPid` and its descendants, now. */
export function treeRss(rootPid: number): number {
	if (!fs.existsSync('/proc')) return 0;
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
	let total = 0;
	const queue = [rootPid];
	while (queue.length) {
		const pid = queue.pop()!;
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
			if (kb) total += Number(kb[1]) * 1024;
		} catch {
			continue;
		}
		queue.push(...(children.get(pid) ?? []));
	}
	return total;
}
