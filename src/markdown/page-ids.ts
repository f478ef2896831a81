/**
 * The ids that an article page uses outside the article's body (layout, cards, sources, who's who,
 * maps, search box). An id the editors give in the Markdown (`:::quote{#…}`) must not be one of
 * them: two elements with one id break the skip link, the cards' descriptions and in-page links.
 * `tests/unit/page-ids.test.ts` checks this list against the components.
 */
export const PAGE_IDS: ReadonlySet<string> = new Set(['main', 'byline', 'header-search-input', 'header-search-results', 'places-title', 'places-list-title', 'sources-title', 'whos-who-title']);

/** Prefixes of ids the page makes per entity, outlet or type (`card-<id>`, `source-<outlet>`, `who-<id>`, `whos-who-<type>`). */
export const PAGE_ID_PREFIXES: readonly string[] = ['card-', 'source-', 'who-', 'whos-who-'];

/** True when an article page uses, or may use, this id for itself. */
export function isPageId(id: string): boolean {
	return PAGE_IDS.has(id) || PAGE_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}
