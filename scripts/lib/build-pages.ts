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
import { diskArticleStore, type DiskArticleStore } from '../../src/corpus/article-store.ts';
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
	const cacheDir = path.resolve(process.env.ASTRO_CACHE_DIR || 'node_modules/.astro');
	const store = diskArticleStore(articleStoreDir(cacheDir));
	try {
		return await writePages(store, { outDir, verbose, drafts }, log, result);
	} finally {
		fs.rmSync(store.dir, { recursive: true, force: true });
	}
}

/**
 * This build's folder of rendered articles in the cache folder (`articles-<process id>`, so that
 * builds sharing a cache folder do not mix), after removing those of builds that are gone.
 */
function articleStoreDir(cacheDir: string): string {
	const ours = `articles-${process.pid}`;
	if (fs.existsSync(cacheDir)) {
		for (const name of fs.readdirSync(cacheDir)) {
			const pid = /^articles-(\d+)$/.exec(name)?.[1];
			if (pid && name !== ours && !running(Number(pid))) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true });
		}
	}
	return path.join(cacheDir, ours);
}

function running(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function writePages(store: DiskArticleStore, { outDir, verbose, drafts }: PagesOptions, log: (line: string) => void, result: PagesResult): Promise<PagesResult> {
	const cacheDir = path.dirname(store.dir);
	const checked = await phase(
		log,
		'checking the content',
		() => checkAndProvideCorpus(contentRoot(), drafts, store),
		(counts) => (counts ? `Content: ${plural(counts.articles, 'article')} and ${plural(counts.entries, 'glossary entry', 'glossary entries')} checked` : 'Content: errors found'),
		(ms) => (result.contentMs = ms),
	);
	if (!checked) return result;

	// The corpus was just loaded and rendered: Astro's cached copy of the collections could only be
	// stale (its cache key does not cover our loaders' code), so every build starts from it afresh.
	fs.rmSync(path.join(cacheDir, 'data-store.json'), { force: true });
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

/**
 * Loads and checks the content; prints its diagnostics; hands it to the loaders when it has no
 * error. Each article's rendered parts go to `store` as soon as it is rendered.
 */
async function checkAndProvideCorpus(root: string, publishDrafts: boolean, store: DiskArticleStore): Promise<{ articles: number; entries: number } | undefined> {
	const corpus = await loadCorpus(root, basePath(), (article) => store.put(article));
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
	provideCorpus(corpus, store);
	return { articles: corpus.articles.length, entries: corpus.glossary.entries.size };
}
