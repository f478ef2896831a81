import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { basePath, contentRoot } from '../../src/settings.ts';
import { provideCorpus, releaseCorpus } from '../../src/corpus/loaders.ts';
import { draftDiagnostics } from '../../src/corpus/drafts.ts';
import { displayPath, formatDiagnostics } from '../../src/markdown/diagnostics.ts';
import { writeHeaderSearchIndex } from './header-search-index.ts';
import { keptOutputMessage, missingFromBuild, refusalToReplace, removeAbandonedBuilds, replaceOutput, stagingDir } from './atomic-output.ts';

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

/** Pagefind's ready-made search interfaces: the site has its own (src/scripts/search-*.ts), so they are not published. */
const UNUSED_PAGEFIND_FILES = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css'];

/** How often a long phase says it is still running (`READER_PROGRESS_MS` to change, e.g. for a test). */
const PROGRESS_EVERY_MS = Number(process.env.READER_PROGRESS_MS) > 0 ? Number(process.env.READER_PROGRESS_MS) : 15_000;

/**
 * Builds the site from `CONTENT_DIR` (default `content/`) under `BASE_PATH` into `outDir`,
 * atomically: the pages and the search index are written into a hidden folder beside `outDir`,
 * checked, and only then put in its place (see atomic-output.ts). Returns false, having printed why
 * and what `outDir` still holds, when the content has errors, Astro or Pagefind fails, or the
 * result is incomplete. Stopped by a signal, it removes its unfinished folder and says so.
 */
export async function buildSite({ outDir, verbose = true, drafts = false }: BuildOptions, timings?: Partial<BuildTimings>): Promise<boolean> {
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	const root = contentRoot();
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
	if (!process.env.SITE_URL) {
		log('note: SITE_URL is not set, so canonical URLs, the sitemap and the feed point at http://localhost:4321; set SITE_URL=https://your.domain when building for a host.');
	}
	const started = performance.now();

	const staging = stagingDir(outDir);
	const stop = (signal: NodeJS.Signals) => {
		fs.rmSync(staging, { recursive: true, force: true });
		console.error(`\nBuild stopped (${signal}). ${keptOutputMessage(outDir, shown, 'was stopped')}`);
		process.exit(128 + (os.constants.signals[signal] ?? 1));
	};
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	for (const signal of signals) process.once(signal, stop);
	try {
		// Only the loaders keep the corpus (through provideCorpus), so it can be let go before Pagefind.
		const checked = await phase(
			log,
			'checking the content',
			() => checkAndProvideCorpus(root, drafts),
			(counts) => (counts ? `Content: ${plural(counts.articles, 'article')} and ${plural(counts.entries, 'glossary entry', 'glossary entries')} checked` : 'Content: errors found'),
			timings && ((ms) => (timings.contentMs = ms)),
		);
		if (!checked) return failed();

		fs.rmSync(staging, { recursive: true, force: true });
		// The corpus was just loaded and rendered: Astro's cached copy of the collections could only be
		// stale (its cache key does not cover our loaders' code), so every build starts from it afresh.
		fs.rmSync(path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'data-store.json'), { force: true });
		try {
			await phase(
				log,
				'building the pages',
				() => build({ root: process.cwd(), logLevel: verbose ? 'info' : 'error', outDir: staging } as Parameters<typeof build>[0]),
				() => 'Pages: written by Astro',
				timings && ((ms) => (timings.astroMs = ms)),
			);
		} catch (error) {
			return failed(`Astro could not build the site: ${error instanceof Error ? error.message : String(error)}`);
		} finally {
			// The pages are written: let the corpus go, so Pagefind's process does not run beside it.
			releaseCorpus();
		}
		await holdForTests('pagefind', log);

		const indexed = await phase(
			log,
			'indexing for search',
			() => indexForSearch(staging),
			(result) => (typeof result === 'number' ? `Search: Pagefind indexed ${plural(result, 'page')}` : 'Search: Pagefind failed'),
			timings && ((ms) => (timings.pagefindMs = ms)),
		);
		if (typeof indexed === 'string') return failed(indexed);
		if (timings) timings.pagesIndexed = indexed;

		const missing = missingFromBuild(staging);
		if (missing.length) return failed(`The build is incomplete: it has no ${missing.join(', ')}.`);
		await holdForTests('swap', log);
		replaceOutput(staging, outDir);
		log(`Done in ${seconds(performance.now() - started)}: ${shown}/ holds this build.`);
		return true;
	} finally {
		for (const signal of signals) process.off(signal, stop);
		fs.rmSync(staging, { recursive: true, force: true });
	}
}

