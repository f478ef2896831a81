/**
 * The open-data files: an article's text with the offsets of its marks and quoted blocks
 * (`/data/articles/<slug>.json`), the same as W3C Web Annotations
 * (`/data/articles/<slug>.annotations.jsonld`), and the glossary (`/data/glossary.json`).
 * Builders: every input is a parameter, so they are tested without a build.
 */
import type { QuoteRecord } from '../schemas/annotations.ts';
import { absoluteUrl } from '../routes.ts';
import { articleText, webAnnotations, type ArticleText } from './open-data.ts';
import type { SiteAddress } from './seo.ts';
import { sourceRecordOf } from './citations.ts';
import type { ArticleEntry, Backlink, GlossaryEntry } from './site.ts';

/** What both data files of an article are made from. */
export interface ArticleDataInput {
	article: ArticleEntry;
	/** The article's text and spans, from its rendered HTML (`articleText(html)`). */
	spans: ArticleText;
	/** Glossary entries by id. */
	entries: ReadonlyMap<string, GlossaryEntry>;
	site: SiteAddress;
}

/** Where an article's text and spans are kept between its two data files (the article store). */
export interface ArticleTextCache {
	text(slug: string): ArticleText | undefined;
	keepText(slug: string, text: ArticleText): void;
}

/**
 * The article's text and spans, computed once per article and build: both data files need them,
 * and parsing the HTML (given by `html` when needed) is the expensive part.
 */
export function spansOf(slug: string, html: () => string, cache: ArticleTextCache): ArticleText {
	let spans = cache.text(slug);
	if (!spans) {
		spans = articleText(html());
		cache.keepText(slug, spans);
	}
	return spans;
}

/**
 * How a quote's outlet is known, in one line. For `outlet=unknown` it gives the editors' reason
 * (the `reason` attribute, recorded as the quote's `how`).
 */
export function quoteNote(quote: QuoteRecord, outletName: string | undefined): string {
	if (quote.outlet === 'unknown' || !outletName) return `Outlet not identified${quote.how ? `: ${quote.how}` : ''}.`;
	const how = quote.evidence === 'named' ? 'named in the article' : `identified by the editors${quote.how ? `: ${quote.how}` : ''}`;
	const extra = [quote.confidence && `confidence ${quote.confidence}`, quote.via && `via ${quote.via}`, quote.date && `dated ${quote.date}`].filter(Boolean).join('; ');
	return `Quoted from ${outletName}, ${how}${extra ? ` (${extra})` : ''}.`;
}

/** `/data/articles/<slug>.json`: the article's text and where each mark and quoted block sits in it. */
export function articleOffsets({ article, spans, entries, site }: ArticleDataInput) {
	const { routes, origin } = site;
	const absolute = (path: string) => absoluteUrl(path, origin);
	const quotes = new Map(article.data.annotations.quotes.map((q) => [q.id, q]));
	return {
		slug: article.id,
		title: article.data.title,
		published: article.data.published,
		summary: article.data.summary,
		url: absolute(routes.article(article.id)),
		text: {
			definition:
				'The rendered article body without the elements marked data-pagefind-ignore (editors’ notes, [sic] corrections, quote captions), as text by the HTML innerText algorithm: the original words of the article. Offsets count Unicode code points from 0; end is exclusive.',
			length: [...spans.text].length,
			value: spans.text,
		},
		marks: spans.marks.map((mark) => ({
			entity: mark.entity,
			type: entries.get(mark.entity)?.data.type,
			entry: absolute(routes.entry(mark.entity)),
			exact: mark.exact,
			start: mark.start,
			end: mark.end,
		})),
		quotes: spans.quotes.map((span) => {
			const quote = quotes.get(span.id);
			return {
				id: span.id,
				anchor: absolute(routes.article(article.id, span.id)),
				outlet: span.outlet,
				entry: span.outlet === 'unknown' ? null : absolute(routes.entry(span.outlet)),
				evidence: quote?.evidence ?? null,
				confidence: quote?.confidence ?? null,
				start: span.start,
				end: span.end,
				exact: span.exact,
			};
		}),
	};
}

/** `/data/articles/<slug>.annotations.jsonld`: the same as W3C Web Annotations. */
export function articleAnnotations({ article, spans, entries, site }: ArticleDataInput) {
	const { routes, origin } = site;
	const absolute = (path: string) => absoluteUrl(path, origin);
	const quotes = new Map(article.data.annotations.quotes.map((q) => [q.id, q]));
	const outletName = (id: string) => (id === 'unknown' ? undefined : entries.get(id)?.data.name);
	return webAnnotations({
		articleUrl: absolute(routes.article(article.id)),
		collectionUrl: absolute(routes.articleAnnotations(article.id)),
		title: article.data.title,
		spans,
		entryUrl: (id) => absolute(routes.entry(id)),
		outletName,
		quoteNote: (id) => {
			const quote = quotes.get(id);
			return quote ? quoteNote(quote, outletName(quote.outlet)) : 'Quoted block.';
		},
	});
}

/** What `/data/glossary.json` is made from. */
export interface GlossaryDataInput {
	/** Glossary entries by id. */
	entries: ReadonlyMap<string, GlossaryEntry>;
	/** Mentions of each entry in the articles, by entry id. */
	backlinks: ReadonlyMap<string, readonly Backlink[]>;
	site: SiteAddress;
}

/** `/data/glossary.json`: every glossary entry, with where the articles mention it. */
export function glossaryData({ entries, backlinks, site }: GlossaryDataInput) {
	const absolute = (path: string) => absoluteUrl(path, site.origin);
	const data = [...entries.values()]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((entry) => {
			const { file: _file, ...fields } = entry.data;
			const mentions = backlinks.get(entry.id) ?? [];
			const articles = [...new Set(mentions.map((m) => m.article.id))];
			return {
				id: entry.id,
				url: absolute(site.routes.entry(entry.id)),
				...fields,
				// Always records, whichever form the entry was written in.
				sources: fields.sources.map(sourceRecordOf),
				note: entry.body?.trim() ?? '',
				mentions: articles.map((slug) => ({ article: absolute(site.routes.article(slug)), count: mentions.filter((m) => m.article.id === slug).length })),
			};
		});
	return { count: data.length, entries: data };
}
