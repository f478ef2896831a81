import fs from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { basePath, contentRoot, loadCorpus } from '../../src/corpus/corpus.ts';
import { provideCorpus, releaseCorpus } from '../../src/corpus/loaders.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';

export interface BuildOptions {
	outDir: string;
	/** Print progress (default true). */
	verbose?: boolean;
}

/** Timings of one build, for the benchmark. */
export interface BuildTimings {
	contentMs: number;
	astroMs: number;
	pagefindMs: number;
	pagesIndexed: number;
}

/**
 * Builds the site from `CONTENT_DIR` (default `content/`) under `BASE_PATH` into `outDir`.
 * Returns false, having printed the diagnostics, when the content has errors or Pagefind fails.
 */
export async function buildSite({ outDir, verbose = true }: BuildOptions, timings?: Partial<BuildTimings>): Promise<boolean> {
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	process.env.OUT_DIR = outDir;
	const root = contentRoot();
	const log = (line: string) => verbose && console.log(line);
	if (!process.env.SITE_URL) {
		log('note: SITE_URL is not set, so canonical URLs, the sitemap and the feed point at http://localhost:4321; set SITE_URL=https://your.domain when building for a host.');
	}

	let start = performance.now();
	// Only the loaders keep the corpus (through provideCorpus), so it can be let go before Pagefind.
	if (!(await checkAndProvideCorpus(root))) return false;
	if (timings) timings.contentMs = performance.now() - start;

	start = performance.now();
	fs.rmSync(outDir, { recursive: true, force: true });
	// The corpus was just loaded and rendered: Astro's cached copy of the collections could only be
	// stale (its cache key does not cover our loaders' code), so every build starts from it afresh.
	fs.rmSync(path.resolve(process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro', 'data-store.json'), { force: true });
	await build({ root: process.cwd(), logLevel: verbose ? 'info' : 'error', outDir } as Parameters<typeof build>[0]);
	if (timings) timings.astroMs = performance.now() - start;
	// The pages are written: let the corpus go, so Pagefind's process does not run beside it.
	releaseCorpus();

	start = performance.now();
	const { index, errors: createErrors } = await pagefind.createIndex({});
	if (!index || createErrors.length) return pagefindFailed('could not start', createErrors);
	const added = await index.addDirectory({ path: outDir });
	if (added.errors.length) return pagefindFailed('could not index the site', added.errors);
	if (added.page_count === 0) return pagefindFailed('indexed no page: is `data-pagefind-body` missing?', []);
	const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
	if (written.errors.length) return pagefindFailed('could not write its files', written.errors);
	await pagefind.close();
	if (timings) {
		timings.pagefindMs = performance.now() - start;
		timings.pagesIndexed = added.page_count;
	}
	log(`Pagefind indexed ${added.page_count} pages into ${path.relative(process.cwd(), path.join(outDir, 'pagefind')) || outDir}`);
	return true;
}

/** Loads and checks the content; prints its diagnostics; hands it to the loaders when it has no error. */
async function checkAndProvideCorpus(root: string): Promise<boolean> {
	const corpus = await loadCorpus(root, basePath());
	const errors = corpus.diagnostics.filter((d) => d.severity === 'error');
	if (corpus.diagnostics.length) console.error(formatDiagnostics(corpus.diagnostics));
	if (errors.length) {
		console.error(`\nThe build stopped: fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} above (npm run check lists them too).`);
		return false;
	}
	provideCorpus(corpus);
	return true;
}

async function pagefindFailed(what: string, errors: string[]): Promise<false> {
	console.error(`Pagefind ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`);
	await pagefind.close();
	return false;
}
