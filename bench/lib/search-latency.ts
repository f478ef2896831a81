/**
 * How long a reader waits for results (issue 16): from the last keystroke of a query typed at a
 * reader's pace to its first result on screen, in the header box of the home page and in the
 * search page's box, in real time in Chromium, each run in a fresh browser context (empty cache),
 * served by the site's static server on this machine (so no network latency is included).
 *
 * "The last keystroke" is the `input` event of the query's last character (its timestamp, taken
 * when the key was handled); "on screen" is the next animation frame after the list is marked with
 * the query it shows results for (`data-query`, set by both search scripts once their results are
 * in the page). A first query includes loading Pagefind and the index as far as typing has not
 * already hidden it; a second one, typed in the same page, is searched with everything loaded.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

/** Milliseconds from the last keystroke to the first result, one figure per run. */
export interface Waits {
	runs: number[];
	median: number;
	max: number;
}

export interface BoxLatency {
	/** The first query typed after the page has loaded (Pagefind loads on focus or first keystroke). */
	first: Waits;
	/** A second query in the same page. */
	second: Waits;
}

export interface SearchLatency {
	queries: [string, string];
	/** Pause between keystrokes, as a reader types (ms). */
	keyDelayMs: number;
	header: BoxLatency;
	searchPage: BoxLatency;
}

export interface LatencyOptions {
	runs?: number;
	keyDelayMs?: number;
}

/** The two boxes: the page they are on (under the base path) and their input and result list. */
const BOXES = {
	header: { path: '', input: '#header-search-input', list: '#header-search-results' },
	searchPage: { path: 'search/', input: '#search-input', list: '[data-search-results]' },
} as const;

/** Measures both boxes of the built site in `dist` (served under `base`), `runs` times each. */
export async function measureSearchLatency(dist: string, base: string, queries: [string, string], { runs = 5, keyDelayMs = 120 }: LatencyOptions = {}): Promise<SearchLatency> {
	const server = await startStaticServer({ dir: dist, base });
	const browser = await launchBrowser();
	try {
		const result = { queries, keyDelayMs } as SearchLatency;
		for (const name of ['header', 'searchPage'] as const) {
			const first: number[] = [];
			const second: number[] = [];
			for (let i = 0; i < runs; i++) {
				const [a, b] = await typeTwice(browser, `${server.url}${BOXES[name].path}`, BOXES[name], queries, keyDelayMs);
				first.push(a);
				second.push(b);
			}
			result[name] = { first: summarize(first), second: summarize(second) };
		}
		return result;
	} finally {
		await browser.close();
		await server.close();
	}
}

async function typeTwice(browser: Browser, url: string, box: (typeof BOXES)[keyof typeof BOXES], queries: [string, string], keyDelayMs: number): Promise<[number, number]> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.addInitScript(recordWaits, { input: box.input, list: box.list });
		await page.goto(url, { waitUntil: 'load' });
		const first = await typeAndWait(page, box.input, queries[0], keyDelayMs);
		await page.locator(box.input).fill('');
		const second = await typeAndWait(page, box.input, queries[1], keyDelayMs);
		return [first, second];
	} finally {
		await context.close();
	}
}

async function typeAndWait(page: Page, input: string, query: string, keyDelayMs: number): Promise<number> {
	await page.locator(input).focus();
	await page.keyboard.type(query, { delay: keyDelayMs });
	const handle = await page.waitForFunction((q) => (window as unknown as LatencyWindow).__searchWaits.shown.get(q), query, { timeout: 30_000 });
	const shown = (await handle.jsonValue()) as number;
	const typed = await page.evaluate(() => (window as unknown as LatencyWindow).__searchWaits.lastInput);
	return Math.round(shown - typed);
}

interface LatencyWindow {
	__searchWaits: { lastInput: number; shown: Map<string, number> };
}

/** Runs in the page before its scripts: notes each keystroke's time, and when each query's results are painted. */
function recordWaits({ input, list }: { input: string; list: string }) {
	const waits: LatencyWindow['__searchWaits'] = { lastInput: 0, shown: new Map() };
	(window as unknown as LatencyWindow).__searchWaits = waits;
	document.addEventListener(
		'input',
		(event) => {
			if ((event.target as Element).matches(input)) waits.lastInput = event.timeStamp;
		},
		true,
	);
	new MutationObserver((records) => {
		for (const record of records) {
			const query = (record.target as HTMLElement).dataset.query;
			if (!(record.target as Element).matches(list) || !query || waits.shown.has(query)) continue;
			requestAnimationFrame(() => waits.shown.set(query, performance.now()));
		}
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-query'] });
}

function summarize(runs: number[]): Waits {
	const sorted = [...runs].sort((a, b) => a - b);
	return { runs, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted.at(-1)! };
}
