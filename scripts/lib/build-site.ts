import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { displayPath } from '../../src/markdown/diagnostics.ts';
import { searchPartSize } from '../../src/settings.ts';
import { keptOutputMessage, missingFromBuild, refusalToReplace, removeAbandonedBuilds, replaceOutput, stagingDir } from './atomic-output.ts';
import { phase, plural, seconds } from './build-phase.ts';
import type { PagesOptions, PagesResult } from './build-pages.ts';

export interface BuildOptions {
	outDir: string;
	/** Print progress (default true). */
	verbose?: boolean;
	/** Publish draft glossary entries (`npm run build -- --drafts`); by default they stop the build. */
	drafts?: boolean;
}

/** Timings of one build, for the benchmark. */
export interface BuildTimings {
	contentMs: number;
	astroMs: number;
	pagefindMs: number;
	pagesIndexed: number;
}

/**
 * Builds the site from `CONTENT_DIR` (default `content/`) under `BASE_PATH` into `outDir`,
 * atomically: the pages and the search index are written into a hidden folder beside `outDir`,
 * checked, and only then put in its place (see atomic-output.ts). Returns false, having printed why
 * and what `outDir` still holds, when the content has errors, Astro or Pagefind fails, or the
 * result is incomplete. Stopped by a signal, it stops the process writing pages, removes its
 * unfinished folder and says so.
 *
 * Two steps, each in a child process, one after the other, so that the build's memory is the
 * larger of the two rather than their sum: one checks the content and has Astro write the pages
 * (build-pages.ts) and exits; then another has Pagefind index them (search-index.ts). This
 * process holds neither the corpus nor Astro: it sequences, checks and swaps.
 */
export async function buildSite({ outDir, verbose = true, drafts = false }: BuildOptions, timings?: Partial<BuildTimings>): Promise<boolean> {
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const shown = displayPath(outDir);
	const log = (line: string) => verbose && console.log(line);
	const failed = (why?: string) => {
		if (why) console.error(why);
		console.error(keptOutputMessage(outDir, shown, 'failed'));
		return false;
	};
	for (const folder of removeAbandonedBuilds(outDir)) log(`Removed ${displayPath(folder)}, left by a build that was stopped.`);
	const refusal = refusalToReplace(outDir, shown);
	if (refusal) return failed(`error: ${refusal}`);
	try {
		searchPartSize();
	} catch (error) {
		return failed(`error: ${error instanceof Error ? error.message : String(error)}`);
	}
	if (!process.env.SITE_URL) {
		log('note: SITE_URL is not set, so canonical URLs, the sitemap and the feed point at http://localhost:4321; set SITE_URL=https://your.domain when building for a host.');
	}
	const started = performance.now();

	const staging = stagingDir(outDir);
	/** The step's process running now (writing the pages, or indexing them). */
	let step: ChildProcess | undefined;
	const stop = async (signal: NodeJS.Signals) => {
		// The step's process may still be writing into the folder: it goes first, then the folder.
		const running = step;
		if (running && running.exitCode === null && running.signalCode === null) {
			const gone = new Promise((resolve) => running.once('exit', resolve));
			running.kill(signal);
			await gone;
		}
		fs.rmSync(staging, { recursive: true, force: true });
		console.error(`\nBuild stopped (${signal}). ${keptOutputMessage(outDir, shown, 'was stopped')}`);
		process.exit(128 + (os.constants.signals[signal] ?? 1));
	};
	const onSignal = (signal: NodeJS.Signals) => void stop(signal);
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.once(signal, onSignal);
	try {
		fs.rmSync(staging, { recursive: true, force: true });
		const options: PagesOptions = { outDir: staging, verbose, drafts };
		const written = await runStep<PagesResult>('build-pages-process.ts', JSON.stringify(options), (child) => (step = child), PAGES_NODE_FLAGS);
		if (timings) Object.assign(timings, { contentMs: written.message?.contentMs, astroMs: written.message?.astroMs });
		if (!written.message?.ok || written.code !== 0) return failed(unexplainedEnd('writing the pages', written));
		await holdForTests('pagefind', log);

		const indexing = await phase(
			log,
			'indexing for search',
			() => runStep<number | string>('search-index-process.ts', staging, (child) => (step = child)),
			({ message }) => (typeof message === 'number' ? `Search: Pagefind indexed ${plural(message, 'page')}` : 'Search: indexing failed'),
			timings && ((ms) => (timings.pagefindMs = ms)),
		);
		const indexed = indexing.message;
		if (typeof indexed !== 'number' || indexing.code !== 0) return failed(typeof indexed === 'string' ? indexed : unexplainedEnd('indexing the pages', indexing));
		if (timings) timings.pagesIndexed = indexed;

		const missing = missingFromBuild(staging);
		if (missing.length) return failed(`The build is incomplete: it has no ${missing.join(', ')}.`);
		await holdForTests('swap', log);
		replaceOutput(staging, outDir);
		log(`Done in ${seconds(performance.now() - started)}: ${shown}/ holds this build.`);
		return true;
	} finally {
		for (const signal of signals) process.off(signal, onSignal);
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/**
 * V8's heap may grow to four times what it holds before it collects: at 10,000 articles the pages'
 * process (about 750 MB live) reached 3.3 GB of garbage and all (issue 16). Growing by half at most
 * keeps it near what it holds, for the same CPU at 1,000 articles; a limit in megabytes would stop a
 * larger corpus instead.
 */
const PAGES_NODE_FLAGS = ['--heap-growing-percent=50'];

/** How a step's child process ended: the message it sent back (if any), its exit code or the signal that killed it. */
interface StepEnd<T> {
	message?: T;
	code: number | null;
	signal: NodeJS.Signals | null;
}

/**
 * Runs one step of the build in a child process (same Node, same environment, its output on ours)
 * with `arg` as its argument, and waits until it has exited: only then is its work complete and
 * its memory given back. `started` receives the process, so that a stopped build can stop it too.
 */
async function runStep<T>(script: string, arg: string, started: (child: ChildProcess) => void, nodeFlags: string[] = []): Promise<StepEnd<T>> {
	const child = fork(path.join(import.meta.dirname, script), [arg], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...process.execArgv, ...nodeFlags] });
	started(child);
	let message: T | undefined;
	child.on('message', (sent) => (message = sent as T));
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve({ message, code, signal }));
	});
}

/** Why a step's process ended without saying so itself, or undefined when it ended well or said why. */
function unexplainedEnd(what: string, { message, code, signal }: StepEnd<unknown>): string | undefined {
	if (message !== undefined) return undefined;
	if (signal) return `The process ${what} was killed (${signal})${signal === 'SIGKILL' ? ': out of memory?' : ''}.`;
	return code === 0 ? undefined : `The process ${what} ended with exit code ${code}.`;
}

/**
 * For the tests of interrupted builds only: with `READER_BUILD_TEST_HOLD` set to `pagefind` (the
 * pages are written, the search index is not) or `swap` (all is written, nothing swapped), the build
 * says so and waits there until it is killed.
 */
async function holdForTests(point: 'pagefind' | 'swap', log: (line: string) => void): Promise<void> {
	if (process.env.READER_BUILD_TEST_HOLD !== point) return;
	log(`hold: ${point}`);
	await new Promise(() => setInterval(() => undefined, 60_000));
}
