import { getCollection } from 'astro:content';
import type { ArticleRecord } from '../schemas/article.ts';
import type { QuoteRecord } from '../schemas/annotations.ts';
import { ENTITY_TYPES, type EntityType, type GlossaryRecord } from '../schemas/glossary.ts';
import { createRoutes } from '../routes.ts';
import type { ArticleText } from './open-data.ts';
import { basePath, siteOrigin } from '../settings.ts';
import { relationIndex, type RelationStatement } from './relations.ts';
import { articleParts } from '../corpus/loaders.ts';

/**
 * An entry of the articles collection. Typed from our schema rather than from the types `astro sync`
 * generates, so the type check needs no generated file (Astro's own entries are assignable to it).
 */
export interface ArticleEntry {
	id: string;
	data: ArticleRecord;
	/** The Markdown source of the body. */
	body?: string;
}

/** An entry of the glossary collection; its body is the note's Markdown. */
export interface GlossaryEntry {
	id: string;
	data: GlossaryRecord;
	/** The note's Markdown. */
	body?: string;
	/** The note rendered by the note pipeline. */
	rendered?: { html: string };
}

/** A mention of an entity in an article, for entry pages. */
export interface Backlink {
	article: ArticleEntry;
	anchor: string;
	sentence: string;
	/** The words of the mention, as the article spells them. */
	label: string;
}

/** A quoted block of an article, for outlet pages and the Sources section. */
export interface QuoteRef {
	article: ArticleEntry;
	quote: QuoteRecord;
}

/** Lookups that every page needs, computed once per build rather than once per page. */
export interface SiteIndex {
	articles: ArticleEntry[];
	entries: Map<string, GlossaryEntry>;
	byType: Map<EntityType, GlossaryEntry[]>;
	backlinks: Map<string, Backlink[]>;
	quotesByOutlet: Map<string, QuoteRef[]>;
	/** Mentions per entity per article slug. */
	mentionCounts: Map<string, Map<string, number>>;
	/** Each entry's relations, both directions (see src/lib/relations.ts). */
	relations: Map<string, RelationStatement[]>;
	/** Each entry's name by id (pages name the other end of a relation with it). */
	names: Map<string, string>;
	/**
	 * The latest date the site knows of: its newest article's, or a later one in the glossary (an
	 * `asOf`, a role's start or end). Open periods on entry pages run to it.
	 */
	latestDate: string;
	/** Each article's text and spans, filled as the data files are made (see `spansOf`). */
	articleTexts: Map<string, ArticleText>;
}

let index: Promise<SiteIndex> | undefined;

/** The site index, built on first use. */
export function siteIndex(): Promise<SiteIndex> {
	index ??= build();
	return index;
}

async function build(): Promise<SiteIndex> {
	// The store holds an article's front matter; its annotations and source come from the loaded corpus.
	const stored: { id: string; data: Omit<ArticleRecord, 'annotations'> }[] = await getCollection('articles');
	const collection: ArticleEntry[] = stored.map(({ id, data }) => {
		const { annotations, body } = articleParts(id);
		return { id, data: { ...data, annotations }, body };
	});
	const articles = collection.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id));
	const entriesCollection: GlossaryEntry[] = await getCollection('glossary');
	const glossary = entriesCollection.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
	const entries = new Map(glossary.map((e) => [e.id, e]));
	const byType = new Map<EntityType, GlossaryEntry[]>(ENTITY_TYPES.map((t) => [t, []]));
	for (const entry of glossary) byType.get(entry.data.type)!.push(entry);
	const backlinks = new Map<string, Backlink[]>();
	const quotesByOutlet = new Map<string, QuoteRef[]>();
	const mentionCounts = new Map<string, Map<string, number>>();
	for (const article of articles) {
		const counts = new Map<string, number>();
		for (const mention of article.data.annotations.mentions) {
			counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
			const list = backlinks.get(mention.entity) ?? [];
			list.push({ article, anchor: mention.anchor, sentence: mention.sentence, label: mention.label });
			backlinks.set(mention.entity, list);
		}
		mentionCounts.set(article.id, counts);
		for (const quote of article.data.annotations.quotes) {
			const list = quotesByOutlet.get(quote.outlet) ?? [];
			list.push({ article, quote });
			quotesByOutlet.set(quote.outlet, list);
		}
	}
	const relations = relationIndex(glossary.map((e) => ({ id: e.id, relations: e.data.relations })));
	// Made once here: a page that made them would go over the whole glossary, once per page.
	const names = new Map(glossary.map((e) => [e.id, e.data.name]));
	let latestDate = articles[0]?.data.published ?? '';
	for (const { data } of glossary) for (const date of [data.asOf, ...data.roles.flatMap((r) => [r.start, r.end ?? ''])]) if (date > latestDate) latestDate = date;
	return { articles, entries, byType, backlinks, quotesByOutlet, mentionCounts, relations, names, latestDate, articleTexts: new Map() };
}

/**
 * The base path the site is built for (`BASE_PATH`), ending in `/`. Read from the environment like
 * the Markdown plugins do, so pages and rendered articles always agree.
 */
export const BASE = basePath();

/** The site's addresses under that base path: `routes.entry('baghdad')` → `/reader/glossary/baghdad/`. */
export const routes = createRoutes(BASE);

/** The canonical origin (`SITE_URL`) that absolute addresses in feeds, link previews and data files use. */
export const ORIGIN = siteOrigin();

/** Static paths of the routes made once per article (`/articles/<slug>/`, its data files). */
export async function articlePaths() {
	const { articles } = await siteIndex();
	return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}
