/**
 * What a first and a second query cost a reader: typed into the header search box of the home
 * page (the way `bench/lib/search-weight.ts` measures a first query), one after the other in the
 * same page, counting the bytes fetched from `pagefind/` (the box's own index in
 * `pagefind/header/` included) for each, from focusing the box to its results.
 */
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

export interface QueryBytes {
	query: string;
	/** Options the header box listed. */
	results: number;
	/** Bytes of Pagefind files (everything under /pagefind/) fetched for this query, as served. */
	pagefindBytes: number;
	/** The same with Pagefind's scripts gzipped, as a compressing static host sends them. */
	pagefindGzipBytes: number;
	requests: number;
	/** The gzip bytes by kind of file: js, wasm, meta, index, fragment, filter, other. */
	byKind: Record<string, number>;
	/** Paths of the files fetched, in the order they finished. */
	files: string[];
}

export interface SearchMeasurement {
	first: QueryBytes;
	second: QueryBytes;
}

interface Fetched {
	url: string;
	bytes: number;
	wire: number;
}

/**
 * Serves `dist` like a static host, opens the home page in Chromium with an empty cache, types
 * `queries[0]` into the header box, waits for its results, then clears the box and types
 * `queries[1]`. Pagefind's index, fragment and wasm files are gzipped by Pagefind itself; its
 * scripts are counted both as served and gzipped.
 */
export async function measureSearch(dist: string, base: string, queries: [string, string]): Promise<SearchMeasurement> {
	const server = await startStaticServer({ dir: dist, base });
	const browser = await launchBrowser();
	try {
		const page = await (await browser.newContext()).newPage();
		await page.goto(server.url, { waitUntil: 'load' });
		let log: Fetched[] = [];
		const pending: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			if (!new URL(request.url()).pathname.startsWith(`${base}pagefind/`)) return;
			pending.push(
				(async () => {
					const body = await (await request.response())?.body();
					if (!body) return;
					const text = /\.(?:js|json|css)$/.test(new URL(request.url()).pathname);
					log.push({ url: request.url(), bytes: body.length, wire: text ? zlib.gzipSync(body).length : body.length });
				})().catch(() => undefined),
			);
		});
		const take = async () => {
			await page.waitForLoadState('networkidle');
			await Promise.all(pending);
			const taken = log;
			log = [];
			return taken;
		};
		const first = await runQuery(page, queries[0], take);
		const second = await runQuery(page, queries[1], take);
		return { first, second };
	} finally {
		await browser.close();
		await server.close();
	}
}

async function runQuery(page: Page, query: string, take: () => Promise<Fetched[]>): Promise<QueryBytes> {
	const box = page.locator('#header-search-input');
	await box.focus();
	await box.fill('');
	// The words arrive as one input, as a quick typist's keystrokes within the box's pause do: on a
	// slow or loaded machine, keystrokes typed one by one get searched one by one (each search
	// fetching its own results), and the bytes would depend on the machine.
	await box.fill(query);
	// The box marks its list with the query its results are for; then every fetch has settled.
	await page.locator(`#header-search-results[data-query="${query.replace(/["\\]/g, '\\$&')}"]`).waitFor({ state: 'attached', timeout: 30_000 });
	const fetched = await take();
	return {
		query,
		results: await page.locator('#header-search-results [role="option"]:not(.search-all)').count(),
		pagefindBytes: fetched.reduce((sum, r) => sum + r.bytes, 0),
		pagefindGzipBytes: fetched.reduce((sum, r) => sum + r.wire, 0),
		requests: fetched.length,
		files: fetched.map((r) => new URL(r.url).pathname),
		byKind: fetched.reduce<Record<string, number>>((kinds, r) => {
			const kind = KINDS.find(([pattern]) => pattern.test(new URL(r.url).pathname))?.[1] ?? 'other';
			kinds[kind] = (kinds[kind] ?? 0) + r.wire;
			return kinds;
		}, {}),
	};
}

const KINDS: [RegExp, string][] = [
	[/\.js$/, 'js'],
	[/wasm\.[^/]*\.pagefind$/, 'wasm'],
	[/\.pf_meta$/, 'meta'],
	[/\.pf_index$/, 'index'],
	[/\.pf_fragment$/, 'fragment'],
	[/\.pf_filter$/, 'filter'],
];

export interface PageSearchBytes {
	/** Every response from navigating to the search page until its first result shows, gzipped as a compressing host sends text. */
	gzipBytes: number;
	requests: number;
	files: { path: string; gzip: number }[];
	/** Results listed. */
	results: number;
	/** Cumulative layout shift from navigation until the results are shown and the network is idle. */
	layoutShift: number;
}

/**
 * Opens the search page with `?q=<query>` in Chromium with an empty cache and counts every
 * response (HTML, CSS, scripts, Pagefind's files) until the first result shows and the network is
 * idle, with text files gzipped as a compressing static host sends them, and the page's layout
 * shift over that time.
 */
export async function measureSearchPage(dist: string, base: string, query: string): Promise<PageSearchBytes> {
	const server = await startStaticServer({ dir: dist, base });
	const browser = await launchBrowser();
	try {
		const page = await (await browser.newContext()).newPage();
		await page.addInitScript(() => {
			const state = { shift: 0 };
			Object.assign(window, { layoutShift: state });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) state.shift += entry.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const files: { path: string; gzip: number }[] = [];
		const pending: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			pending.push(
				(async () => {
					const body = await (await request.response())?.body();
					if (!body) return;
					const { pathname } = new URL(request.url());
					const text = /\.(?:js|json|css|html|svg|xml|txt)$|\/$/.test(pathname);
					files.push({ path: pathname, gzip: text ? zlib.gzipSync(body).length : body.length });
				})().catch(() => undefined),
			);
		});
		await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
		await page.locator('[data-search-results] > li').first().waitFor({ timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await Promise.all(pending);
		const layoutShift = await page.evaluate(() => (window as unknown as { layoutShift: { shift: number } }).layoutShift.shift);
		return {
			gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
			requests: files.length,
			files,
			results: await page.locator('[data-search-results] > li').count(),
			layoutShift,
		};
	} finally {
		await browser.close();
		await server.close();
	}
}
