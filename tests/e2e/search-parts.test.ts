/**
 * A large site's search indexes are written in parts (src/search-parts.ts, issue 16: Pagefind's
 * memory at 10,000 articles), and the browser searches the parts together. A small fixture
 * (`tests/fixtures/search-parts/content`: 7 articles, 3 glossary entries) is built under /reader/
 * with `SEARCH_PART_SIZE=3`, which makes three parts of each index; the search page and the header
 * box must find, filter, rank and sort across them as across one index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

/** The fixture's articles by title, with their dates. */
const ARTICLES: Record<string, string> = {
	'Alder quay reopens': '2015-03-02',
	'Birch pier is repaired': '2015-01-15',
	'Cedar dock floods': '2015-05-20',
	'Elm jetty gets a new crane': '2015-03-02',
	'Fir mole lighthouse is lit': '2015-02-10',
	'Gum wharf sells fish': '2015-06-30',
	'Hazel slip is dredged': '2015-04-11',
};
/** The articles that name Riverton (the others name Hillford). */
const IN_RIVERTON = ['Alder quay reopens', 'Cedar dock floods', 'Elm jetty gets a new crane', 'Gum wharf sells fish', 'Hazel slip is dredged'];
const PARTS = 3;

let site: ServedSite;
let browser: Browser;
siteInBrowser(
	() => buildSite('search-parts', 'tests/fixtures/search-parts/content', '/reader/', { SEARCH_PART_SIZE: '3' }),
	(served, chromium) => {
		site = served;
		browser = chromium;
	},
);

/** Pages whose warnings and errors are collected into `problems`. */
const problems: string[] = [];
async function open(address: string): Promise<Page> {
	const page = await browser.newPage();
	page.on('pageerror', (error) => problems.push(error.message));
	page.on('console', (message) => ['warning', 'error'].includes(message.type()) && problems.push(message.text()));
	await page.goto(`${site.url}${address}`);
	return page;
}

/** Titles, links and dates (`2015-03-02`) of the results on the search page, once its status line has settled. */
async function results(page: Page): Promise<{ title: string; href: string; date?: string }[]> {
	await page.waitForFunction(() => /result|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
	const links = await page.$$eval('[data-search-results] > li .result-title a', (items) => items.map((a) => ({ title: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
	return links.map((link) => ({ ...link, date: ARTICLES[link.title] }));
}

describe('a site indexed in three parts', () => {
	const pageCount = (bundle: string) =>
		Object.values((JSON.parse(fs.readFileSync(path.join(site.dir, bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages)[0]!.page_count;

	it('says so in its pages, and writes each index in three parts that together hold every page once', () => {
		expect(fs.readFileSync(path.join(site.dir, 'index.html'), 'utf8')).toMatch(/<html [^>]*data-search-parts="3"/);
		for (const [first, folder] of [
			['pagefind', (n: number) => `pagefind/part-${n}`],
			['pagefind/header', (n: number) => `pagefind/header/part-${n}`],
		] as const) {
			const bundles = [first, ...Array.from({ length: PARTS - 1 }, (_, i) => folder(i + 2))];
			const counts = bundles.map(pageCount);
			// 7 articles and 3 entries, dealt in turn: 4, 3 and 3.
			expect(counts, first).toEqual([4, 3, 3]);
			// Only the first part has a WebAssembly; the others are merged into it and run it.
			for (const bundle of bundles.slice(1)) expect(fs.readdirSync(path.join(site.dir, bundle)).filter((f) => /\.(js|css)$|^wasm\./.test(f))).toEqual([]);
		}
	});

	it('the search page finds the articles of every part', async () => {
		const page = await open('search/?q=harbour');
		const found = await results(page);
		expect(found.map((r) => r.title)).toEqual(expect.arrayContaining(Object.keys(ARTICLES)));
		// Every part's results link under the base path and carry the words to highlight.
		for (const { href } of found) expect(href).toMatch(/^\/reader\/(articles|glossary)\/[\w-]+\/\?pagefind-highlight=harbour$/);
		await page.close();
	});

	it('ranks across parts by score: the article all about a word first', async () => {
		const page = await open('search/?q=lighthouse');
		expect((await results(page)).map((r) => r.title)).toEqual(['Fir mole lighthouse is lit', 'Gum wharf sells fish']);
		await page.close();
	});

	it.each([
		['newest', -1],
		['oldest', 1],
	] as const)('sorts by date across parts, exactly: %s first', async (order, sign) => {
		const page = await open(`search/?q=harbour&sort=${order}`);
		const found = await results(page);
		// Only articles have a date: the others are left out of a sorted list, as on a site of one part.
		expect(found.map((r) => r.title).sort()).toEqual(Object.keys(ARTICLES).sort());
		const dates = found.map((r) => r.date!);
		expect(dates).toEqual([...dates].sort((a, b) => sign * a.localeCompare(b)));
		await page.close();
	});

	it('counts filter values over every part, and a filter narrows the results of every part', async () => {
		const page = await open('search/?q=harbour');
		await results(page);
		await page.locator('details[data-filter="place"] > summary').click();
		const place = page.getByRole('group', { name: 'Place' });
		// The values and counts load as the group opens: the counts of the three parts added up.
		await place.getByRole('checkbox', { name: 'Riverton (5)' }).waitFor();
		await place.getByRole('checkbox', { name: 'Hillford (2)' }).waitFor();
		await place.getByRole('checkbox', { name: /^Riverton/ }).check();
		await page.waitForURL(/place=Riverton/);
		await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length === n, IN_RIVERTON.length);
		expect((await results(page)).map((r) => r.title).sort()).toEqual(IN_RIVERTON);
		await page.close();
	});

	it('the header box finds a word of an article and a glossary entry in parts after the first', async () => {
		const page = await open('');
		const box = page.locator('#header-search-input');
		await box.focus();
		// Cedar dock's own word: its record is in the third part of the box's index.
		await page.keyboard.type('cadmiel');
		await page.locator('#header-search-results[data-query="cadmiel"]').waitFor({ state: 'attached' });
		await expect(page.locator('#header-search-option-0 .result-title').textContent()).resolves.toBe('Cedar dock floods');
		// Hillford's entry is in the second part; two articles name it too.
		await box.fill('Hillford');
		await page.locator('#header-search-results[data-query="Hillford"]').waitFor({ state: 'attached' });
		const titles = await page.$$eval('#header-search-results [role="option"] .result-title', (items) => items.map((item) => item.textContent));
		expect(titles).toContain('Hillford');
		const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
		for (let n = 2; n <= PARTS; n++) expect(fetched).toContain(`/reader/pagefind/header/part-${n}/pagefind-entry.json`);
		// Nothing of the full index: the box searches its own.
		expect(fetched.filter((p) => /^\/reader\/pagefind\/(part-|index\/|fragment\/)/.test(p))).toEqual([]);
		await page.close();
	});

	it('logs no warning or error in the browser', () => {
		expect(problems).toEqual([]);
	});
});
