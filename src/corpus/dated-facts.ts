import type { Diagnostic } from '../markdown/diagnostics.ts';
import { formatDate } from '../markdown/text.ts';
import type { GlossaryEntry } from './glossary.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH = MONTHS.join('|');
/**
 * "21 June 2014", "20–21 June 2014", "June 2014", or a bare year from 1000 to 2099 (not inside an
 * address or a longer number).
 */
const DATE = new RegExp(`\\b(?:(\\d{1,2})(?:\\s*[–-]\\s*(\\d{1,2}))?\\s+)?(${MONTH})\\s+(\\d{4})\\b|(?<![/\\d.,])\\b(1\\d{3}|20\\d{2})\\b(?![/\\d]|,\\d)`, 'g');
/** The convention for facts after an entry's `asOf` date: their paragraph says "(later)" before them. */
const LATER = /\(later\)/i;

/** A date found in text: its words, where it is, and the first day it covers (YYYY-MM-DD). */
export interface DateMention {
	text: string;
	index: number;
	start: string;
}

/** Every date in `text`, in order. */
export function datesIn(text: string): DateMention[] {
	const found: DateMention[] = [];
	for (const m of text.matchAll(DATE)) {
		const [whole, day, lastDay, month, year, bareYear] = m;
		if (bareYear) {
			found.push({ text: whole, index: m.index, start: `${bareYear}-01-01` });
			continue;
		}
		const mm = String(MONTHS.indexOf(month!) + 1).padStart(2, '0');
		// A range counts from its last day: a range that ends after asOf holds a later fact.
		const dd = (lastDay ?? day ?? '01').padStart(2, '0');
		found.push({ text: whole, index: m.index, start: `${year}-${mm}-${dd}` });
	}
	return found;
}

/** The last day an `asOf` date (YYYY, YYYY-MM or YYYY-MM-DD) covers, comparable as text. */
function lastDayOf(asOf: string): string {
	const [year, month, day] = asOf.split('-');
	return `${year}-${month ?? '12'}-${day ?? '31'}`;
}

/**
 * Dates after an entry's `asOf` in its note, summary or role that are not marked as later: in the
 * note, a fact after `asOf` belongs in a paragraph that says "(later)" before it; the card (role
 * and summary) says what was true on `asOf`.
 */
export function unmarkedLaterDates(
	entry: Pick<GlossaryEntry, 'id' | 'asOf' | 'note' | 'noteLine' | 'file' | 'summary' | 'role'>,
	fieldPlace: (field: 'role' | 'summary') => { line: number; column: number } = () => ({ line: 1, column: 1 }),
): Diagnostic[] {
	const limit = lastDayOf(entry.asOf);
	const asOfText = formatDate(entry.asOf);
	const diagnostics: Diagnostic[] = [];
	const warn = (place: { line: number; column: number }, date: string, where: string, hint: string) =>
		diagnostics.push({
			severity: 'warning',
			file: entry.file,
			...place,
			rule: 'later-date-unmarked',
			message: `“${date}” in the ${where} of \`${entry.id}\` is after its asOf date (${asOfText}) but not marked as later`,
			hint,
		});

	// The card first: its fields come before the note in the file.
	for (const field of ['role', 'summary'] as const) {
		for (const date of datesIn(entry[field])) {
			if (date.start <= limit) continue;
			warn(fieldPlace(field), date.text, field, `the ${field} says what was true as of ${asOfText}: move this fact to the note, in a paragraph that starts with “(later)”`);
		}
	}
	let offset = 0;
	for (const paragraph of entry.note.split(/(\n[ \t]*\n)/)) {
		if (!/^\n[ \t]*\n$/.test(paragraph)) {
			for (const date of datesIn(paragraph)) {
				if (date.start <= limit || LATER.test(paragraph.slice(0, date.index))) continue;
				const before = entry.note.slice(0, offset + date.index);
				const line = entry.noteLine + before.split('\n').length;
				const column = before.length - before.lastIndexOf('\n');
				warn({ line, column }, date.text, 'note', 'start its paragraph with “(later)”, or move the fact to a paragraph that starts so');
			}
		}
		offset += paragraph.length;
	}
	return diagnostics;
}
