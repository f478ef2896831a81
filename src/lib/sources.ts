import { creditsOf, type Credit, type NamedEntry } from '../credits.ts';
import type { Mention, QuoteRecord } from '../schemas/annotations.ts';

/** What a Sources section needs of a glossary entry. */
export type SourceEntry = NamedEntry;

/** One outlet an article quotes or cites, and every place it does. */
export interface Source {
	/** Glossary id of the outlet, or `unknown` for quoted blocks whose outlet is not identified. */
	outlet: string;
	name: string;
	/** Publisher or republisher of the article, from its frontmatter. */
	roles: Credit['role'][];
	/** Quoted blocks from it, with their number on the page (1-based, in reading order). */
	quotes: { quote: QuoteRecord; number: number }[];
	/** Places in the text that name it, one per paragraph. */
	citations: { anchor: string; excerpt: string }[];
}

interface ArticleLike {
	publisher: string;
	republished?: { by: string };
	annotations: { mentions: Mention[]; quotes: QuoteRecord[] };
}

/**
 * Every outlet an article quotes or cites: the outlets of its quoted blocks, outlets marked in its
 * text, and its publisher and republisher when the glossary has an outlet of that name. Sorted by
 * name, with unidentified outlets last.
 */
export function sourcesOf(article: ArticleLike, entries: Map<string, SourceEntry>): Source[] {
	const byOutlet = new Map<string, Source>();
	const sourceFor = (outlet: string): Source => {
		let source = byOutlet.get(outlet);
		if (!source) {
			source = { outlet, name: entries.get(outlet)?.name ?? 'Outlet not identified', roles: [], quotes: [], citations: [] };
			byOutlet.set(outlet, source);
		}
		return source;
	};
	for (const credit of creditsOf(article, entries)) {
		if (credit.outlet) sourceFor(credit.outlet).roles.push(credit.role);
	}
	article.annotations.quotes.forEach((quote, i) => sourceFor(quote.outlet).quotes.push({ quote, number: i + 1 }));
	for (const mention of article.annotations.mentions) {
		if (entries.get(mention.entity)?.type !== 'outlet') continue;
		const source = sourceFor(mention.entity);
		if (source.citations.some((c) => c.anchor === mention.anchor)) continue;
		source.citations.push({ anchor: mention.anchor, excerpt: excerptAround(mention.sentence, mention.label) });
	}
	return [...byOutlet.values()].sort((a, b) => Number(a.outlet === 'unknown') - Number(b.outlet === 'unknown') || a.name.localeCompare(b.name, 'en'));
}

/** The naming fields of Astro glossary collection entries, by id. */
export function namedEntries<T extends { id: string; data: { type: string; name: string; aliases: readonly string[] } }>(entries: Map<string, T>): Map<string, SourceEntry> {
	// Once per glossary map, not once per page: the map holds every entry of the site.
	let named = NAMED.get(entries);
	if (!named) {
		named = new Map([...entries].map(([id, e]) => [id, { id, type: e.data.type, name: e.data.name, aliases: e.data.aliases }]));
		NAMED.set(entries, named);
	}
	return named;
}
const NAMED = new WeakMap<object, Map<string, SourceEntry>>();

/** A few words of `sentence` around the first place it says `label`, with ellipses where cut. */
export function excerptAround(sentence: string, label: string, before = 4, after = 8): string {
	const at = sentence.indexOf(label);
	const head = at < 0 ? [] : sentence.slice(0, at).trim().split(/\s+/).filter(Boolean);
	const tail = (at < 0 ? sentence : sentence.slice(at)).trim().split(/\s+/).filter(Boolean);
	const words = [...head.slice(-before), ...tail.slice(0, after + label.split(/\s+/).length)];
	return `${head.length > before ? '… ' : ''}${words.join(' ')}${tail.length > after + label.split(/\s+/).length ? ' …' : ''}`;
}
