/** What the build gives Pagefind beyond the text: filters, metadata, sort keys and other names; the header box's index. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { fixtureSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, indexedText, readPage } from '../helpers/html.ts';

/** `key: [values]` of every `data-pagefind-<kind>="key[data-value]"` inside the indexed body. */
function tags(dir: string, page: string, kind: 'Filter' | 'Meta' | 'Sort'): Record<string, string[]> {
	const tree = readPage(dir, page);
	const bodies = findAll(tree, (el) => el.properties.dataPagefindBody !== undefined);
	const found: Record<string, string[]> = {};
	for (const el of bodies.flatMap((body) => findAll(body, (e: Element) => e.properties[`dataPagefind${kind}`] !== undefined))) {
		const match = /^(\w+)\[data-value\]$/.exec(String(el.properties[`dataPagefind${kind}`]));
		expect(match, `${page}: ${String(el.properties[`dataPagefind${kind}`])}`).not.toBeNull();
		(found[match![1]!] ??= []).push(String(el.properties.dataValue));
	}
	return found;
}

describe('search data in the fixture site', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await fixtureSite('/');
	});

	it('tags an article with its type, year, the names it mentions and the outlets it quotes', () => {
		const page = 'articles/fixture-article/index.html';
		expect(tags(site.dir, page, 'Filter')).toEqual({
			type: ['Article'],
			year: ['2014'],
			place: ['Baghdad'],
			person: ['Nouri al-Maliki'],
			outlet: ['Associated Press'],
		});
		expect(tags(site.dir, page, 'Meta')).toEqual({ title: ['A fixture article about Baghdad'], type: ['Article'], date: ['2014-06-21'] });
		expect(tags(site.dir, page, 'Sort')).toEqual({ date: ['2014-06-21'] });
	});

	it('indexes the other names of what an article mentions, once, and only those its text lacks', () => {
		const tree = readPage(site.dir, 'articles/fixture-article/index.html');
		const spans = findAll(tree, (el) => el.properties.dataPagefindIndexAttrs === 'data-names');
		expect(spans).toHaveLength(1);
		expect(spans[0]!.properties.hidden).toBeDefined();
		const names = String(spans[0]!.properties.dataNames);
		expect(names).toContain('Associated Press');
		expect(names).not.toContain('Baghdad');
		expect(names).not.toContain('Maliki');
		// The filter and metadata holders add no words of their own.
		expect(indexedText(tree)).not.toContain('Article');
	});

	it('tags glossary entries and outlets as such', () => {
		expect(tags(site.dir, 'glossary/baghdad/index.html', 'Filter')).toEqual({ type: ['Glossary entry'], kind: ['Place'] });
		expect(tags(site.dir, 'glossary/baghdad/index.html', 'Meta')).toEqual({ title: ['Baghdad'], type: ['Glossary entry'] });
		expect(tags(site.dir, 'glossary/associated-press/index.html', 'Filter')).toEqual({ type: ['Outlet'], kind: ['News outlet'] });
	});
});

describe('the header box’s own index in the fixture site', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await fixtureSite('/');
	});

	it('indexes every article and glossary entry into pagefind/header/, with no script of its own and one WebAssembly', () => {
		const bundle = path.join(site.dir, 'pagefind', 'header');
		const entry = JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number; wasm: string }> };
		const glossary = JSON.parse(fs.readFileSync(path.join(site.dir, 'data', 'glossary.json'), 'utf8')) as { count: number };
		const articles = fs.readdirSync(path.join(site.dir, 'data', 'articles')).filter((f) => f.endsWith('.json'));
		expect(articles.length).toBeGreaterThan(0);
		// One language, so the box finds every page from every page.
		expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([glossary.count + articles.length]);
		const files = fs.readdirSync(bundle);
		expect(files.filter((f) => /\.(js|css)$/.test(f))).toEqual([]);
		expect(files.filter((f) => f.startsWith('wasm.'))).toEqual([`wasm.${Object.values(entry.languages)[0]!.wasm}.pagefind`]);
		// Smaller than the full index: entries by their names, article words once.
		const size = (dir: string) => fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
		expect(size(path.join(bundle, 'index'))).toBeLessThan(size(path.join(site.dir, 'pagefind', 'index')));
	});
});