/** Runs one phase of the build, saying every so often that it still runs, then what it did and how long it took. */
async function phase<T>(log: (line: string) => void, doing: string, run: () => Promise<T>, done: (result: T) => string, record?: (ms: number) => void): Promise<T> {
	const start = performance.now();
	const ticker = setInterval(() => log(`  … still ${doing} (${seconds(performance.now() - start)})`), PROGRESS_EVERY_MS);
	try {
		const result = await run();
		const ms = performance.now() - start;
		record?.(ms);
		log(`${done(result)} in ${seconds(ms)}`);
		return result;
	} finally {
		clearInterval(ticker);
	}
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

function plural(count: number, one: string, many = `${one}s`): string {
	return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
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

/** Indexes the built pages with Pagefind into `dir/pagefind/`, and the header box's index into `dir/pagefind/header/`; returns the number of pages, or why it failed. */
async function indexForSearch(dir: string): Promise<number | string> {
	try {
		const { index, errors: createErrors } = await pagefind.createIndex({});
		if (!index || createErrors.length) return pagefindFailure('could not start', createErrors);
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) return pagefindFailure('could not index the site', added.errors);
		if (added.page_count === 0) return pagefindFailure('indexed no page: is `data-pagefind-body` missing?', []);
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) return pagefindFailure('could not write its files', written.errors);
		for (const file of UNUSED_PAGEFIND_FILES) fs.rmSync(path.join(dir, 'pagefind', file), { force: true });
		const header = await writeHeaderSearchIndex(dir);
		if (typeof header === 'string') return header;
		return added.page_count;
	} finally {
		await pagefind.close();
	}
}

function pagefindFailure(what: string, errors: string[]): string {
	return `Pagefind ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`;
}

/** Loads and checks the content; prints its diagnostics; hands it to the loaders when it has no error. */
async function checkAndProvideCorpus(root: string, publishDrafts: boolean): Promise<{ articles: number; entries: number } | undefined> {
	const corpus = await loadCorpus(root, basePath());
	// Draft entries (written by `npm run annotate -- --scaffold`) are not published unless asked.
	const drafts = publishDrafts ? [] : draftDiagnostics(corpus.glossary.entries.values(), 'error');
	const diagnostics = [...corpus.diagnostics, ...drafts];
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (diagnostics.length) console.error(formatDiagnostics(diagnostics));
	if (errors.length) {
		const draftNote = drafts.length
			? ` ${drafts.length === 1 ? 'One is a draft entry' : `${drafts.length} are draft entries`}: finish ${drafts.length === 1 ? 'it' : 'them'}, or run \`npm run build -- --drafts\` to publish drafts anyway.`
			: '';
		console.error(`\nThe build stopped: fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} above (npm run check lists them too).${draftNote}`);
		return undefined;
	}
	const published = [...corpus.glossary.entries.values()].filter((e) => e.draft).length;
	if (published) console.log(`note: publishing ${published === 1 ? 'a draft entry' : `${published} draft entries`} (--drafts), shown with a "draft" badge.`);
	provideCorpus(corpus);
	return { articles: corpus.articles.length, entries: corpus.glossary.entries.size };
}
