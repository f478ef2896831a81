/**
 * The site's open data as its readers rely on it (`data/glossary.json` and
 * `data/articles/<slug>.json`, written by src/lib/article-data.ts): the fields a reader of the
 * files uses, checked when read. Fields not named here are allowed and dropped, so the files can
 * grow without breaking a reader.
 */
import { z } from 'zod';
import { isoDate } from './dates.ts';
import { ENTITY_TYPES } from './glossary.ts';

/** A glossary entry in `data/glossary.json`: its id, names, kind and one-line role. */
export const glossaryDataEntrySchema = z.object({
	id: z.string().min(1),
	name: z.string().min(1),
	type: z.enum(ENTITY_TYPES),
	aliases: z.array(z.string()),
	native: z.array(z.object({ lang: z.string(), text: z.string() })),
	role: z.string(),
});
export type GlossaryDataEntry = z.output<typeof glossaryDataEntrySchema>;

/** `data/glossary.json`: every glossary entry. */
export const glossaryDataSchema = z.object({
	count: z.number().int().nonnegative(),
	entries: z.array(glossaryDataEntrySchema),
});
export type GlossaryDataFile = z.output<typeof glossaryDataSchema>;

/** `data/articles/<slug>.json`: an article's headline, date, summary and text. */
export const articleDataSchema = z.object({
	slug: z.string().min(1),
	title: z.string().min(1),
	published: isoDate,
	summary: z.string(),
	text: z.object({ value: z.string() }),
});
export type ArticleDataFile = z.output<typeof articleDataSchema>;
