/**
 * The reader in a real browser: the fixture site built under /reader/, served as static files,
 * driven by Debian's Chromium. Hover, focus and tap a name; read a quote's caption; search.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { reusedPages } from '../helpers/browser.ts';
import { fixtureSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

let site: ServedSite;
let browser: Browser;

siteInBrowser(
	() => fixtureSite('/reader/'),
	(s, b) => {
		site = s;
		browser = b;
	},
);

/** The page the tests with the same options take turns in (see `reusedPages`); the search test, which checks its requests, opens its own. */
const pageFor = reusedPages(() => browser);

async function openArticle(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
	const page = await pageFor(options);
	await page.goto(`${site.url}articles/fixture-article/`);
	return page;
}

describe('glossary cards', () => {
	it('opens on hover after a short delay and closes when the pointer leaves', async () => {
		const page = await openArticle();
		const name = page.locator('article a[data-entity="baghdad"]').first();
		const card = page.locator('[data-entity-card="baghdad"]');
		await expect(card.isVisible()).resolves.toBe(false);
		await name.hover();
		await card.waitFor({ state: 'visible' });
		await expect(card.textContent()).resolves.toContain('Capital and largest city of Iraq');
		await page.mouse.move(5, 5);
		await card.waitFor({ state: 'hidden' });
	});

	it('opens on keyboard focus and closes on Escape, keeping focus on the name', async () => {
		const page = await openArticle();
		const card = page.locator('[data-entity-card="nouri-al-maliki"]');
		// Tab through the page until the first marked name has focus.
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			if (await page.evaluate(() => document.activeElement?.getAttribute('data-entity') === 'nouri-al-maliki')) break;
		}
		await card.waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await card.waitFor({ state: 'hidden' });
		await expect(page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).resolves.toBe('nouri-al-maliki');
	});

	it('opens on the first tap on a touch screen instead of following the link', async () => {
		const page = await openArticle({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
		const name = page.locator('article a[data-entity="baghdad"]').first();
		await name.tap();
		const card = page.locator('[data-entity-card="baghdad"]');
		await card.waitFor({ state: 'visible' });
		expect(page.url()).toContain('/articles/fixture-article/');
		const box = (await card.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(360);
	});
});

describe('quoted blocks', () => {
	it('show a visible caption naming the outlet', async () => {
		const page = await openArticle();
		const caption = page.locator('figure[data-outlet="associated-press"] figcaption');
		await expect(caption.isVisible()).resolves.toBe(true);
		await expect(caption.textContent()).resolves.toContain('Associated Press');
	});
});

describe('search', () => {
	it('finds a rare word of the article under the base path, and keeps the query in the URL', async () => {
		const page = await browser.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${site.url}search/?q=zanzibarian`);
		const result = page.locator('[data-search-results] a').first();
		await result.waitFor();
		await expect(result.getAttribute('href')).resolves.toContain('/reader/articles/fixture-article/');
		expect(requests.every((url) => url.startsWith(site.url.replace(/\/reader\/$/, '')))).toBe(true);
		await page.close();
	});
});
