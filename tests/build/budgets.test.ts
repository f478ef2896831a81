/**
 * Byte budgets of the seed article (issues 4 and 16): the card script at most 3 KB gzip, the whole
 * page as first loaded (HTML, CSS, JS) at most 36 KB gzip, each card's words written once. Sizes
 * are measured on a real build with zlib, so the numbers are deterministic; `npm run bench`
 * reports the same numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { gzipSize, pageWeight } from '../../bench/lib/page-weight.ts';

const CARD_SCRIPT_BUDGET = 3 * 1024;
const PAGE_BUDGET = 36 * 1024;
const ARTICLE = 'articles/kurds-seize-jalula-to-attack-isis/index.html';

describe('byte budgets of the seed article', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await seedSite('/');
	});

	it('weighs the page with every stylesheet and script it loads', () => {
		const weight = pageWeight(site.dir, ARTICLE);
		const html = fs.readFileSync(path.join(site.dir, ARTICLE), 'utf8');
		expect(weight.files[0]!.gzip).toBe(gzipSize(html));
		const linked = [...html.matchAll(/(?:href|src)="\/(_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
		expect(linked.length).toBeGreaterThan(0);
		for (const file of linked) expect(weight.files.map((f) => f.file)).toContain(file);
		expect(weight.gzip).toBe(weight.files.reduce((sum, f) => sum + f.gzip, 0));
	});

	it(`keeps the card script within ${CARD_SCRIPT_BUDGET} bytes gzip`, () => {
		const { cardScriptGzip } = pageWeight(site.dir, ARTICLE);
		expect(cardScriptGzip, 'no script of the article page runs the cards').toBeGreaterThan(0);
		expect(cardScriptGzip).toBeLessThanOrEqual(CARD_SCRIPT_BUDGET);
	});

	it('writes each card’s words once: its summary appears once in the page', () => {
		const html = fs.readFileSync(path.join(site.dir, ARTICLE), 'utf8');
		const summaries = [...html.matchAll(/<p class="card-summary"[^>]*>([^<]{20,})</g)].map((m) => m[1]!);
		expect(summaries.length).toBeGreaterThan(20);
		for (const summary of summaries) expect(html.split(summary).length - 1, summary).toBe(1);
	});

	it(`keeps the article page as first loaded within ${PAGE_BUDGET} bytes gzip`, () => {
		const weight = pageWeight(site.dir, ARTICLE);
		const detail = weight.files.map((f) => `${f.file}: ${f.gzip}`).join(', ');
		expect(weight.gzip, detail).toBeLessThanOrEqual(PAGE_BUDGET);
	});
});
