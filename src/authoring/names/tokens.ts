/** A word of running text, with what separates it from its neighbours. */
export interface WordToken {
	/** Offsets in the text, `end` exclusive; a possessive `’s` and a sentence's full stop are left out. */
	start: number;
	end: number;
	word: string;
	/** Only spaces between this word and the next: they may belong to one name. */
	joinedToNext: boolean;
	/** The word opens a sentence (its capital says nothing about being a name). */
	sentenceStart: boolean;
	/** The word carried a possessive (`Maliki’s`). */
	possessive: boolean;
}

// An abbreviation (`U.S.`), or letters and digits joined by inner apostrophes and hyphens (`al-Maliki`, `Shi’ite`).
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu;

/**
 * Splits text into words, keeping inner hyphens, apostrophes and full stops (`al-Maliki`,
 * `Shi’ite`, `U.S.`) and noting where a sentence starts and where only spaces join two words.
 * `atBlockStart`: the text opens a paragraph, so its first word opens a sentence.
 */
export function wordTokens(text: string, atBlockStart: boolean): WordToken[] {
	const tokens: WordToken[] = [];
	let previousEnd = 0;
	for (const found of text.matchAll(WORD)) {
		let word = found[0];
		const start = found.index;
		let possessive = false;
		const apostrophe = /[’']s$/u.exec(word);
		if (apostrophe && word.length > 2) {
			word = word.slice(0, -2);
			possessive = true;
		}
		const gap = text.slice(previousEnd, start);
		const previous = tokens.at(-1);
		if (previous) previous.joinedToNext = !previous.possessive && /^[ \u00a0]+$/u.test(gap);
		const sentenceStart = /[.!?:;]/.test(gap) || (!previous && atBlockStart && !/[\p{L}\p{N}]/u.test(gap));
		tokens.push({ start, end: start + word.length, word, joinedToNext: false, sentenceStart, possessive });
		previousEnd = start + word.length;
	}
	return tokens;
}
