/**
 * Identifiers made from text: glossary ids, article slugs, anchors. One function, so that a
 * suggested file name, an imported article's slug and a paragraph's anchor follow the same rules.
 */

export interface SlugOptions {
	/** Keep at most this many words. */
	maxWords?: number;
	/**
	 * Drop punctuation inside words instead of splitting at it: `Iraq's U.S.-made` gives
	 * `iraqs-us-made` rather than `iraq-s-u-s-made` (anchors are made this way).
	 */
	dropPunctuation?: boolean;
}

/**
 * Lower-case ASCII words joined by hyphens, accents removed: `Nouri al-Mālikī` → `nouri-al-maliki`.
 * Returns `''` when the text has no letter or digit.
 */
export function slugify(text: string, { maxWords = Infinity, dropPunctuation = false }: SlugOptions = {}): string {
	const folded = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
	const kept = dropPunctuation ? folded.replace(/[^a-z0-9\s-]/g, '') : folded;
	return kept
		.split(/[^a-z0-9]+/)
		.filter(Boolean)
		.slice(0, maxWords)
		.join('-');
}
