/**
 * The header box's search records (scripts/lib/header-search-index.ts): what each page is found
 * by and what the box shows of it. The index Pagefind makes of them is tested in a real build
 * (tests/build/search.test.ts) and a real browser (tests/e2e/search.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleRecord, distinctWords, entryRecord, headerRecords } from '../../scripts/lib/header-search-index.ts';
import type { ArticleDataFile, GlossaryDataEntry } from '../../src/schemas/open-data.ts';

const maliki: GlossaryDataEntry = {
	id: 'nouri-al-maliki',
	name: 'Nouri al-Maliki',
	type: 'person',
	native: [{ lang: 'ar', text: 'نوري المالكي' }],
	aliases: ['al-Maliki', 'Maliki'],
	role: 'Prime Minister of Iraq',
};

const article: ArticleDataFile = {
	slug: 'fighting',
	title: 'Fighting reaches Baghdad',
	published: '2014-06-21',
	summary: 'Militants near the capital.',
	text: { value: 'Fighting reached Baghdad. Militants seized Baiji; fighting, fighting – “Baghdad” again.' },
};

/** A built site's open data in a temporary folder: `glossary` as `data/glossary.json`, each article as `data/articles/<slug>.json`. */
function openData(glossary: unknown, articles: Record<string, unknown> = {}): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'header-records-'));
	fs.mkdirSync(path.join(dir, 'data'));
	fs.writeFileSync(path.join(dir, 'data', 'glossary.json'), JSON.stringify(glossary));
	for (const [slug, data] of Object.entries(articles)) {
		fs.mkdirSync(path.join(dir, 'data', 'articles'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'data', 'articles', `${slug}.json`), JSON.stringify(data));
	}
	return dir;
}

describe('header search records', () => {
	it('keeps each word once, as first written, comparing words without case or surrounding punctuation', () => {
		expect(distinctWords(article.text.value)).toEqual(['Fighting', 'reached', 'Baghdad.', 'Militants', 'seized', 'Baiji;', 'again.']);
		expect(distinctWords('  – … ')).toEqual([]);
		// Inner punctuation makes another word: Pagefind indexes "al-Maliki" and its parts.
		expect(distinctWords('Maliki al-Maliki Maliki’s')).toEqual(['Maliki', 'al-Maliki', 'Maliki’s']);
	});

	it('finds an article by its title and every distinct word of its text, and shows its date and summary', () => {
		expect(articleRecord(article)).toEqual({
			url: '/articles/fighting/',
			content: 'Fighting reaches Baghdad. Fighting reached Baghdad. Militants seized Baiji; again.',
			language: 'en',
			meta: { title: 'Fighting reaches Baghdad', type: 'Article', date: '2014-06-21', summary: 'Militants near the capital.' },
		});
	});

	it('finds a glossary entry by its names only, and shows its kind and role', () => {
		expect(entryRecord(maliki)).toEqual({
			url: '/glossary/nouri-al-maliki/',
			content: 'Nouri al-Maliki. نوري المالكي. al-Maliki. Maliki',
			language: 'en',
			meta: { title: 'Nouri al-Maliki', type: 'Glossary entry', kind: 'Person', role: 'Prime Minister of Iraq' },
		});
		expect(entryRecord({ ...maliki, type: 'outlet' }).meta).toMatchObject({ type: 'Outlet', kind: 'News outlet' });
	});

	it('reads the open data of a built site: the glossary, then the articles in order of their slugs, and a site without articles', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'header-records-'));
		try {
			fs.mkdirSync(path.join(dir, 'data'));
			fs.writeFileSync(path.join(dir, 'data', 'glossary.json'), JSON.stringify({ count: 1, entries: [maliki] }));
			expect([...headerRecords(dir)].map((r) => r.url)).toEqual(['/glossary/nouri-al-maliki/']);
			fs.mkdirSync(path.join(dir, 'data', 'articles'));
			for (const slug of ['b-second', 'a-first']) {
				fs.writeFileSync(path.join(dir, 'data', 'articles', `${slug}.json`), JSON.stringify({ ...article, slug }));
				// The article's other data files are not records.
				fs.writeFileSync(path.join(dir, 'data', 'articles', `${slug}.annotations.jsonld`), '{}');
			}
			expect([...headerRecords(dir)].map((r) => r.url)).toEqual(['/glossary/nouri-al-maliki/', '/articles/a-first/', '/articles/b-second/']);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('deals the records to the parts of a large site in turn, each record to one part', () => {
		const slugs = ['a-first', 'b-second', 'c-third', 'd-fourth'];
		const dir = openData({ count: 1, entries: [maliki] }, Object.fromEntries(slugs.map((slug) => [slug, { ...article, slug }])));
		try {
			const urls = (part: number) => [...headerRecords(dir, { part, parts: 2 })].map((r) => r.url);
			expect(urls(0)).toEqual(['/glossary/nouri-al-maliki/', '/articles/b-second/', '/articles/d-fourth/']);
			expect(urls(1)).toEqual(['/articles/a-first/', '/articles/c-third/']);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses open data that is not what the site writes, naming the file and the field', () => {
		const cases: [glossary: unknown, articles: Record<string, unknown>, message: string][] = [
			[{ count: 1, entries: [{ ...maliki, type: 'villain' }] }, {}, 'data/glossary.json: entries.0.type: '],
			[{ count: 1, entries: [{ ...maliki, aliases: undefined }] }, {}, 'data/glossary.json: entries.0.aliases: '],
			[{ count: 0, entries: [] }, { fighting: { ...article, published: '21 June 2014' } }, 'data/articles/fighting.json: published: '],
			[{ count: 0, entries: [] }, { fighting: { ...article, text: 'words' } }, 'data/articles/fighting.json: text: '],
		];
		for (const [glossary, articles, message] of cases) {
			const dir = openData(glossary, articles);
			try {
				expect(() => [...headerRecords(dir)]).toThrow(message);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	});
});
