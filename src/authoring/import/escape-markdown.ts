/**
 * Plain text made safe to write as one Markdown paragraph of an article: every character that
 * Markdown, GFM or our directives would read as syntax is escaped with a backslash, so that the
 * rendered words are exactly the input's. Ordinary punctuation (`10:30`, `a.m.`, quotes, dashes)
 * is left as it is so the file stays readable.
 *
 * ```ts
 * escapeMarkdown('1. *Not* a list: see [1] <b>') // '1\\. \\*Not\\* a list: see \\[1\\] \\<b>'
 * ```
 */
export function escapeMarkdown(text: string): string {
	// GFM links bare addresses as written, backslashes included: they are left as they are.
	const parts = text.split(BARE_URL);
	return parts
		.map((part, i) => (i % 2 ? part : escapeText(part, i === 0)))
		.join('')
		.trimEnd();
}

/** A bare address as GFM links it, without the punctuation that may follow it. */
const BARE_URL = /((?:https?:\/\/|www\.)[^\s<]*[^\s<?!.,:;*_~)\]"'”’])/;

function escapeText(text: string, atStart: boolean): string {
	let out = text
		.replace(/[\\`*_[\]<~]/g, (ch) => `\\${ch}`)
		// `:name[…]` (its bracket now escaped), `:name{…}` and our own names would be directives.
		.replace(/:(?=(?:e|entity|sic|note|quote)\b|[A-Za-z][\w-]*(?:\\\[|\{))/g, '\\:')
		// Character references (`&amp;`) would be decoded.
		.replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
	if (!atStart) return out;
	// Block syntax at the start of the paragraph: headings, lists, thematic breaks, fences.
	out = out
		.replace(/^(#{1,6})(?=\s|$)/, (m) => `\\${m}`)
		.replace(/^>/, '\\>')
		.replace(/^([-+*])(?=\s|$)/, '\\$1')
		.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
		.replace(/^(=+|-{3,})\s*$/, (m) => `\\${m}`);
	return out;
}

/**
 * A directive attribute value in double quotes: `"` becomes a character reference, new lines
 * become spaces.
 */
export function attributeValue(text: string): string {
	return `"${text.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/** Text for the label of a `::note[…]`: Markdown escaped, brackets balanced by escaping. */
export function noteLabel(text: string): string {
	return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}
