/** Small text helpers shared by the plugins and pages. */

import { slugify } from '../slug.ts';

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count: number): string {
	const words = text.trim().split(/\s+/);
	return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')} …`;
}

/** A readable anchor from the first words of a block: `p-the-mayor-of-a-town`. */
export function anchorFromText(prefix: string, text: string, words = 6): string {
	const slug = slugify(text, { maxWords: words, dropPunctuation: true });
	return slug ? `${prefix}-${slug}` : prefix;
}

/** Returns `id`, or `id-2`, `id-3`… when taken, and records the result as taken. */
export function uniqueId(id: string, taken: Set<string>): string {
	// The next number to try for each id, per set of taken ids: a thousand paragraphs that start
	// alike would otherwise try 2, 3, … again for each one.
	let next = NEXT_SUFFIX.get(taken);
	if (!next) NEXT_SUFFIX.set(taken, (next = new Map()));
	if (!taken.has(id)) {
		taken.add(id);
		return id;
	}
	// Every number below the remembered one was taken when it was remembered, and stays taken.
	let n = next.get(id) ?? 2;
	while (taken.has(`${id}-${n}`)) n++;
	next.set(id, n + 1);
	const candidate = `${id}-${n}`;
	taken.add(candidate);
	return candidate;
}
const NEXT_SUFFIX = new WeakMap<Set<string>, Map<string, number>>();

/** "21 June 2014", "June 2014" or "2014" from an ISO date or partial date. */
export function formatDate(iso: string): string {
	const [year, month, day] = iso.split('-').map(Number);
	if (!month) return String(year);
	const date = new Date(Date.UTC(year!, month - 1, day ?? 1));
	return (day ? DAY_FORMAT : MONTH_FORMAT).format(date);
}

// Made once: building an Intl.DateTimeFormat costs far more than using one, and pages call
// formatDate for every card (a tenth of the CPU time of a 1,000-article build before this).
const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long' });
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The index of the last of `sorted` (ascending, first at most `value`) that is at most `value`: a binary search. */
export function lastAtOrBefore(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length - 1;
	while (low < high) {
		const middle = (low + high + 1) >> 1;
		if (sorted[middle]! <= value) low = middle;
		else high = middle - 1;
	}
	return low;
}

/**
 * The sentences of one text, split once: `sentenceIn(offset)` gives the one that holds the
 * character at `offset`, as `sentenceAt` does, without going through the text again for each
 * offset (a paragraph with many marks would make that quadratic in its length).
 */
export function sentenceFinder(text: string): (offset: number) => string {
	let starts: number[] | undefined;
	let segments: string[] = [];
	return (offset) => {
		if (!starts) {
			starts = [];
			segments = [];
			for (const { segment, index } of sentences.segment(text)) {
				starts.push(index);
				segments.push(segment);
			}
		}
		if (offset < 0 || offset >= text.length || starts.length === 0) return text.trim();
		return segments[lastAtOrBefore(starts, offset)]!.trim();
	};
}

/** The sentence of `text` that holds the character at `offset`. */
export function sentenceAt(text: string, offset: number): string {
	for (const { segment, index } of sentences.segment(text)) {
		if (offset >= index && offset < index + segment.length) return segment.trim();
	}
	return text.trim();
}
