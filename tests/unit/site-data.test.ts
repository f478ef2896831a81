/**
 * The builders of JSON-LD, open data and maps, run on an article rendered by the real pipeline
 * (no site build): every input is a parameter, so each output can be checked field by field.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { createArticleRenderer } from '../../src/markdown/pipeline.ts';
import { articleAnnotations, articleOffsets, glossaryData, quoteNote } from '../../src/lib/article-data.ts';
import { articleText } from '../../src/lib/open-data.ts';
import { articleJsonLd, entryJsonLd, type SiteAddress } from '../../src/lib/seo.ts';
import { articleMap, locatorParams, locatorSvg } from '../../src/lib/maps.ts';
import { atomFeed, FEED_ARTICLES } from '../../src/lib/feed.ts';
import type { ArticleEntry, Backlink, GlossaryEntry } from '../../src/lib/site.ts';
import { createRoutes } from '../../src/routes.ts';

const BASE = '/reader/';
const site: SiteAddress = { routes: createRoutes(BASE), origin: 'https://reader.example' };
const glossary = loadGlossary(path.resolve('tests/fixtures/glossary'));
const render = await createArticleRenderer({ glossary, base: BASE });

const REASON = 'the post gives no source and the words match no report found';
const BODY = [
	'Fighting reached :e[Baghdad] on Saturday.',
	'',
	':::quote{outlet=associated-press evidence=named}',
	'> Militants seized :e[Baiji] at dawn.',
	':::',
	'',
	`:::quote{outlet=unknown reason="${REASON}"}`,
	'> A quote nobody could place.',
	':::',
	'',
].join('\n');
const rendered = await render(BODY, 'article.md');

/** The glossary as the content collection holds it. */
const entries = new Map<string, GlossaryEntry>([...glossary.entries.values()].map(({ id, note, noteLine: _line, ...data }) => [id, { id, data, body: note }]));
const article: ArticleEntry = {
	id: 'fighting',
	data: {
		title: 'Fighting reaches Baghdad',
		// An alias of the Associated Press entry, as bylines often write it.
		author: 'A Reporter',
		publisher: 'AP',
		published: '2014-06-21',
		language: 'en',
		summary: 'A test article.',
		annotations: rendered.annotations,
	},
};
const spans = articleText(rendered.html);

