/** Builds the fixture site with `npm run build`'s script, at the root and under /reader/, and checks dist/. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toText } from 'hast-util-to-text';
import { buildExpectingFailure, fixtureSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, indexedText, readPage } from '../helpers/html.ts';

const PAGES = ['index.html', 'articles/fixture-article/index.html', 'glossary/index.html', 'glossary/baghdad/index.html', 'glossary/associated-press/index.html', 'search/index.html', '404.html'];

for (const base of ['/', '/reader/'] as const) {
	describe(`fixture site built under ${base}`, () => {
		let site: SiteBuild;
		beforeAll(async () => {
			site = await fixtureSite(base);
		});

		it('has every page and a Pagefind index', () => {
			for (const page of PAGES) expect(fs.existsSync(path.join(site.dir, page)), page).toBe(true);
			expect(fs.existsSync(path.join(site.dir, 'pagefind/pagefind.js'))).toBe(true);
			expect(fs.readdirSync(path.join(site.dir, 'pagefind')).some((f) => f.startsWith('pagefind-entry'))).toBe(true);
		});

		it('marks names as links to their entries, each card written once, as its who’s who entry', () => {
			const tree = readPage(site.dir, 'articles/fixture-article/index.html');
			const names = findAll(tree, (el) => el.tagName === 'a' && typeof el.properties.dataEntity === 'string');
			const ids = new Set(names.map((n) => String(n.properties.dataEntity)));
			expect(ids).toEqual(new Set(['nouri-al-maliki', 'baghdad', 'associated-press']));
			// Cards are made in the browser from the who's who: none is in the HTML.
			expect(findAll(tree, (el) => el.properties.dataEntityCard !== undefined)).toEqual([]);
			const whosWho = findAll(tree, (el) => (el.properties.className as string[] | undefined)?.includes('whos-who') ?? false)[0]!;
			for (const name of names) {
				expect(name.properties.href).toBe(`${base}glossary/${name.properties.dataEntity}/`);
				const cards = findAll(tree, (el) => el.properties.dataCardContent === name.properties.dataEntity);
				expect(cards).toHaveLength(1);
				expect(findAll(whosWho, (el) => el === cards[0])).toHaveLength(1);
				// The name is described by the card's role and summary, not by the whole card.
				const described = findAll(tree, (el) => el.properties.id === String(name.properties.ariaDescribedBy));
				expect(described).toHaveLength(1);
				expect(findAll(cards[0]!, (el) => el === described[0])).toHaveLength(1);
				expect(toText(described[0]!)).not.toContain('Full entry');
			}
			const baghdad = findAll(tree, (el) => el.properties.dataCardContent === 'baghdad')[0]!;
			expect(toText(baghdad)).toContain('Capital and largest city of Iraq');
			expect(toText(baghdad)).toContain('2 mentions');
		});

		it('wraps the quoted block in a figure that names its outlet', () => {
			const tree = readPage(site.dir, 'articles/fixture-article/index.html');
			const figures = findAll(tree, (el) => el.tagName === 'figure' && el.properties.dataOutlet !== undefined);
			expect(figures).toHaveLength(1);
			const figure = figures[0]!;
			expect(figure.properties.dataOutlet).toBe('associated-press');
			expect(findAll(figure, (el) => el.tagName === 'blockquote')).toHaveLength(1);
			const caption = findAll(figure, (el) => el.tagName === 'figcaption')[0]!;
			expect(toText(caption)).toContain('Associated Press');
			expect(caption.properties.dataPagefindIgnore).toBeDefined();
		});

		it('indexes the article text only, without cards, captions or notes', () => {
			const text = indexedText(readPage(site.dir, 'articles/fixture-article/index.html'));
			expect(text).toContain('zanzibarian');
			expect(text).toContain('teh city was calm');
			expect(text).not.toContain('[sic');
			expect(text).not.toContain('Editors’ note');
			expect(text).not.toContain('Source:');
			expect(text).not.toContain('Capital and largest city');
		});

		it('keeps every internal link and asset under the base path', () => {
			for (const page of PAGES) {
				const html = fs.readFileSync(path.join(site.dir, page), 'utf8');
				for (const [, attr] of html.matchAll(/(?:href|src|action)="([^"#]+)"/g)) {
					if (/^(https?:|mailto:)/.test(attr!)) continue;
					expect(attr!.startsWith(base), `${page}: ${attr}`).toBe(true);
				}
			}
		});

		it('lists every mention on the entry page, linking to its paragraph', () => {
			const tree = readPage(site.dir, 'glossary/baghdad/index.html');
			const links = findAll(tree, (el) => el.tagName === 'a' && String(el.properties.href).includes('/articles/fixture-article/#p-'));
			expect(links).toHaveLength(2);
			const article = fs.readFileSync(path.join(site.dir, 'articles/fixture-article/index.html'), 'utf8');
			for (const link of links) {
				const anchor = String(link.properties.href).split('#')[1];
				expect(article).toContain(`id="${anchor}"`);
			}
			expect(toText(links[0]!)).toContain('spoke in Baghdad at 10:30');
		});
	});
}

describe('a build with broken content', () => {
	it('fails with file:line:column, what is wrong and how to fix it, and no stack trace', async () => {
		const result = await buildExpectingFailure('broken', 'tests/fixtures/broken/content');
		expect(result.code).toBe(1);
		const output = result.stderr + result.stdout;
		expect(output).toMatch(/tests\/fixtures\/broken\/content\/articles\/broken\.md:8:\d+: error: unknown glossary id `bagdad`/);
		expect(output).toContain('did you mean `baghdad`?');
		expect(output).toMatch(/broken\.md:10:1: error: .*does not say which outlet/);
		expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
		expect(fs.existsSync(path.resolve('tests/.output/broken/index.html'))).toBe(false);
	});
});
