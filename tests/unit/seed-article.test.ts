import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Article, type Corpus } from '../../src/corpus/corpus.ts';
import { findAll, withoutIgnored } from '../helpers/html.ts';
import { seedEdition } from '../helpers/seed.ts';

/** The ids of the seed edition's glossary (tests/fixtures/seed/glossary-ids.txt). */
const SEED_GLOSSARY_IDS = fs
	.readFileSync('tests/fixtures/seed/glossary-ids.txt', 'utf8')
	.split('\n')
	.filter((line) => line && !line.startsWith('#'));

/** The seed article as it was received: headline on the first line, then the body. */
const SEED_FILE = process.env.SEED_FILE ?? path.resolve('tests/fixtures/seed/000_423dc2fc7979b9d9.txt');
const SLUG = 'kurds-seize-jalula-to-attack-isis';
const EXPECTED_OUTLETS = ['associated-press', 'associated-press', 'agence-france-presse', 'sky-news', 'associated-press', 'new-york-times'];

/** Every kind of white space, NBSP included, is dropped: only the characters are compared. */
const withoutSpace = (text: string) => text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu, '');

/** Every element of a tree, in document order. */
const elements = (node: Root | Element): Element[] => findAll(node, () => true);

let corpus: Corpus;
let article: Article;
let tree: Root;
let seedHeadline: string;
let seedBody: string;

beforeAll(async () => {
	if (!fs.existsSync(SEED_FILE)) throw new Error(`seed file not found: ${SEED_FILE} (set SEED_FILE)`);
	const seed = fs.readFileSync(SEED_FILE, 'utf8');
	const newline = seed.indexOf('\n');
	seedHeadline = seed.slice(0, newline).trim();
	seedBody = seed.slice(newline + 1);
	corpus = await loadCorpus(seedEdition(), '/');
	const found = corpus.articles.find((a) => a.slug === SLUG);
	if (!found) throw new Error(`article ${SLUG} was not loaded`);
	article = found;
	tree = fromHtml(article.html, { fragment: true });
}, 60_000);

describe('seed article', () => {
	it('keeps every character of the original body, in order', () => {
		const rendered = withoutSpace(toText(withoutIgnored(tree)));
		const original = withoutSpace(seedBody);
		expect(original.length).toBeGreaterThan(1000);
		if (rendered !== original) {
			let at = 0;
			while (at < rendered.length && rendered[at] === original[at]) at++;
			expect.fail(`texts differ at character ${at}:\n  rendered: …${rendered.slice(Math.max(0, at - 40), at + 40)}…\n  original: …${original.slice(Math.max(0, at - 40), at + 40)}…`);
		}
		expect(rendered).toBe(original);
	});

	it('keeps the republished headline exactly', () => {
		expect(seedHeadline.startsWith('MESOP')).toBe(true);
		expect(article.data.republished?.title).toBe(seedHeadline);
		expect(article.data.originalUrl).toBeUndefined();
	});

	it('links every marked name to a glossary entry', () => {
		const marked = elements(tree).filter((e) => typeof e.properties.dataEntity === 'string');
		expect(marked.length).toBeGreaterThan(100);
		const missing = marked.map((e) => String(e.properties.dataEntity)).filter((id) => !corpus.glossary.entries.has(id));
		expect(missing).toEqual([]);
		for (const e of marked) expect(e.properties.href).toBe(`/glossary/${String(e.properties.dataEntity)}/`);
	});

	it('has six quoted blocks, each naming an outlet of the glossary', () => {
		const figures = elements(tree).filter((e) => e.tagName === 'figure' && e.properties.dataOutlet !== undefined);
		expect(figures.map((f) => String(f.properties.dataOutlet))).toEqual(EXPECTED_OUTLETS);
		for (const figure of figures) {
			const outlet = corpus.glossary.entries.get(String(figure.properties.dataOutlet));
			expect(outlet?.type).toBe('outlet');
			const children = figure.children.filter((c): c is Element => c.type === 'element');
			expect(children.some((c) => c.tagName === 'blockquote')).toBe(true);
			const caption = children.find((c) => c.tagName === 'figcaption');
			expect(caption && toText(caption)).toContain(outlet!.name);
		}
		expect(article.annotations.quotes.map((q) => q.outlet)).toEqual(EXPECTED_OUTLETS);
		expect(article.annotations.quotes.filter((q) => q.evidence === 'named').map((q) => q.outlet)).toEqual(['new-york-times']);
	});

	it('passes the content check without errors or warnings', () => {
		const errors = corpus.diagnostics.filter((d) => d.severity === 'error');
		expect(errors).toEqual([]);
		// The seed's own entries (listed in the fixture) must all be used and warning-free; an entry an
		// author added for an article of their own is unused in the seed edition: not the seed's warning.
		const seedFiles = new Set(SEED_GLOSSARY_IDS.map((id) => corpus.glossary.entries.get(id)?.file ?? `missing seed entry ${id}`));
		const warnings = corpus.diagnostics.filter((d) => d.severity === 'warning' && (d.file === article.file || seedFiles.has(d.file)));
		expect(warnings).toEqual([]);
	});

	it('holds every entry of the seed glossary (their "never mentioned" warnings are checked above)', () => {
		expect(SEED_GLOSSARY_IDS.length).toBe(63);
		expect(SEED_GLOSSARY_IDS.filter((id) => !corpus.glossary.entries.has(id))).toEqual([]);
	});

	it('shows the restored paragraph breaks as notes right after the quotes that lost them', () => {
		const restored = elements(tree).filter((e) => e.tagName === 'aside' && e.properties.dataEditorial === 'note' && /break restored/i.test(toText(e)));
		expect(restored).toHaveLength(2);
		const top = tree.children.filter((c): c is Element => c.type === 'element');
		const before = restored.map((note) => top[top.indexOf(note) - 1]);
		expect(before.map((e) => e?.tagName)).toEqual(['figure', 'figure']);
		expect(before.map((e) => e?.properties.id)).toEqual(['quote-rawah', 'quote-successors']);
		// The blogger's words that follow are ordinary paragraphs, outside the quotes.
		const after = restored.map((note) => top[top.indexOf(note) + 1]);
		expect(after.map((e) => e?.tagName)).toEqual(['p', 'p']);
		expect(toText(after[0]!)).toMatch(/^ISIS also seized Qaim/);
		expect(toText(after[1]!)).toMatch(/^The return of Sadr/);
	});

	it('marks the three typos with their corrections', () => {
		const fixes = article.annotations.editorial.filter((e) => e.kind === 'sic').map((e) => [e.text, e.fix]);
		expect(fixes).toEqual([
			['AIi', 'Ali'],
			['andjoined', 'and joined'],
			['one the', 'one of the'],
		]);
	});
});
