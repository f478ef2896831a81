/**
 * The indexing step of `npm run build`: Pagefind reads the written pages and writes the search
 * index into `<dir>/pagefind/`. It runs in the build's main process once the process that wrote
 * the pages has exited (build-site.ts), so Pagefind's binary never runs beside Astro's memory.
 * Every index of the site is written here (`indexSite`): the full one, then the header box's
 * (header-search-index.ts), so they share this step's process, timing, failure and atomicity: a
 * failure in either fails the build, and the output is swapped in only after both.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { writeHeaderSearchIndex } from './header-search-index.ts';

/**
 * Pagefind files the site never loads, so not published: the ready-made search interfaces (the site
 * has its own, src/scripts/search-*.ts) and Pagefind's worker (the site runs `pagefind.js` with
 * `noWorker`, on the header box's page or in a worker of its own: search-core.ts).
 */
const UNUSED_PAGEFIND_FILES = ['pagefind-worker.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css'];

/**
 * Writes every search index of the built site in `dir`: the full index into `dir/pagefind/`, then
 * the header box's (header-search-index.ts) into `dir/pagefind/header/`. Returns the number of
 * pages of the full index, or why one failed.
 */
export async function indexSite(dir: string): Promise<number | string> {
	try {
		const pages = await indexForSearch(dir);
		if (typeof pages === 'string') return pages;
		const header = await writeHeaderSearchIndex(dir);
		return typeof header === 'string' ? header : pages;
	} catch (error) {
		// Pagefind's binary could not start, or ended (crashed, killed) while indexing.
		return pagefindFailure(`stopped: ${error instanceof Error ? error.message : String(error)}`, []);
	} finally {
		await pagefind.close();
	}
}

/**
 * Indexes the built pages with Pagefind into `dir/pagefind/`; returns the number of pages, or why
 * it failed. The index is dropped from Pagefind's service once written (its memory with it); the
 * caller closes the service.
 */
export async function indexForSearch(dir: string): Promise<number | string> {
	const { index, errors: createErrors } = await pagefind.createIndex({});
	if (!index || createErrors.length) return pagefindFailure('could not start', createErrors);
	try {
		const added = await index.addDirectory({ path: dir });
		if (added.errors.length) return pagefindFailure('could not index the site', added.errors);
		if (added.page_count === 0) return pagefindFailure('indexed no page: is `data-pagefind-body` missing?', []);
		const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
		if (written.errors.length) return pagefindFailure('could not write its files', written.errors);
		for (const file of UNUSED_PAGEFIND_FILES) fs.rmSync(path.join(dir, 'pagefind', file), { force: true });
		return added.page_count;
	} finally {
		await index.deleteIndex();
	}
}

function pagefindFailure(what: string, errors: string[]): string {
	return `Pagefind ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`;
}
