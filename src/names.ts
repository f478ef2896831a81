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
