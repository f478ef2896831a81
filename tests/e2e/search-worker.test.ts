/**
 * The search page searches the full index in a worker (`src/scripts/search-worker.ts`), so that
 * loading and searching it never blocks the page (Lighthouse found 340 to 720 ms of total blocking
 * time on `/search/?q=…` on a phone while Pagefind ran on the main thread; issue 16). The page's
 * own thread fetches nothing of Pagefind; the worker fetches Pagefind's single script (not its
 * bundled worker) and the index, and the results show as before, under the root and a subfolder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeContexts, workerBrowser } from '../helpers/browser.ts';
import { seedSite } from '../helpers/build.ts';
import { serveSite, type ServedSite } from '../helpers/site-server.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await workerBrowser();
});
afterAll(async () => {
	await closeContexts(browser);
});

for (const base of ['/', '/reader/'] as const) {
	describe(`the search page under ${base}`, () => {
		let site: ServedSite;
		beforeAll(async () => {
			site = await serveSite(await seedSite(base));
		});
		afterAll(async () => {
			await site?.close();
		});

		it('searches in a worker: results show, and the page itself fetched nothing of Pagefind', async () => {
			const page = await browser.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			const workers: string[] = [];
			page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
			await page.goto(`${site.url}search/?q=Maliki`);
			await page.waitForFunction(() => /results? for/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));
			expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
			const fetchedByPage = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
			expect(fetchedByPage.filter((p) => p.includes('/pagefind/'))).toEqual([]);
			expect(workers).toHaveLength(1);
			expect(workers[0]).toMatch(new RegExp(`^${base}_astro/search-worker[-.\\w]*\\.js$`));
			expect(errors).toEqual([]);
			await page.close();
		});
	});
}
