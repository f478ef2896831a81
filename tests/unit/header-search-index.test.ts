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

type Entry = Parameters<typeof entryRecord>[0];
type Article = Parameters<typeof articleRecord>[0];

const maliki = {
	id: 'nouri-al-maliki',
	name: 'Nouri al-Maliki',
	type: 'person',
	native: [{ lang: 'ar', text: 'نوري المالكي' }],
	aliases: ['al-Maliki', 'Maliki'],
	role: 'Prime Minister of Iraq',
	summary: 'Leader of the State of Law coalition.',
} as unknown as Entry;

const article = {
	slug: 'fighting',
	title: 'Fighting reaches Baghdad',
	published: '2014-06-21',
	summary: 'Militants near the capital.',
	text: { value: 'Fighting reached Baghdad. Militants seized Baiji; fighting, fighting – “Baghdad” again.' },
} as unknown as Article;

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
		expect(entryRecord({ ...maliki, type: 'outlet' } as Entry).meta).toMatchObject({ type: 'Outlet', kind: 'News outlet' });
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
});
