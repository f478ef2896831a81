/**
 * Search in a real browser: the seed content built at the root and under /reader/, served as
 * static files. Rare words, an alias, a glossary-only phrase, filters, the URL, the header box by
 * keyboard, highlighting on the result's page, no request to another host, and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeContexts, injectAxe, reusedPages, workerBrowser } from '../helpers/browser.ts';
import { seedSite } from '../helpers/build.ts';
import { serveSite, type ServedSite } from '../helpers/site-server.ts';
import { measureSearchWeight } from '../../bench/lib/search-weight.ts';

const ARTICLE = 'articles/kurds-seize-jalula-to-attack-isis/';
const ARTICLE_TITLE = 'Kurds seize Jalula to attack ISIS';
const ISIS_ENTRY = 'glossary/isis/';

let browser: Browser;
beforeAll(async () => {
	browser = await workerBrowser();
});
afterAll(async () => {
	await closeContexts(browser);
});

interface Result {
	title: string;
	href: string;
	type: string;
	excerpt: string;
	sections: string[];
}

for (const base of ['/', '/reader/'] as const) {
	describe(`search on the seed site under ${base}`, () => {
		let site: ServedSite;
		/** Every URL any page of this suite requested. */
		const requested: string[] = [];
		const errors: string[] = [];

		beforeAll(async () => {
			site = await serveSite(await seedSite(base));
		});
		afterAll(async () => {
			await site?.close();
		});

		/** Records the page's requests and script errors for the last test. */
		const watch = (page: Page) => {
			page.on('request', (request) => requested.push(request.url()));
			page.on('pageerror', (error) => errors.push(error.message));
		};
		/** The page the tests take turns in (see `reusedPages`). */
		const pageFor = reusedPages(() => browser, watch);

		/**
		 * Loads a page of the site: in the page the earlier tests used, with a new document, or with
		 * `fresh`, in a context of its own (nothing in its HTTP cache, for a test that asserts what is
		 * not fetched).
		 */
		async function open(path: string, { fresh = false } = {}): Promise<Page> {
			let page: Page;
			if (fresh) {
				page = await browser.newPage();
				watch(page);
			} else page = await pageFor();
			await page.goto(`${site.url}${path}`);
			return page;
		}

		/** The results shown on the search page, once its status line has settled. */
		async function results(page: Page): Promise<Result[]> {
			await page.waitForFunction(() => /result|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
			return page.$$eval('[data-search-results] > li', (items) =>
				items.map((li) => ({
					title: li.querySelector('.result-title')?.textContent ?? '',
					href: li.querySelector('.result-title a')?.getAttribute('href') ?? '',
					type: li.querySelector('.result-type')?.textContent ?? '',
					excerpt: li.querySelector('.result-excerpt')?.innerHTML ?? '',
					sections: [...li.querySelectorAll('.result-sections a')].map((a) => a.getAttribute('href') ?? ''),
				})),
			);
		}

		async function search(query: string): Promise<{ page: Page; found: Result[] }> {
			const page = await open(`search/?q=${encodeURIComponent(query)}`);
			return { page, found: await results(page) };
		}

		it.each(['Naqshbandia', 'Dragunov'])('finds the article by a rare word of its text: %s', async (word) => {
			const { found } = await search(word);
			const article = found.find((r) => r.title.startsWith(ARTICLE_TITLE));
			expect(article, JSON.stringify(found)).toBeDefined();
			expect(article!.href.startsWith(`${base}${ARTICLE}?pagefind-highlight=`)).toBe(true);
			expect(article!.type).toMatch(/^Article · 21 June 2014/);
			expect(article!.excerpt.toLowerCase()).toContain(`<mark>${word.toLowerCase()}`);
			// A link to each section that matched, straight to its paragraph or quoted block.
			expect(article!.sections.length).toBeGreaterThan(0);
			for (const href of article!.sections) expect(href).toMatch(new RegExp(`^${base}${ARTICLE}\\?pagefind-highlight=.*#(p|quote)-`));
		});

		it('finds the glossary entry and the article by an alias: Isis and ISIL', async () => {
			for (const alias of ['Isis', 'ISIL']) {
				const { found } = await search(alias);
				const hrefs = found.map((r) => r.href.split('?')[0]);
				expect(hrefs, alias).toContain(`${base}${ISIS_ENTRY}`);
				expect(hrefs, alias).toContain(`${base}${ARTICLE}`);
				expect(found.find((r) => r.href.startsWith(`${base}${ISIS_ENTRY}`))!.type).toBe('Glossary entry');
			}
		});

		it('finds a phrase that only a glossary note contains', async () => {
			const { found } = await search('caliphate');
			expect(found.map((r) => r.href.split('?')[0])).toEqual([`${base}${ISIS_ENTRY}`]);
			expect(found[0]!.title).toBe('Islamic State of Iraq and the Levant');
		});

		it('does not index cards, captions or the who’s who: one match per word', async () => {
			// "Allawi" is in the article text once, and in its card and who's who entry too.
			const { found } = await search('Allawi');
			const article = found.find((r) => r.href.startsWith(`${base}${ARTICLE}`))!;
			expect(article.excerpt.match(/<mark>/g)).toHaveLength(1);
		});

		it('narrows the results with a filter, and keeps the filter in the URL', async () => {
			const { page, found } = await search('Isis');
			expect(found.some((r) => r.type.startsWith('Glossary entry'))).toBe(true);
			// The filter's values load when its group is first opened.
			await page.locator('details[data-filter="type"] > summary').click();
			await page
				.getByRole('group', { name: 'Type' })
				.getByRole('checkbox', { name: /^Article/ })
				.check();
			await page.waitForURL(/type=Article/);
			await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length < n, found.length);
			const narrowed = await results(page);
			expect(narrowed.length).toBeGreaterThan(0);
			expect(narrowed.length).toBeLessThan(found.length);
			for (const r of narrowed) expect(r.type).toMatch(/^Article/);
		});

		it('sorts articles by date on request, keeping the order in the URL', async () => {
			const { page, found } = await search('Isis');
			expect(found.some((r) => !r.type.startsWith('Article'))).toBe(true);
			await page.getByLabel('Order', { exact: true }).selectOption('newest');
			await page.waitForURL(/sort=newest/);
			await page.waitForFunction((n) => document.querySelectorAll('[data-search-results] > li').length < n, found.length);
			const sorted = await results(page);
			expect(sorted.length).toBeGreaterThan(0);
			for (const r of sorted) expect(r.type).toMatch(/^Article/);
			await page.reload();
			await expect(page.getByLabel('Order', { exact: true }).inputValue()).resolves.toBe('newest');
		});

		it('shows the filter groups before anything is typed, loads their values when one is opened, and lists pages by a filter alone', async () => {
			const page = await open('search/', { fresh: true });
			await page.locator('[data-search-filters]').waitFor({ state: 'visible' });
			await expect(page.locator('[data-search-status]').textContent()).resolves.toContain('choose a filter');
			// Nothing of the index is fetched until the reader asks for something.
			await page.waitForLoadState('networkidle');
			expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/pagefind/')).length)).toBe(0);
			await page.locator('details[data-filter="type"] > summary').click();
			const outletBox = page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /^Outlet/ });
			// The count shown before searching is the number of outlet pages.
			const shown = Number(/\((\d+)\)/.exec((await outletBox.evaluate((box) => box.parentElement!.textContent)) ?? '')?.[1]);
			expect(shown).toBeGreaterThanOrEqual(7);
			await outletBox.check();
			const outlets = await results(page);
			expect(outlets.length).toBe(shown);
			for (const r of outlets) expect(r.type).toBe('Outlet');
			await page.getByText('Outlets quoted').click();
			const ap = page.getByRole('group', { name: 'Outlets quoted' }).getByRole('checkbox', { name: /^Associated Press/ });
			await ap.check();
			await page
				.getByRole('group', { name: 'Type' })
				.getByRole('checkbox', { name: /^Outlet/ })
				.uncheck();
			await page.waitForURL((url) => url.searchParams.get('outlet') === 'Associated Press' && !url.searchParams.has('type'));
			const quoting = await results(page);
			expect(quoting.map((r) => r.href.split('?')[0])).toEqual([`${base}${ARTICLE}`]);
			await page.close();
		});

		it('restores a search from the URL on load, and the back button steps back through searches', async () => {
			const { page, found } = await search('Dragunov');
			await expect(page.locator('#search-input').inputValue()).resolves.toBe('Dragunov');
			expect(found.length).toBeGreaterThan(0);
			// The words are set without an input event, so that the typing pause (which keeps ?q= in step by
			// replacing the history entry: next test) cannot come before Enter on a slow machine.
			await page.locator('#search-input').evaluate((box: HTMLInputElement) => (box.value = 'caliphate'));
			await page.locator('#search-input').press('Enter');
			await page.waitForURL(/q=caliphate/);
			expect((await results(page)).map((r) => r.title)).toEqual(['Islamic State of Iraq and the Levant']);
			await page.goBack();
			await page.waitForURL(/q=Dragunov/);
			await expect(page.locator('#search-input').inputValue()).resolves.toBe('Dragunov');
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('Dragunov'));
			expect((await results(page)).some((r) => r.title.startsWith(ARTICLE_TITLE))).toBe(true);
		});

		it('searches as you type, keeping ?q= in step without adding to the history', async () => {
			const { page, found } = await search('Dragunov');
			expect(found.length).toBeGreaterThan(0);
			const entries = await page.evaluate(() => history.length);
			await page.locator('#search-input').fill('caliphate');
			await page.waitForURL(/q=caliphate/);
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('caliphate'));
			expect((await results(page)).map((r) => r.title)).toEqual(['Islamic State of Iraq and the Levant']);
			await page.locator('#search-input').fill('Naqshbandia');
			await page.waitForURL(/q=Naqshbandia/);
			await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent?.includes('Naqshbandia'));
			expect((await results(page)).some((r) => r.title.startsWith(ARTICLE_TITLE))).toBe(true);
			await expect(page.evaluate(() => history.length)).resolves.toBe(entries);
		});

		it('header box: loads Pagefind only on demand, `/` focuses it, arrows and Enter open a result with the words highlighted', async () => {
			const page = await open('glossary/', { fresh: true });
			const pagefindRequests = () => requested.filter((u) => u.startsWith(`${site.url}pagefind/`)).length;
			const before = pagefindRequests();
			await page.waitForLoadState('networkidle');
			expect(pagefindRequests()).toBe(before);
			await page.keyboard.press('/');
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('header-search-input');
			// Focus loads Pagefind's script and the box's own index, never the full one.
			await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/pagefind/header/wasm.')));
			await page.keyboard.type('Dragunov');
			const box = page.locator('#header-search-input');
			// The list for the whole word (on a loaded machine, a pause within the typing shows a first part's list first).
			await page.locator('#header-search-results[data-query="Dragunov"]').waitFor({ state: 'attached' });
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
			await expect(page.locator('.header-search [role="status"]').textContent()).resolves.toMatch(/^(A match|\d matches) for “Dragunov”/);
			// Escape closes the list and keeps the words.
			await page.keyboard.press('Escape');
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
			await expect(box.inputValue()).resolves.toBe('Dragunov');
			// Down opens it again; Down moves to the first result; Enter opens it.
			await page.keyboard.press('ArrowDown');
			await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
			await page.keyboard.press('ArrowDown');
			const activeId = await box.getAttribute('aria-activedescendant');
			expect(activeId).toBe('header-search-option-0');
			await expect(page.locator(`#${activeId}`).getAttribute('aria-selected')).resolves.toBe('true');
			const target = await page.locator(`#${activeId} .result-title`).textContent();
			await page.keyboard.press('Enter');
			await page.waitForURL(/pagefind-highlight=dragunov/i);
			expect(new URL(page.url()).pathname.startsWith(base)).toBe(true);
			await expect(page.locator('h1').first().textContent()).resolves.toBe(target);
			const mark = page.locator('mark.pagefind-highlight').first();
			await mark.waitFor();
			await expect(mark.textContent()).resolves.toMatch(/^Dragunov/i);
			// Only the indexed text is highlighted, never a card or caption.
			await expect(page.locator('[data-pagefind-ignore] mark.pagefind-highlight').count()).resolves.toBe(0);
			await page.close();
		});

		it('header box: the three best matches, entries with their kind and role, articles with their date, then all results on the search page', async () => {
			const page = await open(ARTICLE);
			const box = page.locator('#header-search-input');
			await box.focus();
			await page.keyboard.type('Baghdad');
			await page.locator('#header-search-results[data-query="Baghdad"]').waitFor({ state: 'attached' });
			const options = await page.$$eval('#header-search-results [role="option"]', (items) =>
				items.map((li) => ({
					id: li.id,
					title: li.querySelector('.result-title')?.textContent ?? li.textContent,
					type: li.querySelector('.result-type')?.textContent ?? '',
					about: li.querySelector('.result-excerpt')?.textContent ?? '',
				})),
			);
			expect(options).toHaveLength(4);
			expect(options[0]).toEqual({ id: 'header-search-option-0', title: 'Baghdad', type: 'Place', about: 'Capital of Iraq' });
			const article = options.find((o) => o.title.startsWith(ARTICLE_TITLE));
			expect(article?.type).toBe('Article · 21 June 2014');
			expect(article?.about.length).toBeGreaterThan(0);
			expect(options[3]).toMatchObject({ id: 'header-search-option-all', title: 'All results for “Baghdad”' });
			// The open list as a combobox's listbox, for axe.
			await injectAxe(page);
			const violations = await page.evaluate(async () => {
				const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
				const result = await axe.run({ include: [['.header-search']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
				return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
			expect(violations).toEqual([]);
			// The last option opens the search page with the words, under the base path.
			await page.keyboard.press('ArrowUp');
			await expect(box.getAttribute('aria-activedescendant')).resolves.toBe('header-search-option-all');
			await page.keyboard.press('Enter');
			await page.waitForURL(`${site.url}search/?q=Baghdad`);
			expect((await results(page)).some((r) => r.href.startsWith(`${base}glossary/baghdad/`))).toBe(true);
		});

		it('header box: a word of the article finds it, a click opens it with the word highlighted; a word only the full index has leads to all results', async () => {
			const page = await open('glossary/');
			const box = page.locator('#header-search-input');
			await box.focus();
			await page.keyboard.type('Naqshbandia');
			await page.locator('#header-search-results[data-query="Naqshbandia"]').waitFor({ state: 'attached' });
			const found = page.locator('#header-search-results [role="option"]', { hasText: ARTICLE_TITLE });
			await found.click();
			await page.waitForURL(/pagefind-highlight=naqshbandia/i);
			expect(new URL(page.url()).pathname).toBe(`${base}${ARTICLE}`);
			await expect(page.locator('mark.pagefind-highlight').first().textContent()).resolves.toMatch(/^Naqshbandia/i);
			// "caliphate" is only in a glossary note: the box's index has no notes, the search page has.
			await page.locator('#header-search-input').focus();
			await page.keyboard.type('caliphate');
			await page.locator('#header-search-results[data-query="caliphate"]').waitFor({ state: 'attached' });
			await expect(page.locator('#header-search-results [role="option"]').allTextContents()).resolves.toEqual(['All results for “caliphate”']);
			await expect(page.locator('.header-search [role="status"]').textContent()).resolves.toContain('No name or article matches “caliphate”');
			await page.locator('#header-search-option-all').click();
			await page.waitForURL(`${site.url}search/?q=caliphate`);
			expect((await results(page)).map((r) => r.href.split('?')[0])).toEqual([`${base}${ISIS_ENTRY}`]);
		});

		it('Ctrl+K focuses the box from anywhere, and Enter without a chosen result opens the search page', async () => {
			const page = await open(ARTICLE);
			await page.keyboard.press('Control+k');
			await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('header-search-input');
			await page.keyboard.type('Naqshbandia');
			await page.locator('#header-search-results[data-query="Naqshbandia"]').waitFor({ state: 'attached' });
			await page.keyboard.press('Enter');
			await page.waitForURL(`${site.url}search/?q=Naqshbandia`);
			expect((await results(page)).some((r) => r.title.startsWith(ARTICLE_TITLE))).toBe(true);
		});

		it('has no axe violations on the search page with results and filters shown', async () => {
			const { page } = await search('Isis');
			for (const summary of await page.locator('[data-search-filters] summary').all()) await summary.click();
			await injectAxe(page);
			const violations = await page.evaluate(async () => {
				const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
				const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
				return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
			expect(violations).toEqual([]);
		});

		it('requests nothing from another host, and no script failed', () => {
			expect(requested.length).toBeGreaterThan(0);
			const elsewhere = requested.filter((u) => !u.startsWith(new URL(site.url).origin));
			expect(elsewhere).toEqual([]);
			expect(errors).toEqual([]);
		});

		it('measures the index and what a first query downloads (bench helper)', async () => {
			const weight = await measureSearchWeight(site.dir, { base, query: 'Naqshbandia', browser });
			expect(weight.results).toBeGreaterThan(0);
			expect(weight.indexBytes).toBeGreaterThan(0);
			expect(weight.bundleBytes).toBeGreaterThan(weight.indexBytes);
			expect(weight.firstQueryFiles.map((f) => f.path)).toEqual(expect.arrayContaining(['pagefind/pagefind.js', 'pagefind/header/pagefind-entry.json']));
			expect(weight.firstQueryFiles.some((f) => f.path.startsWith('pagefind/header/index/'))).toBe(true);
			expect(weight.firstQueryBytes).toBe(weight.firstQueryFiles.reduce((sum, f) => sum + f.bytes, 0));
			expect(weight.firstQueryBytes).toBeLessThan(weight.bundleBytes);
		});
	});
}
