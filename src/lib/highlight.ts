/** A piece of text, and whether it is one of the words being looked for. */
export interface TextPart {
	text: string;
	match: boolean;
}

/**
 * Splits `text` around every occurrence of `words` (exactly as written), so a page can set the
 * marked name apart inside the sentence it stands in:
 * `splitAround('Maliki met Maliki’s aides', 'Maliki')` → Maliki | met | Maliki | ’s aides.
 */
export function splitAround(text: string, words: string): TextPart[] {
	if (!words) return [{ text, match: false }];
	const parts: TextPart[] = [];
	let from = 0;
	for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, from)) {
		if (at > from) parts.push({ text: text.slice(from, at), match: false });
		parts.push({ text: words, match: true });
		from = at + words.length;
	}
	if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), match: false });
	return parts;
}
