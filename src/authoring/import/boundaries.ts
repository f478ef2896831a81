/**
 * A place where a quoted passage seems to run into the writer's own words: a full stop (or ! or
 * ?) between a lower-case word and a capital, with no space, as in "took control.ISIS also
 * seized". "U.S. troops" or "nytimes.com" do not match.
 */
export interface MergedBoundary {
	/** The words around the boundary, e.g. `took control.ISIS also`. */
	excerpt: string;
	/** The text up to and including the stop (`control.`) and the word after it (`ISIS`). */
	before: string;
	after: string;
	/** Index of the boundary (just after the stop) in the paragraph's text. */
	index: number;
}

const BOUNDARY = /(?<=\p{Ll}{2})[.!?][”’"]?(?=\p{Lu}(?:\p{Ll}|\p{Lu}))/gu;

/** Every suspected merged boundary in a paragraph of quoted text, in order. */
export function findMergedBoundaries(text: string): MergedBoundary[] {
	const found: MergedBoundary[] = [];
	for (const match of text.matchAll(BOUNDARY)) {
		const index = match.index + match[0].length;
		const wordsBefore = text.slice(0, index).split(/\s+/u);
		const wordsAfter = text.slice(index).split(/\s+/u);
		const before = wordsBefore.at(-1) ?? '';
		const first = wordsAfter[0] ?? '';
		const excerpt = [wordsBefore.at(-2), `${before}${first}`, wordsAfter[1]].filter(Boolean).join(' ');
		found.push({ excerpt, before, after: first.replace(/[.,;:!?”’"]+$/u, ''), index });
	}
	return found;
}
