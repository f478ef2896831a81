/**
 * The build's output folder: builds are atomic (a failed, stopped or killed build leaves the
 * previous output exactly as it was, and no folder beside it that looks like a site), the output
 * holds only what the site serves, `CONTENT_DIR` and `READER_OUT_DIR` work outside the project,
 * and a folder of other files is never replaced.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE, OUTPUT_ROOT, fixtureSite, holdBuilds } from '../helpers/build.ts';
import { listFiles } from '../helpers/dist.ts';

const FIXTURE = path.resolve('tests/fixtures/site/content');
const BROKEN = path.resolve('tests/fixtures/broken/content');
/**
 * What the builds that are stopped, killed or failing on the way build: the smallest site (one
 * article, no glossary). They are tested for what they leave behind, not for the pages they would
 * write, and each that gets as far as Astro costs less.
 */
const ONE_PAGE = path.resolve('tests/fixtures/one-page/content');
/** Outside the project: the atomic builds' output and a copy of the fixture's content (see 'may both be outside the project'). */
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-build-'));
const OUTSIDE_CONTENT = path.join(TMP, 'content');
const PARENT = path.join(TMP, 'site');
const OUT = path.join(PARENT, 'dist');
const CACHE = path.join(OUTPUT_ROOT, '.cache-build-output');
const KEPT = /dist\/ still holds the build of \d{4}-\d\d-\d\d \d\d:\d\d; this build (failed|was stopped)\./;

