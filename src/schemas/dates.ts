import { z } from 'zod';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of a year (proleptic Gregorian calendar, as ISO 8601 counts). */
function daysIn(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why an ISO date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` is not a day of the calendar
 * ("February 2014 has 28 days"), or undefined when it is one (or is not in that form at all:
 * the form is checked apart).
 */
export function impossibleDate(iso: string): string | undefined {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
	if (!match) return undefined;
	const year = Number(match[1]);
	if (match[2] === undefined) return undefined;
	const month = Number(match[2]);
	if (month < 1 || month > 12) return `there is no month ${match[2]}`;
	if (match[3] === undefined) return undefined;
	const day = Number(match[3]);
	const days = daysIn(year, month);
	if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
	return undefined;
}

/** A check for Zod schemas: the date must exist, with the reason in the message when it does not. */
function existing(value: string, ctx: z.core.$RefinementCtx<string>) {
	const why = impossibleDate(value);
	if (why) ctx.addIssue({ code: 'custom', message: `a date that exists (${value}: ${why})` });
}

/** A full date, `YYYY-MM-DD`, that exists. */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date in the form YYYY-MM-DD')
	.superRefine(existing);

/** A partial date, `2014`, `2014-06` or `2014-06-21`, that exists. YAML's bare `2014` is a number: it is read as text. */
export const partialIsoDate = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : value),
	z
		.string()
		.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'a date in the form YYYY, YYYY-MM or YYYY-MM-DD')
		.superRefine(existing),
);
