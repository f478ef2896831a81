/**
 * Link previews and structured data of the seed article, built under /reader/ with SITE_URL: Open
 * Graph and Twitter tags, the feed link, JSON-LD in the head as search engines read it, and the
 * whole graph in the article's schema.org data file, whose mentions and quotations match the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toText } from 'hast-util-to-text';
import { parse as parseYaml } from 'yaml';
import { SITE_URL, seedSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, readPage } from '../helpers/html.ts';
import { listFiles } from '../helpers/dist.ts';

const ARTICLE = 'articles/kurds-seize-jalula-to-attack-isis/index.html';
const SLUG = 'kurds-seize-jalula-to-attack-isis';
const PAGE_URL = `${SITE_URL}/reader/articles/${SLUG}/`;

/** Glossary frontmatter by id, read straight from content/. */
function glossary(): Map<string, { name: string; type: string; wikidata?: string }> {
	const entries = new Map();
	for (const file of listFiles('content/glossary').filter((f) => f.endsWith('.md'))) {
		const source = fs.readFileSync(path.join('content/glossary', file), 'utf8');
		entries.set(path.basename(file, '.md'), parseYaml(source.split(/^---$/m)[1]!));
	}
	return entries;
}

describe('article metadata', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await seedSite('/reader/');
	});

	it('has Open Graph and Twitter tags with absolute addresses', () => {
		const tree = readPage(site.dir, ARTICLE);
		const meta = (key: string) => findAll(tree, (el) => el.tagName === 'meta' && (el.properties.property === key || el.properties.name === key)).map((el) => el.properties.content);
		expect(meta('og:type')).toEqual(['article']);
		expect(meta('og:url')).toEqual([PAGE_URL]);
		expect(meta('og:title')).toEqual(['Kurds seize Jalula to attack ISIS, Iraq loses border crossing with Syria']);
		expect(meta('article:published_time')).toEqual(['2014-06-21']);
		expect(meta('twitter:card')).toEqual(['summary']);
		expect(meta('twitter:title')).toEqual(meta('og:title'));
		const canonical = findAll(tree, (el) => el.tagName === 'link' && (el.properties.rel as string[]).includes('canonical'));
		expect(canonical.map((el) => el.properties.href)).toEqual([PAGE_URL]);
	});

	it('links the Atom feed from every page', () => {
		for (const page of ['index.html', ARTICLE, 'glossary/index.html', 'search/index.html', '404.html']) {
			const links = findAll(readPage(site.dir, page), (el) => el.tagName === 'link' && (el.properties.rel as string[]).includes('alternate'));
			expect(
				links.map((el) => [el.properties.type, el.properties.href]),
				page,
			).toEqual([['application/atom+xml', '/reader/feed.xml']]);
		}
	});

	it('carries in the head the JSON-LD search engines read, and links the whole graph', () => {
		const tree = readPage(site.dir, ARTICLE);
		const blocks = findAll(tree, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
		expect(blocks).toHaveLength(1);
		const head = JSON.parse(toText(blocks[0]!));
		expect(head).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'NewsArticle',
			url: PAGE_URL,
			headline: 'Kurds seize Jalula to attack ISIS, Iraq loses border crossing with Syria',
			datePublished: '2014-06-21',
		});
		expect(head.author).toMatchObject({ '@type': 'Person', name: 'Ed Morrissey' });
		expect(head.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Hot Air', url: `${SITE_URL}/reader/glossary/hot-air/` });
		expect(head.mentions).toBeUndefined();
		expect(head.citation).toBeUndefined();
		// The head is the whole graph without its lists, author and publisher cut to who they are.
		const full = JSON.parse(fs.readFileSync(path.join(site.dir, `data/articles/${SLUG}.schema.jsonld`), 'utf8'));
		for (const key of Object.keys(full).filter((k) => !['mentions', 'citation', 'author', 'publisher'].includes(k))) expect(head[key], key).toEqual(full[key]);
		expect(full.publisher).toMatchObject(head.publisher);
		const links = findAll(tree, (el) => el.tagName === 'a' && el.properties.href === `/reader/data/articles/${SLUG}.schema.jsonld`);
		expect(links).toHaveLength(1);
		expect(toText(blocks[0]!).length).toBeLessThan(2048);
	});

	it('describes the article in its schema.org file: mentions with Wikidata, and every quoted block as a Quotation', () => {
		const tree = readPage(site.dir, ARTICLE);
		const data = JSON.parse(fs.readFileSync(path.join(site.dir, `data/articles/${SLUG}.schema.jsonld`), 'utf8'));
		expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', url: PAGE_URL, datePublished: '2014-06-21' });
		expect(data.author).toMatchObject({ '@type': 'Person', name: 'Ed Morrissey' });
		expect(data.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Hot Air' });

		const entries = glossary();
		// Names marked in the article's text (a quote's outlet, named in its caption, is its creator).
		const body = findAll(tree, (el) => (el.properties.className as string[] | undefined)?.includes('article-body') ?? false)[0]!;
		const captions = new Set(findAll(body, (el) => el.tagName === 'figcaption').flatMap((c) => findAll(c, () => true)));
		const marked = new Set(findAll(body, (el) => el.tagName === 'a' && typeof el.properties.dataEntity === 'string' && !captions.has(el)).map((el) => String(el.properties.dataEntity)));
		const expected = [...marked].filter((id) => ['person', 'place', 'organization', 'armed-group', 'outlet'].includes(entries.get(id)!.type));
		expect(expected.length).toBeGreaterThan(20);
		const byUrl = new Map(data.mentions.map((m: { url: string }) => [m.url, m]));
		for (const id of expected) {
			const entry = entries.get(id)!;
			const mention = byUrl.get(`${SITE_URL}/reader/glossary/${id}/`) as { name: string; sameAs?: string; '@type': string } | undefined;
			expect(mention, id).toBeDefined();
			expect(mention!.name).toBe(entry.name);
			expect(mention!.sameAs).toBe(entry.wikidata ? `https://www.wikidata.org/wiki/${entry.wikidata}` : undefined);
			expect(mention!['@type']).toBe({ person: 'Person', place: 'Place', outlet: 'NewsMediaOrganization' }[entry.type] ?? 'Organization');
		}
		expect(data.mentions).toHaveLength(expected.length);
		expect(byUrl.get(`${SITE_URL}/reader/glossary/baghdad/`)).toMatchObject({ '@type': 'Place', sameAs: 'https://www.wikidata.org/wiki/Q1530' });

		const figures = findAll(tree, (el) => el.tagName === 'figure' && el.properties.dataOutlet !== undefined);
		expect(figures.length).toBeGreaterThan(1);
		expect(data.citation).toHaveLength(figures.length);
		figures.forEach((figure, i) => {
			const quotation = data.citation[i];
			expect(quotation['@type']).toBe('Quotation');
			expect(quotation.url).toBe(`${PAGE_URL}#${figure.properties.id}`);
			const blockquote = findAll(figure, (el) => el.tagName === 'blockquote')[0]!;
			expect(toText(blockquote).replace(/\s+/g, ' ')).toContain(quotation.text.slice(0, 60));
			const outlet = String(figure.properties.dataOutlet);
			if (outlet === 'unknown') expect(quotation.creator).toBeUndefined();
			else {
				expect(quotation.creator).toMatchObject({ '@type': 'NewsMediaOrganization', name: entries.get(outlet)!.name });
				expect(quotation.spokenByCharacter).toEqual(quotation.creator);
			}
		});
	});

	it('links the author in the byline to their entry, with a card, and the entry counts the article', () => {
		const tree = readPage(site.dir, ARTICLE);
		const byline = findAll(tree, (el) => el.properties.id === 'byline')[0]!;
		const author = findAll(byline, (el) => el.tagName === 'a' && el.properties.dataEntity === 'ed-morrissey');
		expect(author.map((a) => [a.properties.href, toText(a)])).toEqual([['/reader/glossary/ed-morrissey/', 'Ed Morrissey']]);
		expect(findAll(tree, (el) => el.properties.dataCardContent === 'ed-morrissey')).toHaveLength(1);
		const entry = readPage(site.dir, 'glossary/ed-morrissey/index.html');
		const fromByline = findAll(entry, (el) => el.tagName === 'a' && String(el.properties.href).endsWith('/articles/kurds-seize-jalula-to-attack-isis/#byline'));
		expect(fromByline).toHaveLength(1);
	});
});
