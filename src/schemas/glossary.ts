import { z } from 'zod';
import { httpUrl, partialDate } from './fields.ts';
import { sourceSchema } from './source.ts';
import { roleSchema } from './role.ts';
import { relationSchema } from './relation.ts';
import { parseSummaryMarks, summaryMarkSchema } from './summary-marks.ts';

/** The kinds of glossary entry, in the order the glossary page lists them. */
export const ENTITY_TYPES = ['person', 'place', 'organization', 'armed-group', 'outlet', 'term'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The sub-folder of `glossary/` for each type, as the seed edition arranges them (any folder is read). */
export const TYPE_FOLDERS: Record<EntityType, string> = {
	person: 'people',
	place: 'places',
	organization: 'organizations',
	'armed-group': 'armed-groups',
	outlet: 'outlets',
	term: 'terms',
};

/** Human labels for entity types, singular and plural. */
export const ENTITY_TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
	person: { one: 'Person', many: 'People' },
	place: { one: 'Place', many: 'Places' },
	organization: { one: 'Organization', many: 'Organizations' },
	'armed-group': { one: 'Armed group', many: 'Armed groups' },
	outlet: { one: 'News outlet', many: 'News outlets' },
	term: { one: 'Term', many: 'Terms' },
};

/** A glossary id: lower-case words joined by hyphens, as in `nouri-al-maliki`. */
export const ENTITY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nativeName = z.strictObject({
	/** BCP 47 language tag of the name, e.g. `ar` or `ckb`. */
	lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'a language tag such as ar or ckb'),
	text: z.string().min(1),
	/** False when the spelling could not be checked against a source. */
	verified: z.boolean().default(true),
});

const link = z.strictObject({ title: z.string().min(1), url: httpUrl });

/**
 * Frontmatter of a glossary entry (`content/glossary/**\/<id>.md`). The file name is the id; the
 * Markdown body is the long note shown on the entry page.
 */
export const glossaryEntrySchema = z
	.strictObject({
		name: z.string().min(1),
		type: z.enum(ENTITY_TYPES),
		/** Every other spelling an article uses; the name itself is always an alias. */
		aliases: z.array(z.string().min(1)).default([]),
		/**
		 * Words that name this entry only in the context of one article ("militia", "the mayor",
		 * "the capital"): accepted as a mark's label like an alias, but `npm run annotate` and
		 * `npm run check -- --fix` mark them only where the same paragraph named the entry just
		 * before (within-paragraph coreference), and otherwise propose them for review.
		 */
		contextual: z.array(z.string().min(1)).default([]),
		native: z.array(nativeName).default([]),
		/**
		 * Who or what it is, in one line, true on the `asOf` date. May be left out when `roles`
		 * is given: it is then the latest role, as of its start.
		 */
		role: z.string().min(1).max(160).optional(),
		asOf: partialDate.optional(),
		/** Dated roles (`{ title, start, end? }`): a card shows the one held on its article's date. */
		roles: z.array(roleSchema).default([]),
		/** Typed, optionally dated links to other entries (`{ type, target, start?, end? }`), see src/schemas/relation.ts. */
		relations: z.array(relationSchema).default([]),
		/** The card's short description, a sentence or two; names in it may be marked as in articles (`:e[Baghdad]`). */
		summary: z.string().min(1).max(400),
		/**
		 * Not written by authors: the summary's marks, taken out of it when the file is read (the
		 * summary then holds plain text), kept when an entry already read is validated again.
		 */
		summaryMarks: z.array(summaryMarkSchema).optional(),
		wikidata: z
			.string()
			.regex(/^Q[1-9]\d*$/, 'a Wikidata id such as Q1316')
			.optional(),
		links: z.array(link).default([]),
		coordinates: z
			.strictObject({
				lat: z.number().min(-90).max(90),
				lon: z.number().min(-180).max(180),
				/** True when the point is a conventional centre rather than a checked position. */
				approximate: z.boolean().default(false),
			})
			.optional(),
		/** Where the facts come from: `{ title, publisher, date, url }` records (a bare address is still accepted). */
		sources: z.array(sourceSchema).default([]),
		/** A draft written by `npm run annotate -- --scaffold`: shown with a badge by `npm run dev`, refused by `npm run build` (unless `--drafts`). */
		draft: z.boolean().default(false),
	})
	.superRefine((entry, ctx) => {
		const wanted = 'a one-line role, e.g. `role: Mayor of Rawah` (or a `roles:` list of dated roles)';
		if (entry.roles.length === 0 && entry.role === undefined) ctx.addIssue({ code: 'custom', path: ['role'], message: wanted });
		if (entry.role !== undefined && entry.asOf === undefined) {
			ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'the date the role is true on, e.g. `asOf: 2014-06`' });
		}
		if (entry.asOf !== undefined && entry.role === undefined) ctx.addIssue({ code: 'custom', path: ['role'], message: wanted });
		// A draft may wait for its coordinates: the build refuses to publish drafts anyway.
		if (entry.type === 'place' && !entry.coordinates && !entry.draft) {
			ctx.addIssue({
				code: 'custom',
				path: ['coordinates'],
				message: 'coordinates, e.g. `coordinates: { lat: 33.31, lon: 44.37 }` (every place needs them)',
			});
		}
	})
	// Entries that give only dated roles still have a one-line role for lists and metadata: the
	// latest one, as of its start.
	// Marks in the summary (`:e[Baghdad]`) come apart from its words: see ./summary-marks.ts.
	.transform((entry) => {
		const { text, marks } = entry.summaryMarks ? { text: entry.summary, marks: entry.summaryMarks } : parseSummaryMarks(entry.summary);
		const summary = { summary: text, summaryMarks: marks };
		if (entry.role !== undefined && entry.asOf !== undefined) return { ...entry, ...summary, role: entry.role, asOf: entry.asOf };
		const latest = [...entry.roles].sort((a, b) => a.start.localeCompare(b.start)).at(-1)!;
		return { ...entry, ...summary, role: latest.title, asOf: latest.start };
	});

export type GlossaryEntryData = z.output<typeof glossaryEntrySchema>;

/** A validated glossary entry with where it came from. */
export interface GlossaryEntry extends GlossaryEntryData {
	id: string;
	/** The long note (Markdown) for the entry page. */
	note: string;
	/** 0-based line of the file where the note starts, for messages. */
	noteLine: number;
	/** Path of the source file, relative to the working directory. */
	file: string;
}

/**
 * A glossary file that exists but could not be used (invalid frontmatter, invalid or reserved
 * id). Mentions of it are reported as consequences of its errors, never as unknown ids.
 */
export interface FailedEntry {
	id: string;
	file: string;
	/** The `name` and `aliases` its frontmatter gives, where they could be read. */
	names: string[];
}

/** What the annotation plugins need to know about the glossary: its entries and who uses which name. */
export interface GlossaryIndex {
	entries: Map<string, GlossaryEntry>;
	/** Normalised name or alias → ids of the entries that use it. */
	byName: Map<string, string[]>;
	/** Files that failed validation, by the id they would have had. */
	failed?: Map<string, FailedEntry>;
}

/** A glossary entry as the content collection holds it: its frontmatter and the file it came from. */
export const glossaryRecordSchema = glossaryEntrySchema.and(z.object({ file: z.string() }));
export type GlossaryRecord = z.output<typeof glossaryRecordSchema>;
