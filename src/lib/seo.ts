import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import type { ArticleEntry, GlossaryEntry } from './site.ts';
import { withoutInterfaceText } from '../markdown/interface-text.ts';
import { articleHtml } from '../corpus/loaders.ts';
import { citationNode } from './citations.ts';
import { siteOrigin } from '../settings.ts';
import { outletNamed, personNamed } from '../corpus/credits.ts';
import { namedEntries } from './sources.ts';

/** The site's name, in feeds, link previews and structured data. */
export const SITE_NAME = 'Annotated Reader';

/** An absolute URL for a path of the site (the path already holds the base path). */
export function absoluteUrl(pathname: string, origin = siteOrigin()): string {
	return new URL(pathname, `${origin}/`).href;
}

/**
 * JSON for a `<script type="application/ld+json">` block. `JSON.stringify` leaves `<`, `>` and `&`
 * as they are, and `</script>` in a glossary entry would close the block, so they become `\u003c`
 * and friends (still the same JSON). U+2028 and U+2029 are escaped for older JSON parsers.
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
	// Characters XML does not allow at all are dropped (the content check reports them first).
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
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
export function entityNode(entry: GlossaryEntry, base: string, origin = siteOrigin()): Record<string, unknown> | undefined {
	const type = schemaType(entry.data.type);
	if (!type) return undefined;
	const node: Record<string, unknown> = {
		'@type': type,
		name: entry.data.name,
		description: entry.data.summary,
		url: absoluteUrl(`${base}glossary/${entry.id}/`, origin),
	};
	if (entry.data.aliases.length) node.alternateName = entry.data.aliases;
	if (entry.data.wikidata) node.sameAs = `https://www.wikidata.org/wiki/${entry.data.wikidata}`;
	return node;
}

/**
 * The JSON-LD of a glossary entry page: the page, what it is about (the entity, or a
 * `DefinedTerm` for terms), and each of the entry's sources as a `citation`.
 */
export function entryJsonLd(entry: GlossaryEntry, base: string, origin = siteOrigin()): Record<string, unknown> {
	const about = entityNode(entry, base, origin) ?? { '@type': 'DefinedTerm', name: entry.data.name, description: entry.data.summary };
	const page: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		url: absoluteUrl(`${base}glossary/${entry.id}/`, origin),
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
	/** Glossary entries by id. */
	entries: Map<string, GlossaryEntry>;
	/** Ids of the entities mentioned in the article. */
	mentioned: string[];
	base: string;
	origin?: string;
}

/**
 * The JSON-LD of an article page: a `NewsArticle` with its author, publisher and date, the
 * people, places and organisations it mentions, and every quoted block as a `Quotation` credited
 * to its outlet.
 */
export function articleJsonLd({ article, entries, mentioned, base, origin = siteOrigin() }: ArticleGraphInput): Record<string, unknown> {
	const { data } = article;
	const pageUrl = absoluteUrl(`${base}articles/${article.id}/`, origin);
	// Found as the byline finds them: by name or alias, case and spacing aside.
	const publisherId = outletNamed(data.publisher, namedEntries(entries));
	const publisherEntry = publisherId ? entries.get(publisherId) : undefined;
	const publisher = publisherEntry ? entityNode(publisherEntry, base, origin)! : { '@type': 'Organization', name: data.publisher };
	const authorId = personNamed(data.author, namedEntries(entries));
	const authorEntry = authorId ? entries.get(authorId) : undefined;
	const author = authorEntry ? entityNode(authorEntry, base, origin)! : { '@type': 'Person', name: data.author };
	const mentions = mentioned
		.map((id) => entries.get(id))
		.filter((e): e is GlossaryEntry => e !== undefined)
		.map((e) => entityNode(e, base, origin))
		.filter((n): n is Record<string, unknown> => n !== undefined);
	const texts = quoteTexts(articleHtml(article.id));
	const citation = data.annotations.quotes.map((q) => {
		const quote = q as (typeof data.annotations.quotes)[number] & { how?: string; headline?: string; date?: string; url?: string; via?: string; excerpt?: string; evidence?: string };
		const node: Record<string, unknown> = {
			'@type': 'Quotation',
			'@id': `${pageUrl}#${quote.id}`,
			url: `${pageUrl}#${quote.id}`,
			text: texts.get(quote.id) ?? quote.excerpt ?? '',
		};
		const outlet = entries.get(quote.outlet);
		if (outlet) {
			// A NewsMediaOrganization: schema.org's Organization for news outlets.
			const org = entityNode(outlet, base, origin);
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
		isPartOf: { '@type': 'WebSite', name: SITE_NAME, url: absoluteUrl(base, origin) },
	};
	if (data.originalUrl) graph.isBasedOn = data.originalUrl;
	else if (data.republished?.url) graph.isBasedOn = data.republished.url;
	if (mentions.length) graph.mentions = mentions;
	if (citation.length) graph.citation = citation;
	return graph;
}
