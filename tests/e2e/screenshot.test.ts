/**
 * Takes the README's screenshot of a glossary card on the seed article, so the picture always
 * shows the product as it is built now.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

/** Every run takes the picture; `UPDATE_SCREENSHOT=1 npm test` also refreshes the README's copy. */
const SHOT = path.resolve('tests/.output/screenshot-card.png');
const README_SHOT = path.resolve('docs/screenshot-card.png');
let site: ServedSite;
let browser: Browser;

siteInBrowser(
	() => seedSite('/'),
	(s, b) => {
		site = s;
		browser = b;
	},
);

it('shows the card of a name hovered in the seed article (README screenshot)', async () => {
	const page = await browser.newPage({ viewport: { width: 900, height: 640 }, colorScheme: 'light', reducedMotion: 'reduce' });
	await page.goto(`${site.url}articles/kurds-seize-jalula-to-attack-isis/`);
	const name = page.locator('article a[data-entity="peshmerga"]').first();
	await name.scrollIntoViewIfNeeded();
	await page.evaluate(() => window.scrollBy(0, 120));
	await name.hover();
	const card = page.locator('[data-entity-card="peshmerga"]');
	await card.waitFor({ state: 'visible' });
	await expect(card.textContent()).resolves.toContain('Peshmerga');
	await page.screenshot({ path: SHOT });
	expect(fs.statSync(SHOT).size).toBeGreaterThan(10_000);
	if (process.env.UPDATE_SCREENSHOT) fs.copyFileSync(SHOT, README_SHOT);
	await page.close();
});
