/**
 * How names are compared everywhere (glossary lookups, outlet credits, unmarked-name warnings,
 * search data): one kind of apostrophe and dash, single spaces, case folded.
 */

/** Every character an article may use for an apostrophe in a name (Shi’ite, Shiʼite, Shi`ite). */
const APOSTROPHES = /[\u2018\u2019\u02BC\u02BB`´]/g;
/** Hyphens, dashes and the minus sign. */
const DASHES = /[\u2010-\u2015\u2212]/g;

/**
 * Replaces every apostrophe-like character with `'`. One character stays one character, so
 * offsets found in the folded text are offsets in the original.
 */
export function foldApostrophes(text: string): string {
	return text.replace(APOSTROPHES, "'");
}

/**
 * Normalises a name for lookup: Unicode NFC, one kind of apostrophe and dash, single spaces,
 * case folded. "Shi’ite" and "Shi'ite" are the same name; "ISIS" and "Isis" are too.
 */
export function normalizeName(name: string): string {
	return foldApostrophes(name.normalize('NFC')).replace(DASHES, '-').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

/** A letter or a digit: what a name's words are made of. */
const WORD_CHARACTER = /^[\p{L}\p{N}]/u;

/** The code point that ends just before `index` (a surrogate pair as one). */
function codePointBefore(text: string, index: number): number {
	const low = text.charCodeAt(index - 1);
	const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
	return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(index - 2)! : low;
}

/**
 * True when `name` is in `text` as whole words: no letter or digit just before or after it
 * ("isis" is in "the isis fighters", not in "isisland"). What
 * `/(^|[^\p{L}\p{N}])name($|[^\p{L}\p{N}])/u` finds, without a regular expression for each name:
 * an article's search data asks it of every name the article marks.
 */
export function containsWords(text: string, name: string): boolean {
	for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
		const end = at + name.length;
		if (at > 0 && WORD_CHARACTER.test(String.fromCodePoint(codePointBefore(text, at)))) continue;
		if (end < text.length && WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(end)!))) continue;
		return true;
	}
	return false;
}
