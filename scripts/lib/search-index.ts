/**
 * The indexing step of `npm run build`: Pagefind reads the written pages and writes the search
 * index into `<dir>/pagefind/`. It runs in a process of its own once the process that wrote the
 * pages has exited (build-site.ts), so Pagefind's binary never runs beside Astro's memory.
 * Every index of the site is written here (`indexSite`): the full one, then the header box's
 * (header-search-index.ts), so they share this step's process, timing, failure and atomicity: a
 * failure in either fails the build, and the output is swapped in only after both.
 *
 * Pagefind holds the index it is writing in memory (some 400 bytes per indexed word), so a large
 * site's indexes are written in parts (src/search-parts.ts), as many as its pages say
 * (`<html data-search-parts>`): each part by a Pagefind process of its own, stopped before the next
 * starts, so that the step's memory is that of one part.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createRoutes } from '../../src/routes.ts';
import { assignParts, PART_SORT_KEY, PARTS_ATTRIBUTE, partsOf } from '../../src/search-parts.ts';
import { writeHeaderSearchIndex } from './header-search-index.ts';

/** Paths inside the built site, as Pagefind's bundles have them: the browser adds the base path. */
const siteRoutes = createRoutes('/');

/**
 * Pagefind files the site never loads, so not published: the ready-made search interfaces (the site
 * has its own, src/scripts/search-*.ts) and Pagefind's worker (the site runs `pagefind.js` with
 * `noWorker`, on the header box's page or in a worker of its own: search-core.ts).
 */
const UNUSED_PAGEFIND_FILES = ['pagefind-worker.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css'];

/**
 * The folder, inside the site's, where a part's pages are gathered for Pagefind (as hard links: no
 * copy of their bytes) while it is indexed; removed once the part is written.
 */
const PART_FOLDER = '.search-part';

/** A page Pagefind indexes: its file (relative to the site's folder, with `/`) and its sort date, if any. */
export interface IndexedPage {
	file: string;
	date?: string;
}

/**
 * Writes every search index of the built site in `dir`: the full index into `dir/pagefind/` (and
 * its other parts beside it), then the header box's (header-search-index.ts) into
 * `dir/pagefind/header/`. Returns the number of pages of the full index, or why one failed.
 */
export async function indexSite(dir: string): Promise<number | string> {
	try {
		const parts = searchParts(dir);
		const pages = await indexForSearch(dir, parts);
		if (typeof pages === 'string') return pages;
		const header = await writeHeaderSearchIndex(dir, parts);
		return typeof header === 'string' ? header : pages;
	} catch (error) {
		// Pagefind's binary could not start, or ended (crashed, killed) while indexing.
		return pagefindFailure(`stopped: ${error instanceof Error ? error.message : String(error)}`, []);
	} finally {
		await pagefind.close();
	}
}

/** The number of parts the pages of the built site in `dir` search (its home page's `data-search-parts`; one without it). */
export function searchParts(dir: string): number {
	const home = path.join(dir, 'index.html');
	if (!fs.existsSync(home)) return 1;
	const html = fs.readFileSync(home, 'utf8');
	return partsOf(new RegExp(`<html\\b[^>]*\\s${PARTS_ATTRIBUTE}="(\\d+)"`).exec(html)?.[1]);
}

/**
 * Indexes the built pages with Pagefind, in `parts` parts: the first into `dir/pagefind/`, the
 * others into `dir/pagefind/part-<n>/`. Returns the number of pages, or why it failed. Each part's
 * Pagefind process is stopped once its part is written, and its memory given back.
 */
export async function indexForSearch(dir: string, parts = 1): Promise<number | string> {
	const pages = indexedPages(dir);
	if (pages.length === 0) return pagefindFailure('indexed no page: is `data-pagefind-body` missing?', []);
	let count = 0;
	for (const [i, part] of assignParts(pages, parts).entries()) {
		const written = await indexPart(dir, part, i + 1);
		if (typeof written === 'string') return written;
		count += written;
	}
	return count;
}

/**
 * The pages of the built site in `dir` that Pagefind indexes, in order of their files: those with
 * a `data-pagefind-body` (the articles and the glossary entries; when a site has such pages,
 * Pagefind indexes no other, so the others are not sent to it at all), each with its sort date.
 */
