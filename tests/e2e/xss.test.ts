/**
 * The script-payload fixture (see tests/build/xss.test.ts) in Chromium, served WITHOUT the
 * Content Security Policy, so escaping alone has to hold: on every page, with every card opened
 * and the payloads searched for, nothing runs (no dialog, no `window.__xss`), nothing the payloads
 * try to load is requested, and the console stays clean.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { reusedPages } from '../helpers/browser.ts';
import { htmlPages, pagePath } from '../helpers/dist.ts';
import { edgeCasesSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

let site: ServedSite;
let browser: Browser;

// The same build as tests/build/xss.test.ts (shared by the run), served without `_headers`.
siteInBrowser(
	edgeCasesSite,
	(s, b) => {
		site = s;
		browser = b;
	},
	{ hostHeaders: false },
);

interface Trap {
	dialogs: string[];
	errors: string[];
	requests: string[];
}

/** What the page records for the test under way (each test starts a new record). */
let trapping: Trap;

/** The page the tests take turns in (see `reusedPages`), recording dialogs, errors and requests off the site or for a payload's `x`. */
const pageFor = reusedPages(
	() => browser,
	(page) => {
		page.on('dialog', (dialog) => {
			trapping.dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		page.on('console', (m) => {
			if (m.type() === 'error') trapping.errors.push(m.text());
		});
		page.on('pageerror', (e) => trapping.errors.push(e.message));
		page.on('request', (r) => {
			const url = new URL(r.url());
			// The payloads' <img src=x> would ask for …/x; anything off the site is a leak too.
			if (url.origin !== new URL(site.url).origin || /\/x$/.test(url.pathname)) trapping.requests.push(r.url());
		});
	},
);

/** A page that records dialogs, errors and requests off the site or for a payload's `x`, from now on (no document loaded yet). */
async function trappedPage(): Promise<{ page: Page; trap: Trap }> {
	const page = await pageFor();
	// Whatever the page's previous document still reports goes to the previous record.
	await page.goto('about:blank');
	trapping = { dialogs: [], errors: [], requests: [] };
	return { page, trap: trapping };
}

async function expectNothingRan(page: Page, trap: Trap) {
	await expect(page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).resolves.toBeUndefined();
	await expect(page.locator('img[src="x"], iframe, [onerror], [onload], [onmouseover], [onfocus]').count()).resolves.toBe(0);
	expect(trap.dialogs).toEqual([]);
	expect(trap.requests).toEqual([]);
}

describe('script payloads in a browser', () => {
	it('run on no page of the site', async () => {
		const { page, trap } = await trappedPage();
		const pages = htmlPages(site.dir).filter((f) => f !== '404.html');
		expect(pages.length).toBeGreaterThanOrEqual(6);
		for (const file of pages) {
			await page.goto(`${site.url}${pagePath(file)}`);
			await page.waitForLoadState('load');
			await expectNothingRan(page, trap);
		}
		expect(trap.errors).toEqual([]);
	});

	it('run from no card, opened by hover and by focus', async () => {
		const { page, trap } = await trappedPage();
		await page.goto(`${site.url}articles/payloads/`);
		for (const id of ['xss-person', 'payload-town', 'evil-news']) {
			const name = page.locator(`article a[data-entity="${id}"]`).first();
			await name.hover();
			const card = page.locator(`[data-entity-card="${id}"]`);
			await card.waitFor({ state: 'visible' });
			await page.mouse.move(2, 2);
			await card.waitFor({ state: 'hidden' });
			await name.focus();
			await card.waitFor({ state: 'visible' });
			await page.keyboard.press('Escape');
		}
		await expect(page.locator('[data-entity-card="xss-person"]').textContent()).resolves.toContain("<script>window.__xss='role'</script>");
		await expectNothingRan(page, trap);
		expect(trap.errors).toEqual([]);
	});

	it('run from no search result: titles and excerpts stay text', async () => {
		const { page, trap } = await trappedPage();
		for (const query of ['Payloads', 'window', 'onerror', 'script']) {
			await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
			await page.locator('[data-search-status]', { hasText: /for “/ }).waitFor();
			await expectNothingRan(page, trap);
		}
		await page.goto(`${site.url}search/?q=Payloads`);
		await page.locator('[data-search-results] a').first().waitFor();
		await expect(page.locator('[data-search-results]').textContent()).resolves.toContain('</title><script>');
		// The only markup in results: our result structure (headings, lists, links, labels) and Pagefind's <mark> around matches.
		const tags = await page.locator('[data-search-results] *').evaluateAll((els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))].sort());
		expect(tags.filter((t) => !['a', 'h2', 'li', 'mark', 'p', 'span', 'ul'].includes(t))).toEqual([]);
		await expectNothingRan(page, trap);
		expect(trap.errors).toEqual([]);
	});
});
