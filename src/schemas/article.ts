import { z } from 'zod';
import { isoDate } from './dates.ts';
import { annotationRecordSchema } from './annotations.ts';
import { isPlaceholder } from './placeholder.ts';

/** Text an editor must have written: not empty, and not a tool's `TODO: …` placeholder. */
const finished = () =>
	z
		.string()
		.min(1)
		.refine((value) => !isPlaceholder(value), { message: 'your own text', abort: true });

const httpUrl = z.url({ protocol: /^https?$/, message: 'an http:// or https:// address' });

/** Frontmatter of an article (`content/articles/<slug>.md`). */
export const articleSchema = z.strictObject({
	/** The original's headline. */
	title: finished(),
	author: finished(),
	/** Who first published it (a name; it links to the glossary when an outlet entry has that name). */
	publisher: finished(),
	published: isoDate,
	/** The original's address; leave out when it is not known. */
	originalUrl: httpUrl.optional(),
	/** Where this copy was taken from, when it is not the original. */
	republished: z
		.strictObject({
			by: z.string().min(1),
			title: z.string().min(1).optional(),
			url: httpUrl.optional(),
		})
		.optional(),
	language: z
		.string()
		.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'a language tag such as en')
		.default('en'),
	/** One line for lists, search results and social cards. */
	summary: finished().max(300),
});

export type ArticleData = z.output<typeof articleSchema>;

/** An article as the content collection holds it: its frontmatter and what the annotation plugins found. */
export const articleRecordSchema = articleSchema.extend({ annotations: annotationRecordSchema });
export type ArticleRecord = z.output<typeof articleRecordSchema>;