describe('the rendered test article', () => {
	it('renders without errors', () => {
		expect(rendered.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(rendered.annotations.quotes.map((q) => q.outlet)).toEqual(['associated-press', 'unknown']);
	});
});

describe('articleJsonLd', () => {
	const graph = articleJsonLd({ article, html: rendered.html, entries, mentioned: ['baghdad', 'baiji'], site });
	const pageUrl = 'https://reader.example/reader/articles/fighting/';

	it('credits a publisher written as an outlet alias to that outlet, as the byline does', () => {
		expect(graph.publisher).toEqual({
			'@type': 'NewsMediaOrganization',
			name: 'Associated Press',
			description: 'A wire.',
			url: 'https://reader.example/reader/glossary/associated-press/',
			alternateName: ['AP'],
		});
	});

	it('keeps a bare Organization for a publisher the glossary does not know', () => {
		const other = articleJsonLd({ article: { ...article, data: { ...article.data, publisher: 'Some Blog' } }, html: rendered.html, entries, mentioned: [], site });
		expect(other.publisher).toEqual({ '@type': 'Organization', name: 'Some Blog' });
	});

	it('gives the page, site and mentions absolute addresses under the base path', () => {
		expect(graph).toMatchObject({ '@type': 'NewsArticle', '@id': pageUrl, url: pageUrl, headline: article.data.title, datePublished: '2014-06-21' });
		expect(graph.isPartOf).toMatchObject({ url: 'https://reader.example/reader/' });
		expect((graph.mentions as { url: string }[]).map((m) => m.url)).toEqual(['https://reader.example/reader/glossary/baghdad/', 'https://reader.example/reader/glossary/baiji/']);
	});

	it('makes each quoted block a Quotation with the words of the HTML it is given', () => {
		const [named, unknown] = graph.citation as Record<string, unknown>[];
		const [first, second] = rendered.annotations.quotes;
		expect(named).toMatchObject({ '@type': 'Quotation', url: `${pageUrl}#${first!.id}`, text: 'Militants seized Baiji at dawn.' });
		expect(named!.creator).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Associated Press' });
		expect(unknown).toMatchObject({ url: `${pageUrl}#${second!.id}`, text: 'A quote nobody could place.', description: REASON });
		expect(unknown!.creator).toBeUndefined();
	});
});

describe('entryJsonLd', () => {
	it('describes an entry page with its entity', () => {
		const page = entryJsonLd(entries.get('baghdad')!, site);
		expect(page).toMatchObject({ '@type': 'WebPage', url: 'https://reader.example/reader/glossary/baghdad/', about: { '@type': 'Place', name: 'Baghdad' } });
	});
});

describe('open data', () => {
	it('keeps the reason of a quote whose outlet is unknown in its Web Annotation', () => {
		const collection = articleAnnotations({ article, spans, entries, site });
		const text = JSON.stringify(collection);
		expect(text).toContain(`Outlet not identified: ${REASON}.`);
		expect(text).toContain('Quoted from Associated Press, named in the article (confidence high).');
	});

	it('quoteNote reads the reason from the record, where the quotes plugin puts it', () => {
		const unknown = rendered.annotations.quotes[1]!;
		expect(unknown.how).toBe(REASON);
		expect(quoteNote(unknown, undefined)).toBe(`Outlet not identified: ${REASON}.`);
	});

	it('gives offsets, anchors and entry addresses of marks and quotes', () => {
		const data = articleOffsets({ article, spans, entries, site });
		expect(data.url).toBe('https://reader.example/reader/articles/fighting/');
		expect([data.published, data.summary]).toEqual([article.data.published, article.data.summary]);
		const chars = [...data.text.value];
		for (const mark of data.marks) expect(chars.slice(mark.start, mark.end).join('')).toBe(mark.exact);
		expect(data.marks.map((m) => [m.entity, m.type, m.entry])).toEqual([
			['baghdad', 'place', 'https://reader.example/reader/glossary/baghdad/'],
			['baiji', 'place', 'https://reader.example/reader/glossary/baiji/'],
		]);
		expect(data.quotes.map((q) => [q.outlet, q.entry, q.evidence])).toEqual([
			['associated-press', 'https://reader.example/reader/glossary/associated-press/', 'named'],
			['unknown', null, 'unknown'],
		]);
		expect(data.quotes[0]!.anchor).toBe(`https://reader.example/reader/articles/fighting/#${rendered.annotations.quotes[0]!.id}`);
	});

	it('lists every glossary entry with the articles that mention it', () => {
		const mention = rendered.annotations.mentions.find((m) => m.entity === 'baghdad')!;
		const backlinks = new Map<string, Backlink[]>([['baghdad', [{ article, anchor: mention.anchor, sentence: mention.sentence, label: mention.label }]]]);
		const data = glossaryData({ entries, backlinks, site });
		expect(data.count).toBe(entries.size);
		const baghdad = data.entries.find((e) => e.id === 'baghdad')!;
		expect(baghdad.url).toBe('https://reader.example/reader/glossary/baghdad/');
		expect(baghdad.mentions).toEqual([{ article: 'https://reader.example/reader/articles/fighting/', count: 1 }]);
		expect(data.entries.find((e) => e.id === 'isis')!.mentions).toEqual([]);
	});
});

describe('maps', () => {
	const baghdad = { id: 'baghdad', name: 'Baghdad', lat: 33.31, lon: 44.37, approximate: false };
	const mosul = { id: 'mosul', name: 'Mosul', lat: 36.34, lon: 43.13, approximate: false };
	const washington = { id: 'washington', name: 'Washington', lat: 38.9, lon: -77.04, approximate: false };

	it('draws a locator whose projection attribute reads back as the parameters used', () => {
		const svg = locatorSvg(baghdad);
		const attribute = /data-projection="([^"]*)"/.exec(svg)?.[1] ?? '';
		const decoded = attribute.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
		expect(JSON.parse(decoded)).toEqual(locatorParams(baghdad));
		expect(svg).toContain('data-place="baghdad"');
		expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
	});

	it('maps nearby places and lists a far one with where it is', () => {
		const model = articleMap([baghdad, mosul, washington]);
		expect(model.places.map((p) => p.id).sort()).toEqual(['baghdad', 'mosul']);
		expect(model.outside.map((p) => p.id)).toEqual(['washington']);
		expect(model.outside[0]!.whereabouts).toMatch(/km/);
		for (const place of model.places) {
			expect(place.x).toBeGreaterThanOrEqual(0);
			expect(place.x).toBeLessThanOrEqual(model.params.width);
		}
	});
});

describe('atomFeed', () => {
	it('writes each article as an entry, escaped by the XML writer, without characters XML forbids', () => {
		const tricky: ArticleEntry = { ...article, data: { ...article.data, title: 'Kurds\u0007 seize <Jalula> & "more"' } };
		const xml = atomFeed([tricky], site);
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
		expect(xml).toContain('<title>Kurds seize &lt;Jalula&gt; &amp; "more"</title>');
		expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://reader.example/reader/feed.xml"/>');
		expect(xml).toContain('<id>https://reader.example/reader/articles/fighting/</id>');
		expect(xml).toContain('<updated>2014-06-21T00:00:00Z</updated>');
		expect(xml).not.toContain('\u0007');
	});

	it('lists the newest articles only, newest first, so it does not grow with the archive', () => {
		// One article a day from 1 January 2014, given oldest first.
		const archive: ArticleEntry[] = Array.from({ length: FEED_ARTICLES + 10 }, (_, day) => {
			const published = new Date(Date.UTC(2014, 0, 1 + day)).toISOString().slice(0, 10);
			return { ...article, id: `day-${String(day).padStart(3, '0')}`, data: { ...article.data, published } };
		});
		const xml = atomFeed(archive, site);
		const ids = [...xml.matchAll(/<id>https:\/\/reader\.example\/reader\/articles\/([^/]+)\/<\/id>/g)].map((m) => m[1]);
		expect(ids).toHaveLength(FEED_ARTICLES);
		expect(ids[0]).toBe(`day-${String(FEED_ARTICLES + 9).padStart(3, '0')}`);
		expect(ids.at(-1)).toBe('day-010');
		expect(xml).toContain('<updated>2014-03-01T00:00:00Z</updated>');
	});
});
