/**
 * Cards within cards (issue 17) in Chromium, on a desktop with a mouse and keyboard and on a
 * 320 px touch phone, on the dated articles written for the tests (tests/fixtures/edge-cases): a name in a card opens its own
 * card on hover, focus (ArrowDown into the card) or tap, stacked beside the first; Escape closes
 * one level at a time and focus goes back where it was; WCAG 1.4.13 (dismissable, hoverable,
 * persistent) holds at the second level; hovering makes no request; axe finds nothing with a
 * nested card open; the entry's timeline is there without JavaScript. Time is Playwright's clock.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { reusedPages } from '../helpers/browser.ts';
import { edgeCasesSite } from '../helpers/build.ts';
import { siteInBrowser, type ServedSite } from '../helpers/site-server.ts';

const ARTICLE = 'articles/dated-2014/';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' };
const PHONE: BrowserContextOptions = { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, reducedMotion: 'reduce' };
const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let site: ServedSite;
let browser: Browser;

siteInBrowser(edgeCasesSite, (s, b) => {
	site = s;
	browser = b;
});

/** Pages whose timers run on Playwright's clock, that the tests with the same options take turns in (see `reusedPages`). */
const pageFor = reusedPages(
	() => browser,
	(page) => page.clock.install(),
);

/** A page whose timers run on Playwright's clock: the one the earlier tests with the same options used, with a new document. */
async function open(options: BrowserContextOptions = DESKTOP, address = ARTICLE): Promise<{ page: Page }> {
	const page = await pageFor({ ...options, bypassCSP: true });
	await page.goto(site.url + address);
	await page.waitForLoadState('networkidle');
	return { page };
}

/**
 * A page whose timers run on Playwright's clock, with every request after loading recorded, in a
 * context of its own: nothing in its HTTP cache that would spare a request.
 */
async function openWatched(options: BrowserContextOptions = DESKTOP, address = ARTICLE): Promise<{ page: Page; requests: string[] }> {
	const context = await browser.newContext({ ...options, bypassCSP: true });
	const page = await context.newPage();
	await page.clock.install();
	await page.goto(site.url + address);
	await page.waitForLoadState('networkidle');
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	return { page, requests };
}

const nameIn = (page: Page, id: string) => page.locator(`.article-body a[data-entity="${id}"]`).first();
const cardOf = (page: Page, id: string) => page.locator(`[data-entity-card="${id}"]`);
const linkIn = (card: Locator, id: string) => card.locator(`a[data-entity="${id}"]`);
const openCards = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-entity-card]:popover-open')].map((c) => c.dataset.entityCard).sort());
const active = (page: Page) =>
	page.evaluate(() => ({ entity: document.activeElement?.getAttribute('data-entity'), card: document.activeElement?.closest<HTMLElement>('[data-entity-card]')?.dataset.entityCard }));
const box = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);

async function pointAt(page: Page, target: Locator) {
	const r = await box(target);
	await page.mouse.move(r.left + r.width / 2, r.top + r.height / 2, { steps: 4 });
}

/** Focuses an element the way a keyboard user does: after a key press, so :focus-visible applies. */
async function focusByKeyboard(page: Page, target: Locator) {
	await page.keyboard.press('Shift');
	await target.focus();
}

/** Douri's card, opened by resting the mouse on his name, then the Naqshbandi Army's from inside it. */
async function openNestedByMouse(page: Page) {
	await pointAt(page, nameIn(page, 'izzat-ibrahim-al-douri'));
	await page.clock.runFor(200);
	const douri = cardOf(page, 'izzat-ibrahim-al-douri');
	await douri.waitFor({ state: 'visible' });
	await pointAt(page, linkIn(douri, 'naqshbandi-army'));
	await page.clock.runFor(200);
	await cardOf(page, 'naqshbandi-army').waitFor({ state: 'visible' });
}

describe('a card opened from a card, with a mouse', () => {
	it('opens on hover, stacked beside the first, and makes no request', async () => {
		const { page, requests } = await openWatched();
		await openNestedByMouse(page);
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		const first = await box(cardOf(page, 'izzat-ibrahim-al-douri'));
		const second = await box(cardOf(page, 'naqshbandi-army'));
		expect(second.left >= first.right || second.right <= first.left, 'beside, not over, the first card').toBe(true);
		expect(second.bottom).toBeLessThanOrEqual(800);
		await expect(cardOf(page, 'naqshbandi-army').innerText()).resolves.toContain('Led by Izzat Ibrahim al-Douri');
		expect(requests).toEqual([]);
		await page.context().close();
	});

	it('is hoverable and persistent at the second level, and closes when the pointer leaves both', async () => {
		const { page } = await open();
		await openNestedByMouse(page);
		// Travel onto the second card and stay there: both stay open.
		await pointAt(page, cardOf(page, 'naqshbandi-army').locator('.card-summary'));
		await page.clock.runFor(5000);
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		// Back onto the first card: it stays, and so does the card opened from it.
		await pointAt(page, cardOf(page, 'izzat-ibrahim-al-douri').locator('.card-summary'));
		await page.clock.runFor(1000);
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		// Away from everything: after the grace period both close.
		await page.mouse.move(1270, 790, { steps: 4 });
		await page.clock.runFor(400);
		expect(await openCards(page)).toEqual([]);
	});

	it('is dismissable one level at a time with Escape, the pointer staying where it is', async () => {
		const { page } = await open();
		await openNestedByMouse(page);
		await page.keyboard.press('Escape');
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri']);
		await page.keyboard.press('Escape');
		expect(await openCards(page)).toEqual([]);
	});

	it('closes the second card on a click in the first, and both on a click outside', async () => {
		const { page } = await open();
		await openNestedByMouse(page);
		const r = await box(cardOf(page, 'izzat-ibrahim-al-douri').locator('.card-summary'));
		await page.mouse.click(r.left + 4, r.top + r.height / 2);
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri']);
		await page.mouse.click(1270, 790);
		expect(await openCards(page)).toEqual([]);
	});
});

