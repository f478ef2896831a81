import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import type { ArticleEntry, GlossaryEntry } from './site.ts';
import { withoutInterfaceText } from '../markdown/interface-text.ts';
import { absoluteUrl, type Routes } from '../routes.ts';
import { citationNode } from './citations.ts';
import { BYLINE_ANCHOR, outletNamed, personNamed } from '../credits.ts';
import { namedEntries } from './sources.ts';

/** The site's name, in feeds, link previews and structured data. */
export const SITE_NAME = 'Annotated Reader';

/** Where the site lives: its addresses (under the base path) and its canonical origin (`SITE_URL`). */
export interface SiteAddress {
	routes: Routes;
	/** Scheme, host and port, e.g. `https://reader.example`. */
	origin: string;
}

/** The schema.org type of a glossary entry, or undefined for entries that are not things one mentions (terms). */
export function schemaType(type: GlossaryEntry['data']['type']): string | undefined {
	switch (type) {
		case 'person':
			return 'Person';
		case 'place':
			return 'Place';
		case 'outlet':
			return 'NewsMediaOrganization';
		case 'organization':
		case 'armed-group':
			return 'Organization';
		default:
			return undefined;
	}
}

/** A glossary entry as a schema.org node: name, description, page and Wikidata `sameAs`. */
export function entityNode(entry: GlossaryEntry, { routes, origin }: SiteAddress): Record<string, unknown> | undefined {
	const type = schemaType(entry.data.type);
	if (!type) return undefined;
	const node: Record<string, unknown> = {
		'@type': type,
		name: entry.data.name,
		description: entry.data.summary,
		url: absoluteUrl(routes.entry(entry.id), origin),
	};
	if (entry.data.aliases.length) node.alternateName = entry.data.aliases;
	if (entry.data.wikidata) node.sameAs = `https://www.wikidata.org/wiki/${entry.data.wikidata}`;
	return node;
}

/**
 * The JSON-LD of a glossary entry page: the page, what it is about (the entity, or a
 * `DefinedTerm` for terms), and each of the entry's sources as a `citation`.
 */
export function entryJsonLd(entry: GlossaryEntry, site: SiteAddress): Record<string, unknown> {
	const about = entityNode(entry, site) ?? { '@type': 'DefinedTerm', name: entry.data.name, description: entry.data.summary };
	const page: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		url: absoluteUrl(site.routes.entry(entry.id), site.origin),
		name: entry.data.name,
		about,
	};
	if (entry.data.sources.length) page.citation = entry.data.sources.map(citationNode);
	return page;
}

/**
 * The text of each quoted block of a rendered article, by the figure's id: the article's words only,
 * without the caption or editorial marks (`[sic: …]`, which carry `data-pagefind-ignore`).
 */
export function quoteTexts(html: string): Map<string, string> {
	const tree: Root = fromHtml(html, { fragment: true });
	const texts = new Map<string, string>();
	const walk = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (child.tagName === 'figure' && typeof child.properties.id === 'string') {
				const quote = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'blockquote');
				if (quote) texts.set(child.properties.id, toText(withoutInterfaceText(quote)).replace(/\s+/g, ' ').trim());
			}
			walk(child);
		}
	};
	walk(tree);
	return texts;
}

interface ArticleGraphInput {
	article: ArticleEntry;
	/**
	 * The article's rendered HTML (the annotation pipeline's output): the quotations' text comes
	 * from it. Without it each quotation has its excerpt, and the HTML is not parsed again: the
	 * page's head (`articleHeadJsonLd`) leaves the quotations out.
	 */
	html?: string;
	/** Glossary entries by id. */
	entries: Map<string, GlossaryEntry>;
	/** Ids of the entities mentioned in the article. */
	mentioned: string[];
	site: SiteAddress;
}

/**
 * The JSON-LD of an article page: a `NewsArticle` with its author, publisher and date, the
 * people, places and organisations it mentions, and every quoted block as a `Quotation` credited
 * to its outlet. The publisher is the glossary's outlet when its name or an alias matches, as in
 * the byline.
 */
