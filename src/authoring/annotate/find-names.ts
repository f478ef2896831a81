import { leadingWordOf, matchingForm, type NameIndex } from './name-index.ts';

/** A glossary name found in a run of text. Offsets are in the text, `end` exclusive. */
export interface NameMatch {
	start: number;
	end: number;
	/** The glossary form that matched (apostrophes and hyphens normalised). */
	form: string;
	/** True when the text has the form followed by a plural ending ("Kurds" for "Kurd"). */
	plural: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;

const isWordChar = (char: string | undefined) => char !== undefined && WORD_CHAR.test(char);

/**
 * Every occurrence of a glossary name in `text`. Where names overlap, the longest wins, whichever
 * starts first: "Sadr City" rather than "Sadr", and "Mahdi Army" in "The Mahdi Army" rather than
 * "The Mahdi" (equal lengths: the one that starts first).
 * Matches are whole words: "Iraq" is not found in "Iraqi". A name may be followed by a possessive
 * ("Maliki’s" gives "Maliki") or, when it ends in a letter and starts with a capital, by a plural
 * ending ("Shiites" for "Shiite", when "Shiites" itself is not a name).
 *
 * These are raw candidates: whether each one is really that name is decided afterwards
 * (`judgeMatches`), with the other matches in view.
 */
export function findNames(text: string, index: NameIndex): NameMatch[] {
	const normalized = matchingForm(text);
	// The longest name starting at each word, then the longest of those that overlap.
	const atEachWord: NameMatch[] = [];
	for (const word of normalized.matchAll(WORD)) {
		const start = word.index;
		if (isWordChar(normalized[start - 1])) continue;
		const lead = leadingWordOf(normalized.slice(start));
		const candidates = [lead, lead.replace(/e?s$/, ''), lead.replace(/s$/, '')].flatMap((key, i, keys) => (keys.indexOf(key) === i ? (index.byLeadingWord.get(key) ?? []) : []));
		let found: NameMatch | undefined;
		for (const form of candidates) {
			if (!normalized.startsWith(form, start)) continue;
			const end = start + form.length;
			const candidate = !isWordChar(normalized[end])
				? { start, end, form, plural: false }
				: pluralEnding(normalized, end, form)
					? { start, end: end + pluralEnding(normalized, end, form), form, plural: true }
					: undefined;
			if (candidate && (!found || candidate.end > found.end || (candidate.end === found.end && found.plural && !candidate.plural))) found = candidate;
		}
		if (found) atEachWord.push(found);
	}
	return longestFirst(atEachWord);
}

/** Of overlapping matches, keeps the longest (the earlier of equal ones); returns them in text order. */
function longestFirst(matches: NameMatch[]): NameMatch[] {
	const byLength = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const kept: NameMatch[] = [];
	for (const match of byLength) {
		if (kept.every((k) => match.end <= k.start || match.start >= k.end)) kept.push(match);
	}
	return kept.sort((a, b) => a.start - b.start);
}

/** Length of a plural ending (`s` or `es`) right after a name, or 0. */
function pluralEnding(text: string, end: number, form: string): number {
	if (!/^\p{Lu}/u.test(form) || !/\p{Ll}$/u.test(form)) return 0;
	for (const ending of ['s', 'es']) {
		if (text.startsWith(ending, end) && !isWordChar(text[end + ending.length])) return ending.length;
	}
	return 0;
}