export function indexedPages(dir: string): IndexedPage[] {
	const pages: IndexedPage[] = [];
	const skipped = [path.join(dir, siteRoutes.pagefind('')), path.join(dir, PART_FOLDER)];
	for (const file of htmlFiles(dir, skipped)) {
		// Bytes rather than text: every page of the site is looked at, most of them whole.
		const html = fs.readFileSync(path.join(dir, file));
		if (!tagWith(html, ' data-pagefind-body')) continue;
		const date = /\sdata-value="([^"]*)"/.exec(tagWith(html, ` data-pagefind-sort="${PART_SORT_KEY}[data-value]"`) ?? '')?.[1];
		pages.push(date === undefined ? { file } : { file, date });
	}
	return pages;
}

/**
 * The first start tag of `html` that holds `attribute` (its text, as written), or undefined. Text
 * between tags cannot hold it: the page escapes its `<`.
 */
function tagWith(html: Buffer, attribute: string): string | undefined {
	for (let at = html.indexOf(attribute); at >= 0; at = html.indexOf(attribute, at + 1)) {
		const start = html.lastIndexOf('<', at);
		if (start > html.lastIndexOf('>', at)) return html.toString('utf8', start, html.indexOf('>', at) + 1);
	}
	return undefined;
}

/** Every HTML file under `dir` but in the folders `skip`, relative to `dir` with `/`, sorted. */
function htmlFiles(dir: string, skip: string[]): string[] {
	const skipped = new Set(skip.map((folder) => path.resolve(folder)));
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const item of fs.readdirSync(folder, { withFileTypes: true })) {
			const full = path.join(folder, item.name);
			if (item.isDirectory()) {
				if (!skipped.has(path.resolve(full))) walk(full);
			} else if (item.name.endsWith('.html')) files.push(path.relative(dir, full).split(path.sep).join('/'));
		}
	};
	walk(dir);
	return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Indexes `pages` as part `part` (from 1) with a Pagefind process of its own; returns their number,
 * or why it failed. Pagefind reads the pages from a folder that holds only them, at the same paths
 * (so the same addresses), which it parses on every core.
 */
async function indexPart(dir: string, pages: IndexedPage[], part: number): Promise<number | string> {
	if (pages.length === 0) return pagefindFailure(`has no page for part ${part} of the search index`, []);
	const gathered = path.join(dir, PART_FOLDER);
	const { index, errors: createErrors } = await pagefind.createIndex({});
	if (!index || createErrors.length) return pagefindFailure('could not start', createErrors);
	try {
		gather(dir, pages, gathered);
		const added = await index.addDirectory({ path: gathered });
		if (added.errors.length) return pagefindFailure('could not index the site', added.errors);
		if (added.page_count !== pages.length) return pagefindFailure(`indexed ${added.page_count} of the ${pages.length} pages of part ${part}`, []);
		const outputPath = path.join(dir, siteRoutes.searchPart(part));
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) return pagefindFailure('could not write its files', written.errors);
		removeUnused(outputPath, part === 1);
		return pages.length;
	} finally {
		fs.rmSync(gathered, { recursive: true, force: true });
		await index.deleteIndex();
		await pagefind.close();
	}
}

/** Puts `pages` of the site in `dir` into the empty folder `into`, at the same paths: hard links, or copies where links fail. */
function gather(dir: string, pages: IndexedPage[], into: string): void {
	fs.rmSync(into, { recursive: true, force: true });
	for (const { file } of pages) {
		const target = path.join(into, file);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		try {
			fs.linkSync(path.join(dir, file), target);
		} catch {
			fs.copyFileSync(path.join(dir, file), target);
		}
	}
}

/**
 * Removes what the site never loads from a part's bundle: in the first, the ready-made interfaces
 * and Pagefind's worker; in the others, every script and WebAssembly too (the browser merges them
 * into the first part's instance, which runs its own).
 */
function removeUnused(bundle: string, first: boolean): void {
	for (const file of fs.readdirSync(bundle)) {
		const unused = first ? UNUSED_PAGEFIND_FILES.includes(file) : /\.(?:js|css)$|^wasm\..*\.pagefind$/.test(file);
		if (unused) fs.rmSync(path.join(bundle, file));
	}
}

function pagefindFailure(what: string, errors: string[]): string {
	return `Pagefind ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`;
}
