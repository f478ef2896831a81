/** Dates as news pages write them, turned into the `YYYY-MM-DD` the frontmatter wants. */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** `June 21, 2014`, `21 June 2014`, `2014-06-21` (also at the start of an ISO timestamp). */
export const DATE_PATTERN = new RegExp(`\\b(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b|(\\d{4})-(\\d{2})-(\\d{2})(?!\\d))`, 'i');

function monthNumber(name: string): number {
	const lower = name.toLowerCase().replace(/\.$/, '');
	return MONTHS.findIndex((m) => m.startsWith(lower.slice(0, 3))) + 1;
}

function iso(year: number, month: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (month < 1 || month > 12 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return undefined;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first date in `text` as `YYYY-MM-DD`, with where it was found; undefined when there is none. */
export function findDate(text: string): { date: string; index: number; length: number } | undefined {
	const match = DATE_PATTERN.exec(text);
	if (!match) return undefined;
	const [whole, m1, d1, y1, d2, m2, y2, y3, m3, d3] = match;
	let date: string | undefined;
	if (m1 && d1 && y1) date = iso(Number(y1), monthNumber(m1), Number(d1));
	else if (d2 && m2 && y2) date = iso(Number(y2), monthNumber(m2), Number(d2));
	else if (y3 && m3 && d3) date = iso(Number(y3), Number(m3), Number(d3));
	return date ? { date, index: match.index, length: whole.length } : undefined;
}

/** A date attribute or metadata value (`2014-09-08T10:00:00Z`, `8 September 2014`) as `YYYY-MM-DD`. */
export function parseDate(value: string | undefined): string | undefined {
	return value ? findDate(value.trim())?.date : undefined;
}
