import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

export interface SearchBytes {
	query: string;
	results: number;
	/** Bytes of Pagefind files (everything under /pagefind/) fetched for this query, as served. */
	pagefindBytes: number;
	/** The same with Pagefind's scripts gzipped, as a compressing static host sends them. */
	pagefindGzipBytes: number;
	requests: number;
	/** The gzip bytes by kind of file: js, wasm, meta, index, fragment, other. */
	byKind: Record<string, number>;
}

export interface SearchMeasurement {
	/** Gzip bytes of the search page itself (HTML, CSS, scripts), before any query. */
	pageGzipBytes: number;
	first: SearchBytes;
	second: SearchBytes;
}

/**
 * Serves `dist` like a static host, opens the search page in Chromium with an empty cache, runs
 * `queries[0]` then `queries[1]` through the page's own form, and counts the bytes each query
 * fetched: as served by a plain server, and with text files (Pagefind's scripts) gzipped as most
 * static hosts send them. Pagefind's index, fragment and wasm files are gzipped by Pagefind itself.
 */
export async function measureSearch(dist: string, base: string, queries: [string, string]): Promise<SearchMeasurement> {
	const server = await startStaticServer({ dir: dist, base });
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		let log: Fetched[] = [];
		const pending: Promise<void>[] = [];
		page.on('requestfinished', (request) => {
			pending.push(
				(async () => {
					const body = await (await request.response())?.body();
					if (!body) return;
					// Pagefind's index files are gzipped already; a host compresses only the text ones.
					const text = /\.(?:js|json|css|html?)$|\/$/.test(new URL(request.url()).pathname);
					log.push({ url: request.url(), bytes: body.length, wire: text ? zlib.gzipSync(body).length : body.length });
				})().catch(() => undefined),
			);
		});
		const settle = async () => {
			await page.waitForLoadState('networkidle');
			await Promise.all(pending);
			const taken = log;
			log = [];
			return taken;
		};
		await page.goto(`${server.url}search/`);
		const pageGzipBytes = (await settle()).reduce((sum, r) => sum + r.wire, 0);
		const first = await runQuery(page, queries[0], settle);
		const second = await runQuery(page, queries[1], settle);
		return { pageGzipBytes, first, second };
	} finally {
		await browser.close();
		await server.close();
	}
}

interface Fetched {
	url: string;
	bytes: number;
	wire: number;
}

async function runQuery(page: Page, query: string, settle: () => Promise<Fetched[]>): Promise<SearchBytes> {
	const status = page.locator('[data-search-status]');
	const before = (await status.textContent()) ?? '';
	await page.locator('[data-search-input]').fill(query);
	await page.locator('[data-search-input]').press('Enter');
	await page.waitForFunction(
		([previous]) => {
			const text = document.querySelector('[data-search-status]')?.textContent ?? '';
			return text !== previous && /result/i.test(text);
		},
		[before],
		{ timeout: 30_000 },
	);
	const fetched = (await settle()).filter((r) => new URL(r.url).pathname.includes('/pagefind/'));
	const text = (await status.textContent()) ?? '';
	return {
		query,
		results: Number(/(\d+) results?/.exec(text)?.[1] ?? 0),
		pagefindBytes: fetched.reduce((sum, r) => sum + r.bytes, 0),
		pagefindGzipBytes: fetched.reduce((sum, r) => sum + r.wire, 0),
		requests: fetched.length,
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
];
