/**
 * The open-data files of the site, shared by the `/data/` endpoints and the article page's links.
 * Absolute URLs use the site's origin (`SITE_URL`) and base path.
 */
import { articleText, webAnnotations, type ArticleText } from './open-data.ts';
import { href, siteIndex, type ArticleEntry } from './site.ts';
import { entryHref } from '../markdown/annotations.ts';
import { BASE } from './site.ts';
import { articleHtml } from '../corpus/loaders.ts';

/** Paths of an article's data files, under the base path. */
export function articleDataPaths(slug: string) {
	return {
		glossary: href('data/glossary.json'),
		offsets: href(`data/articles/${slug}.json`),
		annotations: href(`data/articles/${slug}.annotations.jsonld`),
	};
}

const texts = new Map<string, ArticleText>();

/** The article's text and the spans of its marks and quotes, computed once per build. */
export function spansOf(article: ArticleEntry): ArticleText {
	let spans = texts.get(article.id);
	if (!spans) {
		spans = articleText(articleHtml(article.id));
		texts.set(article.id, spans);
	}
	return spans;
}

type Quote = ArticleEntry['data']['annotations']['quotes'][number] & {
	evidence?: string;
	how?: string;
	reason?: string;
	confidence?: string;
	via?: string;
	date?: string;
	headline?: string;
	url?: string;
};

/** How a quote's outlet is known, in one line. */
export function quoteNote(quote: Quote, outletName: string | undefined): string {
	if (quote.outlet === 'unknown' || !outletName) return `Outlet not identified${quote.reason ? `: ${quote.reason}` : ''}.`;
	const how = quote.evidence === 'named' ? 'named in the article' : `identified by the editors${quote.how ? `: ${quote.how}` : ''}`;
	const extra = [quote.confidence && `confidence ${quote.confidence}`, quote.via && `via ${quote.via}`, quote.date && `dated ${quote.date}`].filter(Boolean).join('; ');
	return `Quoted from ${outletName}, ${how}${extra ? ` (${extra})` : ''}.`;
}

/** `/data/articles/<slug>.json`: the article's text and where each mark and quoted block sits in it. */
export async function articleOffsets(article: ArticleEntry, site: URL) {
	const { entries } = await siteIndex();
	const spans = spansOf(article);
	const quotes = new Map((article.data.annotations.quotes as Quote[]).map((q) => [q.id, q]));
	const absolute = (path: string) => new URL(path, site).href;
	return {
		slug: article.id,
		title: article.data.title,
		url: absolute(href(`articles/${article.id}/`)),
		text: {
			definition:
				'The rendered article body without the elements marked data-pagefind-ignore (editors’ notes, [sic] corrections, quote captions), as text by the HTML innerText algorithm: the original words of the article. Offsets count Unicode code points from 0; end is exclusive.',
			length: [...spans.text].length,
			value: spans.text,
		},
		marks: spans.marks.map((mark) => ({
			entity: mark.entity,
			type: entries.get(mark.entity)?.data.type,
			entry: absolute(entryHref(BASE, mark.entity)),
			exact: mark.exact,
			start: mark.start,
			end: mark.end,
		})),
		quotes: spans.quotes.map((span) => {
			const quote = quotes.get(span.id);
			return {
				id: span.id,
				anchor: absolute(href(`articles/${article.id}/#${span.id}`)),
				outlet: span.outlet,
				entry: span.outlet === 'unknown' ? null : absolute(entryHref(BASE, span.outlet)),
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
export async function articleAnnotations(article: ArticleEntry, site: URL) {
	const { entries } = await siteIndex();
	const absolute = (path: string) => new URL(path, site).href;
	const quotes = new Map((article.data.annotations.quotes as Quote[]).map((q) => [q.id, q]));
	const outletName = (id: string) => (id === 'unknown' ? undefined : entries.get(id)?.data.name);
	return webAnnotations({
		articleUrl: absolute(href(`articles/${article.id}/`)),
		collectionUrl: absolute(articleDataPaths(article.id).annotations),
		title: article.data.title,
		spans: spansOf(article),
		entryUrl: (id) => absolute(entryHref(BASE, id)),
		outletName,
		quoteNote: (id) => {
			const quote = quotes.get(id);
			return quote ? quoteNote(quote, outletName(quote.outlet)) : 'Quoted block.';
		},
	});
}
