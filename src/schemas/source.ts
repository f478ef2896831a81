import { z } from 'zod';
import { httpUrl, partialDate } from './fields.ts';

/**
 * A source of a glossary entry's facts, written out: what the page is called, who published it,
 * when, and where it is.
 *
 * ```yaml
 * - { title: Iraqi parliament approves new government, publisher: Reuters, date: 2014-09-08, url: https://… }
 * ```
 */
export const sourceRecordSchema = z.strictObject({
	/** The page's own title (headline, article or section name). */
	title: z.string().min(1),
	/** Who published it: a news agency, newspaper, reference work or official body. */
	publisher: z.string().min(1),
	/** When it was published or last revised; leave out when it is not known. */
	date: partialDate.optional(),
	url: httpUrl,
});

const RECORD_FIELDS = ['title', 'publisher', 'date', 'url'] as const;

/**
 * A source: a record (see {@link sourceRecordSchema}) or, accepted for older entries, a bare
 * address (which the sourcing check warns about). The parsed value keeps the form it was
 * written in, so parsing it again gives the same value.
 */
export const sourceSchema = z.union([httpUrl, sourceRecordSchema], {
	error: (issue) => {
		const input = issue.input;
		if (input === null || typeof input !== 'object' || Array.isArray(input)) {
			return 'an http:// or https:// address, or a source written as { title, publisher, date, url }';
		}
		return `a source written as { title, publisher, date, url }: ${recordProblems(input as Record<string, unknown>)}`;
	},
});

/** What is wrong with a source written as a record, in a few words. */
function recordProblems(input: Record<string, unknown>): string {
	const result = sourceRecordSchema.safeParse(input);
	if (result.success) return 'check its fields';
	const problems = new Set<string>();
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '');
		if (issue.code === 'unrecognized_keys') problems.add(`unknown field ${issue.keys.map((k) => `\`${k}\``).join(', ')} (the fields are ${RECORD_FIELDS.join(', ')})`);
		else if (input[field] === undefined) problems.add(`\`${field}\` is missing`);
		else if (field === 'url') problems.add('`url` must be an http:// or https:// address');
		else if (field === 'date') problems.add('`date` must be YYYY, YYYY-MM or YYYY-MM-DD');
		else problems.add(`\`${field}\` must be some text`);
	}
	return [...problems].join('; ');
}

export type SourceRecord = z.output<typeof sourceRecordSchema>;
/** A source as parsed: a record, or a bare address. */
export type Source = z.output<typeof sourceSchema>;
