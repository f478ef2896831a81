/**
 * Entry pages stay the same size however popular the entry (issue 16). Two generated corpora, 10
 * and 30 articles, each article naming one place 40 times and quoting one outlet 6 times: the
 * entry pages hold the first page of mentions and quoted blocks and link to the others; every
 * mention and quoted block is on exactly one page; no HTML page is over 150 KB; no page's size
 * grows with the corpus but the indexes that are meant to (home page, glossary), and the later
 * pages of a list are never larger than a full page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, OUTPUT_ROOT, type SiteBuild } from '../helpers/build.ts';
import { htmlPages } from '../helpers/dist.ts';
import { findAll, readPage } from '../helpers/html.ts';
import { MENTIONS_PER_PAGE, QUOTES_PER_PAGE } from '../../src/lib/entry-pages.ts';

const MENTIONS_PER_ARTICLE = 40;
const QUOTES_PER_ARTICLE = 6;
const PAGE_LIMIT = 150 * 1024;
/** Pages that list the whole corpus, meant to grow with it. */
const INDEXES = ['index.html', 'glossary/index.html'];

/** A content folder of `articles` articles, each naming Capital City 40 times and quoting The Daily Test 3 times. */
function corpus(articles: number): string {
	const dir = path.join(OUTPUT_ROOT, `popular-entry-content-${articles}`);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'glossary'), { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'glossary', 'capital-city.md'),
		'---\nname: Capital City\ntype: place\nrole: Capital of a test country\nasOf: 2014-06\nsummary: A city that every test article names.\ncoordinates: { lat: 33.33, lon: 44.38 }\n---\n',
	);
	fs.writeFileSync(
		path.join(dir, 'glossary', 'the-daily-test.md'),
		'---\nname: The Daily Test\ntype: outlet\nrole: Newspaper of the tests\nasOf: 2014-06\nsummary: A newspaper that every test article quotes.\n---\n',
	);
	for (let n = 1; n <= articles; n++) {
		const day = String(1 + (n % 28)).padStart(2, '0');
		const month = String(1 + Math.floor(n / 28)).padStart(2, '0');
		const paragraphs = Array.from({ length: MENTIONS_PER_ARTICLE }, (_, k) => `Officials in :e[Capital City] met for the ${k + 1}th time that week to talk about roads.`);
		const quotes = Array.from({ length: QUOTES_PER_ARTICLE }, (_, k) => `:::quote{outlet="the-daily-test" evidence="named"}\n> The roads will be mended by the spring, number ${k + 1}.\n:::`);
		fs.writeFileSync(
			path.join(dir, 'articles', `report-${String(n).padStart(3, '0')}.md`),
			`---\ntitle: Report number ${String(n).padStart(3, '0')} on the roads\nauthor: Test Author\npublisher: Test Publisher\npublished: 2015-${month}-${day}\nlanguage: en\nsummary: A generated report for the entry page tests.\n---\n${paragraphs.join('\n\n')}\n\n${quotes.join('\n\n')}\n`,
		);
	}
	return dir;
}

const sizes = (site: SiteBuild) => new Map(htmlPages(site.dir).map((page) => [page, fs.statSync(path.join(site.dir, page)).size]));

describe('entry pages of a very popular entry', () => {
	let small: SiteBuild;
	let large: SiteBuild;
	beforeAll(async () => {
		small = await buildSite('popular-entry-10', corpus(10), '/');
		large = await buildSite('popular-entry-30', corpus(30), '/');
	}, 600_000);

	it('puts each mention and each quoted block on exactly one page, the first on the entry page', () => {
		for (const [site, articles] of [
			[small, 10],
			[large, 30],
		] as const) {
			const mentionPages = Math.ceil((articles * MENTIONS_PER_ARTICLE) / MENTIONS_PER_PAGE);
			const pages = ['glossary/capital-city/index.html', ...Array.from({ length: mentionPages - 1 }, (_, i) => `glossary/capital-city/mentions/${i + 2}/index.html`)];
			let listed = 0;
			for (const page of pages)
				listed += findAll(readPage(site.dir, page), (el) => el.tagName === 'ol' && (el.properties.className as string[] | undefined)?.includes('mentions') === true).flatMap((ol) =>
					findAll(ol, (el) => el.tagName === 'li'),
				).length;
			expect(listed).toBe(articles * MENTIONS_PER_ARTICLE);
			expect(fs.existsSync(path.join(site.dir, `glossary/capital-city/mentions/${mentionPages + 1}/index.html`))).toBe(false);
			const quotePages = Math.ceil((articles * QUOTES_PER_ARTICLE) / QUOTES_PER_PAGE);
			let quoted = 0;
			for (const page of ['glossary/the-daily-test/index.html', ...Array.from({ length: quotePages - 1 }, (_, i) => `glossary/the-daily-test/quotes/${i + 2}/index.html`)]) {
				quoted += findAll(readPage(site.dir, page), (el) => el.tagName === 'li' && el.properties.dataQuote !== undefined).length;
			}
			expect(quoted).toBe(articles * QUOTES_PER_ARTICLE);
		}
		// The entry page links to the next page of mentions.
		const entry = readPage(large.dir, 'glossary/capital-city/index.html');
		expect(findAll(entry, (el) => el.tagName === 'a' && el.properties.href === '/glossary/capital-city/mentions/2/')).not.toHaveLength(0);
	});

	it('keeps every page under 150 KB, and no page but the indexes grows with the corpus', () => {
		const before = sizes(small);
		const after = sizes(large);
		for (const [page, bytes] of after) expect(bytes, page).toBeLessThanOrEqual(PAGE_LIMIT);
		let compared = 0;
		for (const [page, bytes] of after) {
			// A later page of a list is bounded by a full page (the entry page's own), however many there are.
			const list = /^(glossary\/[^/]+\/)(?:mentions|quotes)\/\d+\/index\.html$/.exec(page);
			if (list) {
				expect(bytes, page).toBeLessThanOrEqual(after.get(`${list[1]}index.html`)! * 1.05);
				continue;
			}
			const was = before.get(page);
			if (was === undefined || INDEXES.includes(page)) continue;
			compared++;
			// Counts and page numbers may gain a digit; nothing more.
			expect(bytes, page).toBeLessThanOrEqual(was * 1.02 + 256);
		}
		expect(compared).toBeGreaterThan(10);
		expect(after.get('glossary/capital-city/index.html')).toBeDefined();
	});
});
