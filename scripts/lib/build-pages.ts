/**
 * The page-writing half of `npm run build`: checks the content and has Astro write every page into
 * a folder. It runs in a process of its own (build-pages-process.ts), started by build-site.ts,
 * so that all it holds (the corpus, Astro's content store and module graph) is given back to the
 * system before Pagefind's binary reads the pages: the two never peak together.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { basePath, contentRoot } from '../../src/settings.ts';
import { provideCorpus } from '../../src/corpus/loaders.ts';
import { draftDiagnostics } from '../../src/corpus/drafts.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';
import { phase, plural } from './build-phase.ts';

export interface PagesOptions {
	/** The folder Astro writes the pages into (the build's hidden staging folder). */
	outDir: string;
	/** Print progress. */
	verbose: boolean;
	/** Publish draft glossary entries (`npm run build -- --drafts`); by default they stop the build. */
	drafts: boolean;
}

/** What the page build did: the phases' times, and whether every page was written. */
export interface PagesResult {
	ok: boolean;
	contentMs?: number;
	astroMs?: number;
}

/**
 * Loads and checks the content from `CONTENT_DIR` and has Astro write the site into `outDir`.
 * Returns `ok: false`, having printed why, when the content has errors or Astro fails.
 */
export async function buildPages({ outDir, verbose, drafts }: PagesOptions): Promise<PagesResult> {
	const log = (line: string) => verbose && console.log(line);
	const result: PagesResult = { ok: false };
	const checked = await phase(
		log,
		'checking the content',
		() => checkAndProvideCorpus(contentRoot(), drafts),
		(counts) => (counts ? `Content: ${plural(counts.articles, 'article')} and ${plural(counts.entries, 'glossary entry', 'glossary entries')} checked` : 'Content: errors found'),
		(ms) => (result.contentMs = ms),
	);
	if (!checked) return result;

	// The corpus was just loaded and rendered: Astro's cached copy of the collections could only be
	// stale (its cache key does not cover our loaders' code), so every build starts from it afresh.
	fs.rmSync(path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'data-store.json'), { force: true });
	try {
		// Astro is imported only now: a build stopped by the content check does not pay its import (about a second of CPU).
		const { build } = await import('astro');
		await phase(
			log,
			'building the pages',
			() => build({ root: process.cwd(), logLevel: verbose ? 'info' : 'error', outDir } as Parameters<typeof build>[0]),
			() => 'Pages: written by Astro',
			(ms) => (result.astroMs = ms),
		);
	} catch (error) {
		console.error(`Astro could not build the site: ${error instanceof Error ? error.message : String(error)}`);
		return result;
	}
	result.ok = true;
	return result;
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
