import { getCollection } from 'astro:content';
import type { ArticleRecord } from '../schemas/article.ts';
import type { QuoteRecord } from '../schemas/annotations.ts';
import { ENTITY_TYPES, type EntityType, type GlossaryRecord } from '../schemas/glossary.ts';
import { createRoutes } from '../routes.ts';
import { basePath, siteOrigin } from '../settings.ts';
import { relationIndex, type RelationStatement } from './relations.ts';
import { articleStore, glossaryNote } from '../corpus/loaders.ts';

/**
 * An entry of the articles collection, as the site index lists it: its front matter. Typed from our
 * schema rather than from the types `astro sync` generates, so the type check needs no generated
 * file (Astro's own entries are assignable to it).
 */
export interface ListedArticle {
	id: string;
	data: Omit<ArticleRecord, 'annotations'>;
}

/** An article with its annotations and Markdown source, for the pages made from one article (`fullArticle`). */
export interface ArticleEntry {
	id: string;
	data: ArticleRecord;
	/** The Markdown source of the body. */
	body?: string;
}

/**
 * The article with its annotations, read from the article store: the site index holds every
 * article's front matter only, so that the corpus is not all in memory at once.
 */
export function withAnnotations(article: ListedArticle): ArticleEntry {
	return { id: article.id, data: { ...article.data, annotations: articleStore().annotations(article.id) } };
}

/** The article with its annotations and its Markdown source (for the article page's search data). */
export function fullArticle(article: ListedArticle): ArticleEntry {
	return { ...withAnnotations(article), body: articleStore().body(article.id) };
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
	article: ListedArticle;
	anchor: string;
	sentence: string;
	/** The words of the mention, as the article spells them. */
	label: string;
}

/** A quoted block of an article, for outlet pages and the Sources section. */
export interface QuoteRef {
	article: ListedArticle;
	quote: QuoteRecord;
}

/** Lookups that every page needs, computed once per build rather than once per page. */
export interface SiteIndex {
	articles: ListedArticle[];
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
}

let index: Promise<SiteIndex> | undefined;

/** The site index, built on first use. */
export function siteIndex(): Promise<SiteIndex> {
	index ??= build();
	return index;
}

async function build(): Promise<SiteIndex> {
	// The store holds an article's front matter; its annotations are read once here, one article at a time.
	const collection: ListedArticle[] = (await getCollection('articles')).map(({ id, data }: ListedArticle) => ({ id, data }));
	const articles = collection.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id));
	// The store holds an entry's front matter; its note is kept beside it (`glossaryNote`).
	const entriesCollection: GlossaryEntry[] = (await getCollection('glossary')).map(({ id, data }: GlossaryEntry) => {
		const { html, words } = glossaryNote(id);
		return { id, data, body: words, rendered: { html } };
	});
	const glossary = entriesCollection.sort((a, b) => a.data.name.localeCompare(b.data.name, 'en'));
	const entries = new Map(glossary.map((e) => [e.id, e]));
	const byType = new Map<EntityType, GlossaryEntry[]>(ENTITY_TYPES.map((t) => [t, []]));
	for (const entry of glossary) byType.get(entry.data.type)!.push(entry);
	const backlinks = new Map<string, Backlink[]>();
	const quotesByOutlet = new Map<string, QuoteRef[]>();
	const mentionCounts = new Map<string, Map<string, number>>();
	const store = articleStore();
	// The backlinks hold every mention's sentence for the whole build: a sentence with three names
	// is held once rather than three times (each read from the store is a string of its own), and so
	// are an article's anchors and the labels, which repeat from article to article.
	const labels = new Map<string, string>();
	for (const article of articles) {
		const counts = new Map<string, number>();
		const annotations = store.annotations(article.id);
		const strings = new Map<string, string>();
		for (const mention of annotations.mentions) {
			counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
			const list = backlinks.get(mention.entity) ?? [];
			list.push({ article, anchor: onceIn(strings, mention.anchor), sentence: onceIn(strings, mention.sentence), label: onceIn(labels, mention.label) });
			backlinks.set(mention.entity, list);
		}
		mentionCounts.set(article.id, counts);
		for (const quote of annotations.quotes) {
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
	return { articles, entries, byType, backlinks, quotesByOutlet, mentionCounts, relations, names, latestDate };
}

/** The string equal to `value` kept in `kept` (the first one seen), so that equal strings are held once. */
function onceIn(kept: Map<string, string>, value: string): string {
	const found = kept.get(value);
	if (found !== undefined) return found;
	kept.set(value, value);
	return value;
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
