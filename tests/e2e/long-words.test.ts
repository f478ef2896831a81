/**
 * A name or word of 500 letters without a space wraps instead of making the page scroll sideways:
 * at 320 px, the article, its glossary entry and the glossary index are no wider than the window.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { reusedPages } from '../helpers/browser.ts';
import { edgeCasesSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

let site: ServedSite;
let browser: Browser;

// The long-words article and its entries are part of the edge-case fixture (tests/fixtures/edge-cases).
siteInBrowser(edgeCasesSite, (s, b) => {
	site = s;
	browser = b;
});

/** A 320 px wide page that the tests take turns in (see `reusedPages`). */
const pageFor = reusedPages(() => browser);
const PHONE_WIDTH = { viewport: { width: 320, height: 640 } };

const PAGES = ['articles/long-words/', 'glossary/long-name/', 'glossary/long-outlet/', 'glossary/', '', 'search/'];

describe('long words at 320 px', () => {
	for (const path of PAGES) {
		it(`/${path} does not scroll sideways`, async () => {
			const page = await pageFor(PHONE_WIDTH);
			await page.goto(`${site.url}${path}`);
			const { scrollWidth, viewport, widest } = await page.evaluate(() => {
				// The element that reaches furthest right, to say what overflows when something does.
				let widest = { right: 0, what: '' };
				for (const el of document.body.querySelectorAll('*')) {
					const right = el.getBoundingClientRect().right;
					if (right > widest.right) widest = { right, what: `${el.tagName.toLowerCase()}.${el.className}` };
				}
				return { scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth, widest };
			});
			expect(viewport).toBe(320);
			expect(scrollWidth, `widest: ${widest.what} reaches ${widest.right}px`).toBe(viewport);
		});
	}

	it('keeps an open card inside the window', async () => {
		const page = await pageFor(PHONE_WIDTH);
		await page.goto(`${site.url}articles/long-words/`);
		const name = page.locator('.article-body a[data-entity="long-name"]').first();
		await name.focus();
		const card = page.locator('[data-entity-card="long-name"]');
		await card.waitFor({ state: 'visible' });
		const box = (await card.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(320);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
	});
});
