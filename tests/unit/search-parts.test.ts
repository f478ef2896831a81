/**
 * The search index in parts (src/search-parts.ts): how many, which page in which, and the order of
 * date-sorted results merged from the parts. The parts in a real build and browser are tested in
 * tests/e2e/search-parts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { assignParts, DEFAULT_PART_SIZE, inDateOrder, partsOf, searchPartCount } from '../../src/search-parts.ts';
import { searchPartSize } from '../../src/settings.ts';

interface Page {
	file: string;
	date?: string;
}

/** Deterministic pseudo-random numbers (a linear congruential generator), for generated cases. */
function random(seed: number): () => number {
	let state = seed;
	return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** `count` pages, about a third undated, dates drawn from a few months so that many are equal. */
function pages(count: number, seed: number): Page[] {
	const next = random(seed);
	return Array.from({ length: count }, (_, i) => {
		const file = `page-${String(i).padStart(4, '0')}.html`;
		if (next() < 0.3) return { file };
		return { file, date: `2015-0${1 + Math.floor(next() * 3)}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}` };
	});
}

/**
 * A search sorted by date as Pagefind 1.6 answers it over merged parts: each part scores a result by
 * its position among the part's dated pages (negated for ascending) and keeps only dated pages; the
 * parts' results are put together in the parts' order and sorted by score, equal scores keeping it.
 */
function pagefindMerged(parts: Page[][], matches: Set<string>, direction: 'asc' | 'desc'): (Page & { score: number })[] {
	const results = parts.flatMap((part) =>
		part
			.filter((page) => page.date !== undefined)
			.sort((a, b) => a.date!.localeCompare(b.date!))
			.map((page, position) => ({ ...page, score: direction === 'asc' ? -position : position }))
			.filter((page) => matches.has(page.file)),
	);
	return results.sort((a, b) => b.score - a.score);
}

describe('the number of parts', () => {
	it('is one up to the part size, an entry counting as an eighth of an article', () => {
		expect(searchPartCount({ articles: 0, entries: 0 })).toBe(1);
		expect(searchPartCount({ articles: 1, entries: 63 })).toBe(1);
		expect(searchPartCount({ articles: 1000, entries: 2000 })).toBe(1);
		expect(searchPartCount({ articles: 2500, entries: 5000 })).toBe(1);
		expect(searchPartCount({ articles: DEFAULT_PART_SIZE, entries: 8 })).toBe(2);
		// The 10,000-article benchmark: four Pagefind processes of about 2 GB each.
		expect(searchPartCount({ articles: 10_000, entries: 20_000 })).toBe(4);
		expect(searchPartCount({ articles: 7, entries: 3 }, 3)).toBe(3);
	});

	it('is read from a page: more than one, or one', () => {
		expect(partsOf('4')).toBe(4);
		for (const absent of [undefined, '', '1', '0', '-2', '2.5', 'many']) expect(partsOf(absent)).toBe(1);
	});

	it('takes its part size from SEARCH_PART_SIZE, and refuses a size that is not a whole number of articles', () => {
		expect(searchPartSize(undefined)).toBe(DEFAULT_PART_SIZE);
		expect(searchPartSize(' ')).toBe(DEFAULT_PART_SIZE);
		expect(searchPartSize('3')).toBe(3);
		for (const wrong of ['0', '-1', '2.5', 'lots']) expect(() => searchPartSize(wrong)).toThrow(/^SEARCH_PART_SIZE must be a whole number of articles/);
	});
});

describe('pages dealt to the parts', () => {
	it('deals the dated pages in date order, then the others, each to the next part in turn', () => {
		const site: Page[] = [
			{ file: 'a', date: '2015-03-02' },
			{ file: 'b', date: '2015-01-15' },
			{ file: 'entry-1' },
			{ file: 'c', date: '2015-05-20' },
			{ file: 'd', date: '2015-03-02' },
			{ file: 'entry-2' },
		];
		expect(assignParts(site, 3).map((part) => part.map((page) => page.file))).toEqual([
			['b', 'c'],
			['a', 'entry-1'],
			['d', 'entry-2'],
		]);
		expect(assignParts(site, 1)).toEqual([[site[1], site[0], site[4], site[3], site[2], site[5]]]);
	});

	it('puts every page in exactly one part, and leaves no part empty while there are pages for it', () => {
		for (const [count, parts] of [
			[10, 3],
			[3, 3],
			[101, 4],
		] as const) {
			const site = pages(count, count);
			const dealt = assignParts(site, parts);
			expect(
				dealt
					.flat()
					.map((page) => page.file)
					.sort(),
			).toEqual(site.map((page) => page.file).sort());
			expect(dealt.every((part) => part.length > 0)).toBe(true);
			expect(Math.max(...dealt.map((part) => part.length)) - Math.min(...dealt.map((part) => part.length))).toBeLessThanOrEqual(1);
		}
	});
});

describe('results sorted by date across parts', () => {
	it('reverses each run of equal scores, descending only', () => {
		const scored = [5, 3, 3, 3, 1, 0, 0].map((score, i) => ({ score, id: i }));
		expect(inDateOrder(scored, 'desc').map((r) => r.id)).toEqual([0, 3, 2, 1, 4, 6, 5]);
		expect(inDateOrder(scored, 'asc')).toEqual(scored);
		expect(inDateOrder([], 'desc')).toEqual([]);
	});

	it.each([
		[40, 2],
		[97, 3],
		[250, 4],
	])('come out in date order, any subset of %i pages in %i parts', (count, parts) => {
		const site = pages(count, count * parts);
		const dealt = assignParts(site, parts);
		const next = random(parts);
		for (let query = 0; query < 20; query++) {
			// A query's matches: any pages, dated or not.
			const matches = new Set(site.filter(() => next() < 0.5).map((page) => page.file));
			const dated = site.filter((page) => page.date !== undefined && matches.has(page.file)).map((page) => page.date!);
			for (const direction of ['asc', 'desc'] as const) {
				const ordered = inDateOrder(pagefindMerged(dealt, matches, direction), direction).map((page) => page.date);
				expect(ordered).toEqual([...dated].sort((a, b) => (direction === 'asc' ? a.localeCompare(b) : b.localeCompare(a))));
			}
		}
	});
});