interface Build {
	child: ReturnType<typeof spawn>;
	output(): string;
	/** Resolves once the build has printed a line matching `pattern`. */
	waitFor(pattern: RegExp): Promise<void>;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `npm run build`'s script in a child process. */
function startBuild(env: Record<string, string>): Build {
	const child = spawn(NODE, ['scripts/build.ts'], {
		env: { ...process.env, BASE_PATH: '/', ASTRO_CACHE_DIR: CACHE, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: '', READER_OUT_DIR: '', ...env },
	});
	let output = '';
	const listeners = new Set<() => void>();
	const take = (chunk: Buffer) => {
		output += chunk.toString();
		for (const listener of listeners) listener();
	};
	child.stdout.on('data', take);
	child.stderr.on('data', take);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
	return {
		child,
		output: () => output,
		exited,
		waitFor: (pattern) =>
			new Promise<void>((resolve, reject) => {
				const check = () => {
					if (!pattern.test(output)) return;
					listeners.delete(check);
					resolve();
				};
				listeners.add(check);
				check();
				void exited.then(() => reject(new Error(`the build ended before printing ${pattern}:\n${output}`)));
			}),
	};
}

async function build(env: Record<string, string>) {
	const running = startBuild(env);
	const { code } = await running.exited;
	return { code, output: running.output() };
}

/** Every file of a folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
	return Object.fromEntries(
		listFiles(dir).map((file) => [
			file,
			crypto
				.createHash('sha1')
				.update(fs.readFileSync(path.join(dir, file)))
				.digest('hex'),
		]),
	);
}

/** What is beside the output, hidden folders apart. */
function visibleBeside(): string[] {
	return fs.readdirSync(PARENT).filter((name) => !name.startsWith('.'));
}

function hiddenBeside(): string[] {
	return fs.readdirSync(PARENT).filter((name) => name.startsWith('.'));
}

/** The running child processes of a process, with their command lines (Linux's /proc). */
function childProcesses(parent: number): { pid: number; command: string }[] {
	const children: { pid: number; command: string }[] = [];
	for (const name of fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
		try {
			const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
			// Field 3 after the command name (which may hold spaces) is the state, field 4 the parent.
			const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(ppid) !== parent || state === 'Z') continue;
			children.push({ pid: Number(name), command: fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ') });
		} catch {
			// the process ended while we looked
		}
	}
	return children;
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return !/^\S+ \(.*\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
	} catch {
		return false;
	}
}

/** The process of a build writing the pages, while it runs. */
function pagesProcess(build: Build): { pid: number; command: string } | undefined {
	return childProcesses(build.child.pid!).find((child) => child.command.includes('build-pages-process.ts'));
}

/**
 * These builds run here, not through the run's build queue. One that gets as far as Astro shares
 * the Astro project folder with the queue's builds, so it holds the queue while it runs (`holding`);
 * one that stops at the content check, or before, does not touch that folder and need not wait.
 */
async function holding<T>(run: () => Promise<T>): Promise<T> {
	const release = await holdBuilds();
	try {
		return await run();
	} finally {
		release();
	}
}

/**
 * The build every test of this file starts from, made once: the fixture's content copied outside
 * the project, built outside it (READER_OUT_DIR) over a previous build of the same site (the run's
 * shared fixture build, copied there with a file of its own added), printing its progress every
 * 0.5 s instead of every 15 s.
 */
let main: { code: number | null; output: string };
/** The previous build's files, as they were copied into place before the main build. */
let previousFiles: string[];
const STALE = 'stale-page-of-the-previous-build.html';

beforeAll(async () => {
	const previous = await fixtureSite('/');
	fs.cpSync(previous.dir, OUT, { recursive: true, filter: (source) => path.basename(source) !== '.built-by-test' });
	fs.writeFileSync(path.join(OUT, STALE), '<!doctype html><title>stale</title>');
	previousFiles = listFiles(OUT);
	fs.cpSync(FIXTURE, OUTSIDE_CONTENT, { recursive: true });
	main = await holding(() => build({ CONTENT_DIR: OUTSIDE_CONTENT, READER_OUT_DIR: OUT, READER_PROGRESS_MS: '500' }));
});
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('atomic builds', () => {
	let before: Record<string, string>;

	beforeAll(() => {
		before = snapshot(OUT);
	});

	it('put a complete build in place, saying how long each phase took', () => {
		expect(main.code, main.output).toBe(0);
		expect(before['index.html']).toBeTruthy();
		expect(before['pagefind/pagefind.js']).toBeTruthy();
		// It replaced the previous build whole: the same site, without the file only that one had.
		expect(previousFiles).toContain(STALE);
		expect(Object.keys(before)).toEqual(previousFiles.filter((file) => file !== STALE));
		expect(visibleBeside()).toEqual(['dist']);
		expect(hiddenBeside()).toEqual([]);
		// A long phase says every so often that it still runs (every 15 s; here every 0.5 s).
		const { output } = main;
		expect(output).toMatch(/^ {2}… still building the pages \(\d+\.\d s\)$/m);
		expect(output).toMatch(/^Content: 1 article and 3 glossary entries checked in \d+\.\d s$/m);
		expect(output).toMatch(/^Pages: written by Astro in \d+\.\d s$/m);
		expect(output).toMatch(/^Search: Pagefind indexed \d+ pages in \d+\.\d s$/m);
		expect(output).toMatch(/^Done in \d+\.\d s: .*dist\/ holds this build\.$/m);
	});

	it('publish only the Pagefind files the site loads (no ready-made search UI, no Pagefind worker)', () => {
		const pagefindFiles = Object.keys(before).filter((f) => f.startsWith('pagefind/'));
		expect(pagefindFiles).toContain('pagefind/pagefind.js');
		expect(pagefindFiles).not.toContain('pagefind/pagefind-worker.js');
		expect(pagefindFiles).toContain('pagefind/pagefind-highlight.js');
		expect(pagefindFiles.filter((f) => /-ui\.(js|css)$/.test(f))).toEqual([]);
	});

	it('leave the previous build untouched when the content has errors, and say so', async () => {
		const { code, output } = await build({ CONTENT_DIR: BROKEN, READER_OUT_DIR: OUT });
		expect(code).toBe(1);
		expect(output).toMatch(KEPT);
		expect(output).toContain('this build failed.');
		expect(snapshot(OUT)).toEqual(before);
		expect(hiddenBeside()).toEqual([]);
	});

	it('leave the previous build untouched when stopped while Astro builds (SIGTERM), and clean up', async () => {
		const running = await holding(async () => {
			const started = startBuild({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: OUT });
			await started.waitFor(/^Content: .* checked in/m);
			started.child.kill('SIGTERM');
			await started.exited;
			return started;
		});
		const { code } = await running.exited;
		expect(code).toBe(143);
		expect(running.output()).toMatch(/Build stopped \(SIGTERM\)\. .*dist\/ still holds the build of .*; this build was stopped\./);
		expect(snapshot(OUT)).toEqual(before);
		expect(visibleBeside()).toEqual(['dist']);
		expect(hiddenBeside()).toEqual([]);
	});

	it('leave the previous build untouched when the process writing the pages is killed (as by the out-of-memory killer)', async () => {
		const running = await holding(async () => {
			const started = startBuild({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: OUT });
			await started.waitFor(/^Content: .* checked in/m);
			const pages = pagesProcess(started);
			expect(pages).toBeTruthy();
			process.kill(pages!.pid, 'SIGKILL');
			await started.exited;
			return started;
		});
		const { code } = await running.exited;
		expect(code).toBe(1);
		expect(running.output()).toContain('The process writing the pages was killed (SIGKILL): out of memory?');
		expect(running.output()).toMatch(KEPT);
		expect(snapshot(OUT)).toEqual(before);
		expect(visibleBeside()).toEqual(['dist']);
		expect(hiddenBeside()).toEqual([]);
	});

	it("leave the previous build untouched when Pagefind's binary dies while indexing", async () => {
		// A stand-in for Pagefind's binary that takes the first request and is killed, as a binary
		// out of memory would be: the build must fail, not wait for an answer that never comes.
		const binary = path.join(PARENT, '.pagefind-killed.sh');
		fs.writeFileSync(binary, '#!/bin/sh\nhead -c 1 >/dev/null\nkill -KILL $$\n', { mode: 0o755 });
		try {
			const { code, output } = await holding(() => build({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: OUT, PAGEFIND_EXTENDED_BINARY_PATH: binary }));
			expect(code).toBe(1);
			expect(output).toMatch(/^Search: indexing failed in \d+\.\d s$/m);
			expect(output).toContain("Pagefind's binary stopped before it answered (killed, or out of memory?).");
			expect(output).toMatch(KEPT);
		} finally {
			fs.rmSync(binary);
		}
		expect(snapshot(OUT)).toEqual(before);
		expect(visibleBeside()).toEqual(['dist']);
		expect(hiddenBeside()).toEqual([]);
	});

	it('stop the process writing the pages when the build is killed (SIGKILL)', async () => {
		await holding(async () => {
			const running = startBuild({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: OUT });
			await running.waitFor(/^Content: .* checked in/m);
			const pages = pagesProcess(running);
			expect(pages).toBeTruthy();
			running.child.kill('SIGKILL');
			await running.exited;
			// Its channel to the build closes: it stops rather than write on into a folder no one checks.
			await expect.poll(() => isRunning(pages!.pid), { timeout: 30_000 }).toBe(false);
		});
		expect(snapshot(OUT)).toEqual(before);
		expect(visibleBeside()).toEqual(['dist']);
	});

	for (const hold of ['pagefind', 'swap'] as const) {
		it(`leave the previous build untouched when killed (SIGKILL) ${hold === 'pagefind' ? 'with every page written and no search index yet' : 'with everything written, before the swap'}`, async () => {
			const running = await holding(async () => {
				const started = startBuild({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: OUT, READER_BUILD_TEST_HOLD: hold });
				if (hold === 'pagefind') {
					// The pages are written by a process of their own, which has exited before indexing starts:
					// Pagefind's binary never runs beside the memory of Astro's build.
					await started.waitFor(/^Content: .* checked in/m);
					expect(pagesProcess(started)).toBeTruthy();
				}
				await started.waitFor(new RegExp(`^hold: ${hold}$`, 'm'));
				if (hold === 'pagefind') expect(childProcesses(started.child.pid!)).toEqual([]);
				const staging = path.join(PARENT, `.dist.building-${started.child.pid}`);
				expect(fs.existsSync(path.join(staging, 'index.html'))).toBe(true);
				expect(fs.existsSync(path.join(staging, 'pagefind', 'pagefind.js'))).toBe(hold === 'swap');
				started.child.kill('SIGKILL');
				await started.exited;
				return started;
			});
			expect(snapshot(OUT)).toEqual(before);
			// What the killed build left is hidden and named for what it is, never a second site.
			expect(visibleBeside()).toEqual(['dist']);
			expect(hiddenBeside()).toEqual([`.dist.building-${running.child.pid}`]);
		});
	}

	it('remove what killed builds left, at the next build', async () => {
		const { output } = await build({ CONTENT_DIR: BROKEN, READER_OUT_DIR: OUT });
		expect(output).toMatch(/^Removed .*\.dist\.building-\d+, left by a build that was stopped\.$/m);
		expect(hiddenBeside()).toEqual([]);
		expect(snapshot(OUT)).toEqual(before);
	});
});

describe('the output and content folders', () => {
	const tmp = TMP;

	it('may both be outside the project', () => {
		const project = `${process.cwd()}${path.sep}`;
		expect(OUTSIDE_CONTENT.startsWith(project)).toBe(false);
		expect(OUT.startsWith(project)).toBe(false);
		expect(main.code, main.output).toBe(0);
		expect(main.output).not.toMatch(/\n\s+at /); // no stack trace
		for (const page of ['index.html', 'articles/fixture-article/index.html', 'glossary/baghdad/index.html', 'pagefind/pagefind.js']) expect(fs.existsSync(path.join(OUT, page)), page).toBe(true);
	});

	it('refuse to replace a folder of other files', async () => {
		const other = path.join(tmp, 'photos');
		fs.mkdirSync(other);
		fs.writeFileSync(path.join(other, 'holiday.jpg'), 'not a site');
		const { code, output } = await build({ CONTENT_DIR: ONE_PAGE, READER_OUT_DIR: other });
		expect(code).toBe(1);
		expect(output).toMatch(
			/^error: .*photos\/ holds other files \(holiday\.jpg\), not a build of this site; a build replaces its output folder whole, so set READER_OUT_DIR to a new or empty folder$/m,
		);
		expect(fs.readdirSync(other)).toEqual(['holiday.jpg']);
	});

	it('still read OUT_DIR, the old name, with a note', async () => {
		const { output } = await build({ CONTENT_DIR: BROKEN, OUT_DIR: path.join(tmp, 'old-name') });
		expect(output).toContain(`note: OUT_DIR is deprecated (other tools set it too): set READER_OUT_DIR=${path.join(tmp, 'old-name')} instead.`);
		expect(output).toContain('old-name/ holds no complete build; this build failed.');
	});
});
