/**
 * The search index in parts (issue 16): Pagefind holds the whole index it is writing in memory,
 * some 400 bytes per indexed word, so a large archive is indexed as several Pagefind indexes
 * written one after another, each by a Pagefind process of its own that exits before the next
 * starts, and the browser searches them together (Pagefind's `mergeIndex`). A site up to a few
 * thousand articles has one part, the index as it always was.
 *
 * This module is what the build and the browser agree on:
 *
 * - how many parts (`searchPartCount`): the pages know it, so that the browser merges exactly the
 *   parts there are without asking for a list (`<html data-search-parts>`, absent for one part);
 * - which page goes in which part (`assignParts`): dated pages first, in date order, then the
 *   others, dealt to the parts in turn like cards. Each part is then a fair sample of the whole
 *   (Pagefind ranks within each part: similar parts give scores that compare), and the dates
 *   interleave exactly: the n-th dated page of part p is the (n × parts + p)-th of the site;
 * - the order of results sorted by date across parts (`inDateOrder`): Pagefind scores a result of
 *   a sorted search by its rank among its own part's dated pages (negated for ascending) and
 *   merges the parts by score, keeping the parts' order among equal scores. Ascending, that is the
 *   site's order already; descending, results of equal rank must come from the last part first.
 */

/** Pagefind's memory per glossary entry page against an article page's (their indexed words). */
const ENTRY_WEIGHT = 1 / 8;

/**
 * The default most articles in one part (a glossary entry counts as an eighth): about 2 GB of
 * Pagefind's memory at the 10,000-article benchmark's 650 KB per article.
 */
export const DEFAULT_PART_SIZE = 3200;

/** The attribute of `<html>` that holds the number of parts when there are more than one. */
export const PARTS_ATTRIBUTE = 'data-search-parts';

/** The one sort key whose order holds across parts (`data-pagefind-sort="date[…]"`). */
export const PART_SORT_KEY = 'date';

/** How many parts the search index of `articles` articles and `entries` glossary entries has, at `partSize` articles a part. */
export function searchPartCount({ articles, entries }: { articles: number; entries: number }, partSize = DEFAULT_PART_SIZE): number {
	return Math.max(1, Math.ceil((articles + entries * ENTRY_WEIGHT) / partSize));
}

/** The number of parts a page of the site says the index has (`document.documentElement.dataset.searchParts`, or the attribute's text). */
export function partsOf(attribute: string | undefined): number {
	const parts = Number(attribute);
	return Number.isInteger(parts) && parts > 1 ? parts : 1;
}

/**
 * The pages of each of `parts` parts, in the order given within a part. Pages with a `date` (the
 * sort key, ISO dates compare as text) go first in date order, the order given among equal dates;
 * then the others; each next page to the next part in turn.
 */
export function assignParts<Page extends { date?: string }>(pages: readonly Page[], parts: number): Page[][] {
	const dated = pages.filter((page) => page.date !== undefined).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
	const dealt: Page[][] = Array.from({ length: parts }, () => []);
	[...dated, ...pages.filter((page) => page.date === undefined)].forEach((page, i) => dealt[i % parts]!.push(page));
	return dealt;
}

/**
 * Results of a search sorted by date over merged parts (Pagefind's order, see above), in date order:
 * descending, each run of equal scores reversed. Results of a relevance search are left as they are.
 */
export function inDateOrder<Result extends { score: number }>(results: readonly Result[], direction: 'asc' | 'desc'): Result[] {
	if (direction === 'asc') return [...results];
	const ordered: Result[] = [];
	for (let start = 0; start < results.length;) {
		let end = start + 1;
		while (end < results.length && results[end]!.score === results[start]!.score) end++;
		ordered.push(...results.slice(start, end).reverse());
		start = end;
	}
	return ordered;
}