export function articleJsonLd({ article, html, entries, mentioned, site }: ArticleGraphInput): Record<string, unknown> {
	const { data } = article;
	const pageUrl = absoluteUrl(site.routes.article(article.id), site.origin);
	// Found as the byline finds them: by name or alias, case and spacing aside.
	const publisherId = outletNamed(data.publisher, namedEntries(entries));
	const publisherEntry = publisherId ? entries.get(publisherId) : undefined;
	const publisher = (publisherEntry && entityNode(publisherEntry, site)) ?? { '@type': 'Organization', name: data.publisher };
	const authorId = personNamed(data.author, namedEntries(entries));
	const authorEntry = authorId ? entries.get(authorId) : undefined;
	const author = (authorEntry && entityNode(authorEntry, site)) ?? { '@type': 'Person', name: data.author };
	const mentions = mentioned
		.map((id) => entries.get(id))
		.filter((e): e is GlossaryEntry => e !== undefined)
		.map((e) => entityNode(e, site))
		.filter((n): n is Record<string, unknown> => n !== undefined);
	const texts = html === undefined ? new Map<string, string>() : quoteTexts(html);
	const citation = data.annotations.quotes.map((quote) => {
		const node: Record<string, unknown> = {
			'@type': 'Quotation',
			'@id': `${pageUrl}#${quote.id}`,
			url: `${pageUrl}#${quote.id}`,
			text: texts.get(quote.id) ?? quote.excerpt,
		};
		const outlet = entries.get(quote.outlet);
		if (outlet) {
			// A NewsMediaOrganization: schema.org's Organization for news outlets.
			const org = entityNode(outlet, site);
			node.creator = org;
			node.spokenByCharacter = org;
		}
		if (quote.headline) node.headline = quote.headline;
		if (quote.date) node.dateCreated = quote.date;
		if (quote.url) node.isBasedOn = quote.url;
		const notes = [quote.how, quote.via && `as carried by ${quote.via}`].filter(Boolean);
		if (notes.length) node.description = notes.join('; ');
		return node;
	});
	const graph: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		'@id': pageUrl,
		url: pageUrl,
		mainEntityOfPage: pageUrl,
		headline: data.title,
		description: data.summary,
		inLanguage: data.language,
		datePublished: data.published,
		author,
		publisher,
		isPartOf: { '@type': 'WebSite', name: SITE_NAME, url: absoluteUrl(site.routes.home, site.origin) },
	};
	if (data.originalUrl) graph.isBasedOn = data.originalUrl;
	else if (data.republished?.url) graph.isBasedOn = data.republished.url;
	if (mentions.length) graph.mentions = mentions;
	if (citation.length) graph.citation = citation;
	return graph;
}

/** Ids of the entities an article mentions, for its JSON-LD: the author is its `author`, not a mention. */
export function mentionedIn(article: ArticleEntry): string[] {
	return [...new Set(article.data.annotations.mentions.filter((m) => m.anchor !== BYLINE_ANCHOR).map((m) => m.entity))].sort();
}

/** A schema.org node cut to what identifies it: type, name, page and `sameAs`. */
function identity(node: unknown): unknown {
	if (!node || typeof node !== 'object') return node;
	const { '@type': type, name, url, sameAs } = node as Record<string, unknown>;
	return Object.fromEntries(Object.entries({ '@type': type, name, url, sameAs }).filter(([, value]) => value !== undefined));
}

/**
 * The part of an article's JSON-LD that goes in the page's head: what search engines read of a
 * `NewsArticle` (headline, description, dates, language, author, publisher, what it is based
 * on), with author and publisher cut to their identity. The whole graph, with every mention and
 * quotation, is an open-data file (`/data/articles/<slug>.schema.jsonld`) that the page links:
 * a reader's first load does not carry it.
 */
export function articleHeadJsonLd(graph: Record<string, unknown>): Record<string, unknown> {
	const head: Record<string, unknown> = { ...graph, author: identity(graph.author), publisher: identity(graph.publisher) };
	delete head.mentions;
	delete head.citation;
	return head;
}
