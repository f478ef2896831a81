/**
 * The article store (issue 16): a build keeps each article's rendered HTML, annotations and
 * Markdown source on disk as the content check renders it, and holds its front matter only; the
 * pages read the rest back by slug, the same as the corpus loaded whole gives.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Article, type ArticleListing, type Corpus } from '../../src/corpus/corpus.ts';
import { diskArticleStore, memoryArticleStore, type DiskArticleStore } from '../../src/corpus/article-store.ts';

const CONTENT = path.resolve('tests/fixtures/site/content');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'article-store-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

describe('the article store', () => {
	let whole: Corpus;
	let listed: Corpus<ArticleListing>;
	let store: DiskArticleStore;
	beforeAll(async () => {
		whole = await loadCorpus(CONTENT, '/');
		store = diskArticleStore(path.join(TMP, 'articles'));
		listed = await loadCorpus(CONTENT, '/', (article) => store.put(article));
	});

	it('gives back what the content check rendered, article by article', () => {
		expect(whole.articles.length).toBeGreaterThan(0);
		for (const article of whole.articles) {
			expect(store.html(article.slug)).toBe(article.html);
			expect(store.annotations(article.slug)).toEqual(article.annotations);
			expect(store.body(article.slug)).toBe(article.body);
		}
	});

	it('leaves the corpus holding front matter only, with the same checks', () => {
		const strip = ({ html: _html, annotations: _annotations, body: _body, ...listing }: Article) => listing;
		expect(listed.articles).toEqual(whole.articles.map(strip));
		for (const article of listed.articles) expect(Object.keys(article).sort()).toEqual(['data', 'digest', 'file', 'slug']);
		expect(listed.diagnostics).toEqual(whole.diagnostics);
	});

	it("keeps an article's text for its second data file, and says which article is missing", () => {
		const [first] = whole.articles as [Article];
		expect(store.text(first.slug)).toBeUndefined();
		const text = { text: 'Words.', marks: [{ entity: 'baghdad', exact: 'Words', start: 0, end: 5 }], quotes: [] };
		store.keepText(first.slug, text);
		expect(store.text(first.slug)).toEqual(text);
		expect(() => store.html('no-such-article')).toThrow(/no rendered article "no-such-article"/);
	});

	it('in memory (astro dev), gives the same', () => {
		const memory = memoryArticleStore(whole.articles);
		for (const article of whole.articles) {
			expect(memory.html(article.slug)).toBe(store.html(article.slug));
			expect(memory.annotations(article.slug)).toEqual(store.annotations(article.slug));
		}
		expect(() => memory.annotations('no-such-article')).toThrow(/no rendered article "no-such-article"/);
	});
});
