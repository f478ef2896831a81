/** Small text helpers shared by the plugins and pages. */

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count: number): string {
	const words = text.trim().split(/\s+/);
	return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')} …`;
}

/** A readable anchor from the first words of a block: `p-the-mayor-of-a-town`. */
export function anchorFromText(prefix: string, text: string, words = 6): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9\s-]/g, '')
		.trim()
		.split(/[\s-]+/)
		.filter(Boolean)
		.slice(0, words)
		.join('-');
	return slug ? `${prefix}-${slug}` : prefix;
}

/** Returns `id`, or `id-2`, `id-3`… when taken, and records the result as taken. */
export function uniqueId(id: string, taken: Set<string>): string {
	let candidate = id;
	for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
	taken.add(candidate);
	return candidate;
}

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

/** The sentence of `text` that holds the character at `offset`. */
export function sentenceAt(text: string, offset: number): string {
	for (const { segment, index } of sentences.segment(text)) {
		if (offset >= index && offset < index + segment.length) return segment.trim();
	}
	return text.trim();
}
