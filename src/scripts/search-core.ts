/**
 * What the header search box and the search page share: Pagefind, loaded once from the site's own
 * base path (never another host), and the rendering of one result. The search page searches the
 * full index (`pagefind/`); the header box its own, smaller one (`pagefind/header/`, written by
 * `scripts/lib/header-search-index.ts`) with the same script. A large site's indexes are in parts
 * (src/search-parts.ts), as many as `<html data-search-parts>` says: each search merges them.
 */
import { createRoutes } from '../routes.ts';
import { partsOf } from '../search-parts.ts';
import { escapeHtml } from '../escape.ts';
import { pagefindInWorker } from './search-in-worker.ts';

/** The query parameter that carries the matched words to the page a result opens. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

export type Filters = Record<string, Record<string, number>>;
export type FilterSelection = Record<string, string[]>;

interface Anchor {
	element: string;
	id: string;
	text?: string;
	location: number;
}
export interface ResultData {
	url: string;
	excerpt: string;
	content: string;
	locations: number[];
	anchors: Anchor[];
	meta: Record<string, string | undefined>;
}
export interface Search {
	results: { id: string; data(): Promise<ResultData> }[];
	filters: Filters;
	unfilteredResultCount: number;
}
/** A Pagefind instance: the module's default one (the full index) or one made by `createInstance`. */
export interface PagefindInstance {
	options(options: Record<string, unknown>): Promise<void>;
	/** Searches another index (a part, src/search-parts.ts) with this one: the first's script and WebAssembly, results merged by score. */
	mergeIndex(basePath: string, options?: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(query: string | null, options?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> }): Promise<Search | null>;
	filters(): Promise<Filters>;
	preload(query: string): Promise<void>;
}
interface PagefindModule extends PagefindInstance {
	createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** The base path the site was built for, from `<html data-base>`. */
export const BASE = document.documentElement.dataset.base ?? '/';

/** The site's addresses under that base path. */
export const routes = createRoutes(BASE);

/**
 * Options of every instance. Result URLs are indexed from the root of dist/: prefix the base path,
 * and carry the words. Not Pagefind's own worker: it would fetch pagefind-worker.js (12 KB gzip) to
 * run the same code; the header box's small index is searched on the main thread, the full index
 * of the search page in a worker of ours that runs this same script (`search-worker.ts`).
 */
const OPTIONS = { baseUrl: BASE, highlightParam: HIGHLIGHT_PARAM, excerptLength: 24, noWorker: true };

/** Options of each merged part: the first's, but the worker choice (the first's alone). */
const PART_OPTIONS = { baseUrl: OPTIONS.baseUrl, highlightParam: OPTIONS.highlightParam, excerptLength: OPTIONS.excerptLength };

/** How many parts the site's search indexes have (src/search-parts.ts). */
const PARTS = partsOf(document.documentElement.dataset.searchParts);

/** The folders of the parts after the first, for `mergeIndex`. */
function otherParts(folder: (part: number) => string): string[] {
	return Array.from({ length: PARTS - 1 }, (_, i) => folder(i + 2));
}

let script: Promise<PagefindModule> | undefined;
let pagefind: Promise<PagefindInstance> | undefined;
let headerSearch: Promise<PagefindInstance> | undefined;

/** Retries on the next call when loading failed (a network error), instead of failing for good. */
function retryable<T>(promise: Promise<T>, forget: () => void): Promise<T> {
	promise.catch(forget);
	return promise;
}

/** Pagefind's script, loaded once for both indexes. */
function loadScript(): Promise<PagefindModule> {
	script ??= retryable(import(/* @vite-ignore */ routes.pagefind('pagefind.js')) as Promise<PagefindModule>, () => (script = undefined));
	return script;
}

/**
 * Pagefind over the site's full index (the search page), loaded on first use, in a worker
 * (`search-in-worker.ts`): searching the full index blocked a phone's main thread for hundreds of
 * milliseconds (Lighthouse on `/search/?q=…`).
 */
export function loadPagefind(): Promise<PagefindInstance> {
	pagefind ??= Promise.resolve(
		pagefindInWorker(new URL(routes.pagefind('pagefind.js'), location.href).href, { ...OPTIONS, language: document.documentElement.lang || undefined }, otherParts(routes.searchPart)),
	);
	return pagefind;
}

/**
 * Pagefind over the header box's index (articles, and glossary entries by their names), loaded on
 * first use; it starts fetching its index's entry file, metadata and WebAssembly at once, and
 * merges the index's other parts, if any.
 */
export function loadHeaderSearch(): Promise<PagefindInstance> {
	headerSearch ??= retryable(
		(async () => {
			const instance = (await loadScript()).createInstance({ ...OPTIONS, basePath: routes.headerSearch });
			await Promise.all(otherParts(routes.headerSearchPart).map((part) => instance.mergeIndex(part, PART_OPTIONS)));
			return instance;
		})(),
		() => (headerSearch = undefined),
	);
	return headerSearch;
}

/** Pagefind filters for a selection: any of the chosen values within a key, every key. */
export function toPagefindFilters(selection: FilterSelection): Record<string, { any: string[] }> {
	return Object.fromEntries(
		Object.entries(selection)
			.filter(([, values]) => values.length)
			.map(([key, values]) => [key, { any: values }]),
	);
}

/** Words around `location` in the indexed text, with the matched ones in `<mark>`. */
function excerptAt(data: ResultData, location: number, words = data.content.split(/\s+/)): string {
	const start = Math.max(0, location - 8);
	const matched = new Set(data.locations);
	const slice = words.slice(start, start + 24).map((word, i) => (matched.has(start + i) ? `<mark>${escapeHtml(word)}</mark>` : escapeHtml(word)));
	return `${start > 0 ? '… ' : ''}${slice.join(' ')}${start + 24 < words.length ? ' …' : ''}`;
}

export interface SubResult {
	title: string;
	url: string;
	excerpt: string;
}

/**
 * Up to three sections of a page where the words matched, in page order: the closest heading,
 * paragraph or quoted block before each match, so a result can link straight to it. Pagefind's
 * own sub-results split on headings only, and our articles are mostly paragraphs.
 */
export function subResults(data: ResultData, limit = 3): SubResult[] {
	const anchors = data.anchors.filter((a) => /^(h[1-6]|p|figure)$/.test(a.element) && a.id).sort((a, b) => a.location - b.location);
	const words = data.content.split(/\s+/);
	const found = new Map<string, SubResult>();
	for (const location of [...data.locations].sort((a, b) => a - b)) {
		const anchor = anchors.findLast((a) => a.location <= location);
		if (!anchor || found.has(anchor.id)) continue;
		const title =
			/^h\d$/.test(anchor.element) && anchor.text ? anchor.text : anchor.element === 'figure' ? 'Quoted block' : `Paragraph ${anchors.filter((a) => a.element === 'p').indexOf(anchor) + 1}`;
		found.set(anchor.id, { title, url: `${data.url.split('#')[0]}#${anchor.id}`, excerpt: excerptAt(data, location, words) });
		if (found.size === limit) break;
	}
	return [...found.values()];
}

/**
 * One result as a list item: its title linking to the page, its type and date, the excerpt with
 * the matched words marked, and links to the sections that matched. Pagefind's excerpts are
 * escaped text with `<mark>`; every other string is set as text.
 */
export function renderResult(data: ResultData, { headingLevel, sections = true }: { headingLevel?: number; sections?: boolean } = {}): HTMLLIElement {
	const item = document.createElement('li');
	const title = document.createElement(headingLevel ? `h${headingLevel}` : 'p');
	title.className = 'result-title';
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = data.meta.title ?? data.url;
	title.append(link);
	const about = document.createElement('p');
	about.className = 'result-type';
	about.textContent = [data.meta.type, data.meta.date && formatDate(data.meta.date)].filter(Boolean).join(' · ');
	const excerpt = document.createElement('p');
	excerpt.className = 'result-excerpt';
	excerpt.innerHTML = data.excerpt;
	item.append(title, about, excerpt);
	const parts = sections ? subResults(data) : [];
	if (parts.length > 1 || (parts.length === 1 && data.meta.type === 'Article')) {
		const list = document.createElement('ul');
		list.className = 'result-sections';
		list.setAttribute('aria-label', `Matches in ${data.meta.title ?? 'this page'}`);
		for (const part of parts) {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = part.url;
			a.textContent = part.title;
			const text = document.createElement('span');
			text.innerHTML = `: ${part.excerpt}`;
			li.append(a, text);
			list.append(li);
		}
		item.append(list);
	}
	return item;
}

/** `2014-06-21` → `21 June 2014`. */
export function formatDate(iso: string): string {
	const date = new Date(`${iso}T00:00:00Z`);
	return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "1 result" / "3 results". */
export function countResults(n: number): string {
	return `${n} result${n === 1 ? '' : 's'}`;
}
