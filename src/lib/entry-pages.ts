/**
 * How an entry's lists are cut into pages, so that an entry page stays the same size however
 * popular the entry (issue 16): the first page of its mentions and quoted blocks is on the entry
 * page, the rest on `/glossary/<id>/mentions/<n>/` and `/glossary/<id>/quotes/<n>/`.
 */

/** Mention sentences on one page: about 35 KB of HTML at the seed's sentence lengths. */
export const MENTIONS_PER_PAGE = 100;
/** Quoted blocks listed on one page. */
export const QUOTES_PER_PAGE = 50;
/** Articles drawn on an entry's timeline: those of the first page of its mentions, at most this many. */
export const TIMELINE_ARTICLES = 20;

/** `items` cut into pages of `size`; always at least one page, which may be empty. */
export function paginate<T>(items: readonly T[], size: number): T[][] {
	const pages: T[][] = [];
	for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
	return pages.length > 0 ? pages : [[]];
}

/** Runs of consecutive items that share a key (mentions of the same article), in order. */
export function groupRuns<T, K>(items: readonly T[], key: (item: T) => K): { key: K; items: T[] }[] {
	const runs: { key: K; items: T[] }[] = [];
	for (const item of items) {
		const k = key(item);
		const last = runs.at(-1);
		if (last && last.key === k) last.items.push(item);
		else runs.push({ key: k, items: [item] });
	}
	return runs;
}

/** How many of `mentions` each article has, by article id. */
export function mentionsPerArticle(mentions: readonly { article: { id: string } }[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of mentions) counts.set(m.article.id, (counts.get(m.article.id) ?? 0) + 1);
	return counts;
}