describe('a card opened from a card, with a keyboard', () => {
	it('moves into a card with ArrowDown, opens the next card on focus, and Escape returns focus level by level', async () => {
		const { page } = await open();
		await focusByKeyboard(page, nameIn(page, 'izzat-ibrahim-al-douri'));
		await cardOf(page, 'izzat-ibrahim-al-douri').waitFor({ state: 'visible' });
		await page.keyboard.press('ArrowDown');
		expect(await active(page)).toEqual({ entity: 'baath-party', card: 'izzat-ibrahim-al-douri' });
		expect(await openCards(page)).toEqual(['baath-party', 'izzat-ibrahim-al-douri']);
		await page.keyboard.press('Tab');
		expect(await active(page)).toEqual({ entity: 'naqshbandi-army', card: 'izzat-ibrahim-al-douri' });
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		// Into the second card, then back out one level at a time.
		await page.keyboard.press('ArrowDown');
		expect(await active(page)).toEqual({ entity: 'izzat-ibrahim-al-douri', card: 'naqshbandi-army' });
		await page.keyboard.press('Escape');
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri']);
		expect(await active(page)).toEqual({ entity: 'naqshbandi-army', card: 'izzat-ibrahim-al-douri' });
		await page.keyboard.press('Escape');
		expect(await openCards(page)).toEqual([]);
		expect(await active(page)).toEqual({ entity: 'izzat-ibrahim-al-douri', card: undefined });
	});

	it('stays open while focused (persistent), and Tab out of a card goes on from its name', async () => {
		const { page } = await open();
		const douri = nameIn(page, 'izzat-ibrahim-al-douri');
		await focusByKeyboard(page, douri);
		await page.clock.runFor(10_000);
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri']);
		await page.keyboard.press('ArrowDown');
		const links = await cardOf(page, 'izzat-ibrahim-al-douri').locator('a[href]').count();
		for (let i = 1; i < links; i++) await page.keyboard.press('Tab');
		expect(await active(page)).toMatchObject({ card: 'izzat-ibrahim-al-douri' });
		// From the card's last link, Tab continues after Douri's name: the next name in the text.
		await page.keyboard.press('Tab');
		expect(await active(page)).toEqual({ entity: 'baath-party', card: undefined });
		await expect(page.evaluate(() => document.activeElement!.closest('.article-body') !== null)).resolves.toBe(true);
		expect(await openCards(page)).toEqual(['baath-party']);
	});

	it('finds nothing with axe-core with a card open inside a card', async () => {
		const { page } = await open();
		await openNestedByMouse(page);
		await page.addScriptTag({ path: AXE });
		const violations = await page.evaluate(async (tags) => {
			const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
			const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
			return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
		}, WCAG22_AA);
		expect(violations).toEqual([]);
	});
});

describe('a card opened from a card, on a touch phone', () => {
	it('opens on the first tap, follows the link on the second, and a tap in the first card closes the second', async () => {
		const { page, requests } = await openWatched(PHONE);
		await nameIn(page, 'izzat-ibrahim-al-douri').tap();
		const douri = cardOf(page, 'izzat-ibrahim-al-douri');
		await douri.waitFor({ state: 'visible' });
		await linkIn(douri, 'naqshbandi-army').tap();
		await cardOf(page, 'naqshbandi-army').waitFor({ state: 'visible' });
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		expect(page.url()).toBe(site.url + ARTICLE);
		expect(requests).toEqual([]);
		// Both fit the 320 px screen.
		for (const id of ['izzat-ibrahim-al-douri', 'naqshbandi-army']) {
			const r = await box(cardOf(page, id));
			expect(r.left).toBeGreaterThanOrEqual(0);
			expect(r.right).toBeLessThanOrEqual(320);
		}
		// A tap on the second card's own text keeps it; a tap on the first card's text closes the second.
		await cardOf(page, 'naqshbandi-army').locator('.card-summary').tap();
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri', 'naqshbandi-army']);
		await page.keyboard.press('Escape');
		await douri.locator('.card-summary').tap();
		expect(await openCards(page)).toEqual(['izzat-ibrahim-al-douri']);
		await linkIn(douri, 'naqshbandi-army').tap();
		await cardOf(page, 'naqshbandi-army').waitFor({ state: 'visible' });
		await linkIn(douri, 'naqshbandi-army').tap();
		await page.waitForURL(`${site.url}glossary/naqshbandi-army/`);
		await page.context().close();
	});
});

describe('the timeline on an entry page', () => {
	it('is drawn without JavaScript', async () => {
		const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.url}glossary/nouri-al-maliki/`);
		const chart = page.locator('.timeline svg.timeline-chart');
		await chart.waitFor({ state: 'visible' });
		const r = await chart.boundingBox();
		expect(r!.width).toBeGreaterThan(300);
		await expect(page.locator('.timeline-list li').count()).resolves.toBe(6);
		await context.close();
	});
});
