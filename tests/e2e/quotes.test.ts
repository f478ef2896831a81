/**
 * Quoted blocks of the seed article in a real browser (Chromium), the site built from `content/`
 * under /reader/: visible captions, the evidence disclosure by mouse, keyboard and touch, what a
 * screen reader gets, the Sources section's links and the outlet pages' lists.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { injectAxe, reusedPages } from '../helpers/browser.ts';
import { seedSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

const SLUG = 'kurds-seize-jalula-to-attack-isis';
const QUOTES: [id: string, name: string][] = [
	['quote-rawah', 'Associated Press'],
	['quote-qaim', 'Associated Press'],
	['quote-parade', 'Agence France-Presse'],
	['quote-sermon', 'Sky News'],
	['quote-successors', 'Associated Press'],
	['quote-naqshbandia', 'The New York Times'],
];

let site: ServedSite;
let browser: Browser;

siteInBrowser(
	() => seedSite('/reader/'),
	(s, b) => {
		site = s;
		browser = b;
	},
);

/** The page the tests with the same options take turns in (see `reusedPages`). */
const pageFor = reusedPages(() => browser);

async function openArticle(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
	const page = await pageFor(options);
	await page.goto(`${site.url}articles/${SLUG}/`);
	return page;
}

describe('quoted blocks on the seed article', () => {
	it('each show a visible caption naming its outlet', async () => {
		const page = await openArticle();
		await expect(page.locator('figure[data-outlet]').count()).resolves.toBe(QUOTES.length);
		for (const [id, name] of QUOTES) {
			const caption = page.locator(`figure#${id} > figcaption`);
			await expect(caption.isVisible(), id).resolves.toBe(true);
			const outlet = caption.locator('a[data-entity]').first();
			await expect(outlet.isVisible(), id).resolves.toBe(true);
			await expect(outlet.innerText(), id).resolves.toBe(name);
			const box = (await caption.boundingBox())!;
			expect(box.height, id).toBeGreaterThan(10);
		}
	});

	it('give screen readers each caption once: the figure is named apart from it', async () => {
		const page = await openArticle();
		const snapshot = await page.locator('figure#quote-qaim').ariaSnapshot();
		expect(snapshot).toMatch(/^- figure "Quoted block 2"/);
		expect(snapshot.split('Identified by the editors')).toHaveLength(2);
		expect(snapshot.split('Associated Press')).toHaveLength(2);
		expect(snapshot).toContain('militants have seized an');
		expect(snapshot).toMatch(/- group: "Identified by the editors: same wording as an AP wire story of 21 June 2014 · high confidence"/);
	});

	it('open the evidence by mouse click', async () => {
		const page = await openArticle();
		const details = page.locator('figure#quote-qaim details');
		const account = details.locator('p');
		await expect(account.isVisible()).resolves.toBe(false);
		await details.locator('summary').click();
		await account.waitFor({ state: 'visible' });
		await expect(account.innerText()).resolves.toContain('Zee News carried with an AP credit');
		await details.locator('summary').click();
		await account.waitFor({ state: 'hidden' });
	});

	it('open the evidence from the keyboard with Enter and with Space', async () => {
		const page = await openArticle();
		const summary = page.locator('figure#quote-sermon summary');
		const account = page.locator('figure#quote-sermon details p');
		// Tab to the summary from the outlet's name just before it, as a keyboard user would.
		await page.locator('figure#quote-sermon figcaption a[data-entity]').focus();
		await page.keyboard.press('Tab');
		await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
		await page.keyboard.press('Enter');
		await account.waitFor({ state: 'visible' });
		await expect(account.innerText()).resolves.toContain('Sky’s own page was not found');
		await page.keyboard.press('Enter');
		await account.waitFor({ state: 'hidden' });
		await page.keyboard.press('Space');
		await account.waitFor({ state: 'visible' });
	});

	it('open the evidence with a tap on a touch screen', async () => {
		const page = await openArticle({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
		const summary = page.locator('figure#quote-parade summary');
		const account = page.locator('figure#quote-parade details p');
		await summary.scrollIntoViewIfNeeded();
		const box = (await summary.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(24);
		expect(box.x + box.width).toBeLessThanOrEqual(360);
		await summary.tap();
		await account.waitFor({ state: 'visible' });
		await expect(account.innerText()).resolves.toContain('Fighters interviewed by AFP');
		expect(page.url()).toContain(`/articles/${SLUG}/`);
	});

	it('pass axe on the figures and the Sources section', async () => {
		const page = await openArticle();
		await injectAxe(page);
		await page.locator('figure#quote-rawah summary').click();
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
			const result = await axe.run({ include: [['figure.quote'], ['section.sources']] }, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
			return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
		});
		expect(violations).toEqual([]);
	});
});

describe('the Sources section', () => {
	it('links to each quoted block, and following a link lands on the figure', async () => {
		const page = await openArticle();
		const sources = page.locator('section.sources');
		await expect(sources.locator('h2').innerText()).resolves.toBe('Sources');
		for (const [id, name] of QUOTES) {
			const link = sources.locator(`a[href="#${id}"]`);
			await expect(link.count(), id).resolves.toBe(1);
			const item = sources.locator('li.source', { has: page.locator(`a[href="#${id}"]`) });
			await expect(item.locator('a[data-entity]').first().innerText(), id).resolves.toBe(name);
			await link.click();
			await page.waitForFunction((hash) => location.hash === hash, `#${id}`);
			await expect(page.locator(`figure#${id}`).evaluate((el) => el.matches(':target'))).resolves.toBe(true);
			await expect(page.locator(`figure#${id} blockquote`).isVisible()).resolves.toBe(true);
			const inView = await page.locator(`figure#${id}`).evaluate((el) => {
				const r = el.getBoundingClientRect();
				return r.top >= -1 && r.top < window.innerHeight;
			});
			expect(inView, id).toBe(true);
		}
	});
});

describe('outlet pages', () => {
	it('list the outlet’s quoted blocks, each linking to its figure', async () => {
		const page = await pageFor();
		await page.goto(`${site.url}glossary/associated-press/`);
		const items = page.locator('section.outlet-quotes li');
		await expect(items.count()).resolves.toBe(3);
		await expect(items.first().innerText()).resolves.toContain('21 June 2014');
		await items.nth(1).locator('a').first().click();
		await page.waitForURL(`**/articles/${SLUG}/#quote-qaim`);
		await expect(page.locator('figure#quote-qaim').evaluate((el) => el.matches(':target'))).resolves.toBe(true);
	});
});
