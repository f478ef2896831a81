/**
 * The article's map in a real browser (seed article, built under /reader/): its points open the
 * same cards as the names in the text, by hover, keyboard focus and tap; place cards show their
 * locator image; no request leaves the site; axe finds no violation in the map section.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { injectAxe } from '../helpers/browser.ts';
import { seedSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

const SLUG = 'kurds-seize-jalula-to-attack-isis';
let site: ServedSite;
let browser: Browser;

siteInBrowser(
	() => seedSite('/reader/'),
	(s, b) => {
		site = s;
		browser = b;
	},
);

async function openArticle(options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; requests: string[] }> {
	const page = await browser.newPage(options);
	const requests: string[] = [];
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(`${site.url}articles/${SLUG}/`);
	return { page, requests };
}

describe('the article map', () => {
	it('opens a place card when the pointer rests on its point, with the locator map loaded from the site', async () => {
		const { page, requests } = await openArticle({ viewport: { width: 1000, height: 800 } });
		const point = page.locator('svg.map a[data-entity="jalula"]');
		const card = page.locator('[data-entity-card="jalula"]');
		await point.scrollIntoViewIfNeeded();
		await expect(card.isVisible()).resolves.toBe(false);
		await point.hover();
		await card.waitFor({ state: 'visible' });
		await expect(point.getAttribute('data-card-open')).resolves.toBe('');
		const locator = card.locator('img[data-locator="jalula"]');
		await expect(locator.isVisible()).resolves.toBe(true);
		await page.waitForFunction(() => {
			const img = document.querySelector<HTMLImageElement>('[data-entity-card="jalula"] img[data-locator]');
			return img?.complete && img.naturalWidth > 0;
		});
		await page.mouse.move(5, 5);
		await card.waitFor({ state: 'hidden' });
		const origin = new URL(site.url).origin;
		expect(requests.every((url) => url.startsWith(origin) || url.startsWith('data:'))).toBe(true);
		expect(requests.some((url) => url.endsWith('/reader/maps/places/jalula.svg'))).toBe(true);
		await page.close();
	});

	it('opens the card when a point gets keyboard focus, and Escape closes it', async () => {
		const { page } = await openArticle();
		// Start from the map's heading, then Tab onto the first point, as a keyboard user would.
		const firstId = await page.locator('svg.map a[data-entity]').first().getAttribute('data-entity');
		await page.locator('#places-title').evaluate((heading: HTMLElement) => {
			heading.tabIndex = -1;
			heading.focus();
		});
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.closest('svg.map') !== null)).resolves.toBe(true);
		const card = page.locator(`[data-entity-card="${firstId}"]`);
		await card.waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await card.waitFor({ state: 'hidden' });
		await expect(page.evaluate(() => document.activeElement?.getAttribute('data-entity'))).resolves.toBe(firstId);
		// Tab on to the next point: its card opens.
		await page.keyboard.press('Tab');
		const nextId = await page.evaluate(() => document.activeElement?.getAttribute('data-entity'));
		expect(nextId).toBeTruthy();
		expect(nextId).not.toBe(firstId);
		await page.locator(`[data-entity-card="${nextId}"]`).waitFor({ state: 'visible' });
		await page.close();
	});

	it('opens the card on the first tap on a touch screen, inside the viewport', async () => {
		const { page } = await openArticle({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
		const point = page.locator('svg.map a[data-entity="baghdad"]');
		await point.scrollIntoViewIfNeeded();
		await point.tap();
		const card = page.locator('[data-entity-card="baghdad"]');
		await card.waitFor({ state: 'visible' });
		expect(page.url()).toContain(`/articles/${SLUG}/`);
		const box = (await card.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(360);
		await page.close();
	});

	it('has no accessibility violations (axe, WCAG 2.2 AA)', async () => {
		const { page } = await openArticle();
		await injectAxe(page);
		const { violations, passed } = await page.evaluate(async () => {
			type Rule = { id: string; nodes: unknown[] };
			const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
			const result = await axe.run({ include: [['.article-map'], ['.article-data']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
			return { violations: result.violations.map((v) => `${v.id} (${v.nodes.length})`), passed: result.passes.map((p) => p.id) };
		});
		expect(violations).toEqual([]);
		// The rules that matter here did run on the map.
		expect(passed).toEqual(expect.arrayContaining(['link-name', 'color-contrast']));
		await page.close();
	});
});
