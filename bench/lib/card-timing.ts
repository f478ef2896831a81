/**
 * How soon a glossary card shows, in real time in Chromium (issue 16: fully visible within 150 ms
 * of the pointer entering a name, the hover intent included). For each of several names of an
 * article the mouse jumps onto the name and rests there, as a reader's does once it has reached
 * it; the page itself times, from the `pointerover` on the name (the first listener to see it),
 * the first frame in which the card is open and visible ("visible") and the first in which it is
 * also fully opaque ("opaque"). The figures are medians over the names. Each card is closed (the
 * pointer away, the grace period over) before the next name, so every one is a first card, not
 * one opened while another was open.
 *
 *   node bench/lib/card-timing.ts [dist] [article slug]   # defaults: dist/ and the seed article
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

export interface CardTiming {
	/** Each name measured: its entity, and milliseconds from the pointer entering it. */
	names: { id: string; visibleMs: number; opaqueMs: number }[];
	visibleMedianMs: number;
	opaqueMedianMs: number;
}

/** How many distinct names of the article are measured. */
const NAMES = 9;

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Serves `dist` and times cards on the article `/articles/<slug>/` in a 1280 × 800 desktop Chromium. */
export async function measureCardTiming(dist: string, base: string, slug: string, count = NAMES): Promise<CardTiming> {
	const server = await startStaticServer({ dir: dist, base });
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'no-preference' });
		await page.addInitScript(installProbe);
		await page.goto(`${server.url}articles/${slug}/`, { waitUntil: 'load' });
		await page.waitForLoadState('networkidle');
		const ids = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('.article-body a[data-entity]')].map((a) => a.dataset.entity!))]);
		const names: CardTiming['names'] = [];
		for (const id of ids.slice(0, count)) names.push({ id, ...(await timeOne(page, id)) });
		return {
			names,
			visibleMedianMs: Math.round(median(names.map((n) => n.visibleMs))),
			opaqueMedianMs: Math.round(median(names.map((n) => n.opaqueMs))),
		};
	} finally {
		await browser.close();
		await server.close();
	}
}

/** In the page, before its own scripts: notes when the pointer enters a name, then watches every frame until its card is opaque. */
function installProbe() {
	const probe: { entered: number; id: string; visible: number; opaque: number } = { entered: 0, id: '', visible: 0, opaque: 0 };
	Object.assign(window, { cardProbe: probe });
	const watch = () => {
		const card = document.querySelector<HTMLElement>(`[data-entity-card="${CSS.escape(probe.id)}"]`);
		const now = performance.now();
		if (card?.matches(':popover-open') && card.checkVisibility({ visibilityProperty: true })) {
			if (!probe.visible) probe.visible = now;
			if (getComputedStyle(card).opacity === '1') {
				probe.opaque = now;
				return;
			}
		}
		requestAnimationFrame(watch);
	};
	document.addEventListener(
		'pointerover',
		(event) => {
			const name = event.target instanceof Element ? event.target.closest<HTMLElement>('a[data-entity]') : null;
			if (!name || name.dataset.entity === probe.id) return;
			Object.assign(probe, { entered: performance.now(), id: name.dataset.entity, visible: 0, opaque: 0 });
			requestAnimationFrame(watch);
		},
		true,
	);
}

async function timeOne(page: Page, id: string): Promise<{ visibleMs: number; opaqueMs: number }> {
	const name = page.locator(`.article-body a[data-entity="${id}"]`).first();
	// Away from every name, every card closed, the probe reset: this card is a first card.
	await page.mouse.move(2, 2);
	await page.waitForFunction(() => !document.querySelector('[data-entity-card]:popover-open'));
	await page.evaluate(() => Object.assign((window as unknown as { cardProbe: object }).cardProbe, { id: '' }));
	await name.scrollIntoViewIfNeeded();
	const r = await name.evaluate((el) => {
		const box = el.getClientRects()[0]!;
		return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
	});
	await page.mouse.move(r.x, r.y);
	const probe = await page.waitForFunction(
		(id) => {
			const p = (window as unknown as { cardProbe: { entered: number; id: string; visible: number; opaque: number } }).cardProbe;
			return p.id === id && p.opaque ? { visibleMs: p.visible - p.entered, opaqueMs: p.opaque - p.entered } : null;
		},
		id,
		{ timeout: 10_000 },
	);
	const { visibleMs, opaqueMs } = (await probe.jsonValue())!;
	return { visibleMs: Math.round(visibleMs), opaqueMs: Math.round(opaqueMs) };
}

if (import.meta.main) {
	const dist = path.resolve(process.argv[2] ?? 'dist');
	const slug = process.argv[3] ?? 'kurds-seize-jalula-to-attack-isis';
	const timing = await measureCardTiming(dist, '/', slug);
	for (const n of timing.names) console.log(`${n.id.padEnd(28)} visible ${String(n.visibleMs).padStart(4)} ms   opaque ${String(n.opaqueMs).padStart(4)} ms`);
	console.log(`median (${timing.names.length} names): visible ${timing.visibleMedianMs} ms, opaque ${timing.opaqueMedianMs} ms`);
}
