import { z } from 'zod';
import { partialDate } from './fields.ts';

/**
 * One dated role of a glossary entry: what it was, from when, and until when. A role starts on
 * its `start` and ends on its `end` (the end belongs to whatever came next); a partial date
 * (`2014`, `2014-09`) stands for the whole year or month, so "to 2014-09" and "from 2014-09"
 * meet without overlapping. No `end`: the role is still held, as far as the glossary knows.
 *
 * ```yaml
 * roles:
 *   - { title: Prime Minister of Iraq, start: 2006, end: 2014-09 }
 *   - { title: Vice President of Iraq, start: 2014-09 }
 * ```
 */
export const roleSchema = z.strictObject({
	/** The role in a few words, e.g. `Vice President of Iraq`. */
	title: z.string().min(1).max(160),
	start: partialDate,
	end: partialDate.optional(),
});

export type Role = z.output<typeof roleSchema>;
