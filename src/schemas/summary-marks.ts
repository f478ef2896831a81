/**
 * Marks in a glossary entry's `summary`, written as in articles: `:e[Baghdad]` (found by name or
 * alias) or `:e[the capital]{#baghdad}` (by id). The summary is kept as plain text, the marks'
 * words in place, so every page and file that shows a summary shows its words; the marks are kept
 * apart, by position, for the cards, which make them names that open cards of their own.
 *
 * ```yaml
 * summary: The national government in :e[Baghdad].   # text "The national government in Baghdad."
 * ```
 */

import { z } from 'zod';

/** A mark in a summary: its words, the id written with it (if any), and where the words sit in the plain text. */
export const summaryMarkSchema = z.strictObject({
	label: z.string(),
	id: z.string().optional(),
	start: z.number().int(),
	end: z.number().int(),
});
export type SummaryMark = z.output<typeof summaryMarkSchema>;

const MARK = /:e\[([^\]\n]+)\](?:\{#([a-z0-9]+(?:-[a-z0-9]+)*)\})?/g;

/** The summary's plain text and its marks. */
export function parseSummaryMarks(summary: string): { text: string; marks: SummaryMark[] } {
	const marks: SummaryMark[] = [];
	let text = '';
	let last = 0;
	for (const m of summary.matchAll(MARK)) {
		text += summary.slice(last, m.index);
		const label = m[1]!;
		marks.push({ label, ...(m[2] ? { id: m[2] } : {}), start: text.length, end: text.length + label.length });
		text += label;
		last = m.index + m[0].length;
	}
	return { text: text + summary.slice(last), marks };
}

/** The summary split at its marks, for rendering: plain runs and marked runs (with the mark). */
export function summaryParts(text: string, marks: readonly SummaryMark[]): { text: string; mark?: SummaryMark }[] {
	const parts: { text: string; mark?: SummaryMark }[] = [];
	let at = 0;
	for (const mark of marks) {
		if (mark.start > at) parts.push({ text: text.slice(at, mark.start) });
		parts.push({ text: text.slice(mark.start, mark.end), mark });
		at = mark.end;
	}
	if (at < text.length) parts.push({ text: text.slice(at) });
	return parts;
}
