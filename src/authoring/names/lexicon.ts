import nlp from 'compromise';

const LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[] | undefined> } } }).model().one.lexicon;

/** The tags compromise's lexicon gives a word (lower case), e.g. `['Demonym']` for "iranian"; empty when it does not know it. */
export function lexiconTags(word: string): string[] {
	const tags = LEXICON[word.toLowerCase()];
	return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
}
