import { z } from 'zod';

/** One marked name, where it is, and the sentence it stands in. */
export const mentionSchema = z.object({
	/** Glossary id of the entry. */
	entity: z.string(),
	/** The words as the article spells them. */
	label: z.string(),
	/** Id of the paragraph (or list item) holding it. */
	anchor: z.string(),
	sentence: z.string(),
});
export type Mention = z.output<typeof mentionSchema>;

/** How sure the editors are of a quote's outlet. */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** How a quote's outlet is known: the article names it, the editors identified it, or nobody could. */
export const EVIDENCE = ['named', 'editors', 'unknown'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** A quoted block (`:::quote`) and its provenance. */
export const quoteSchema = z.object({
	/** Anchor of the `<figure>`. */
	id: z.string(),
	/** Glossary id of the outlet, or `unknown`. */
	outlet: z.string(),
	evidence: z.enum(EVIDENCE),
	/** How the attribution was made or, for `outlet=unknown`, why the outlet is unknown (the `reason` attribute). */
	how: z.string().optional(),
	/** The evidence in a few words, shown in the caption ("same wording as an AP wire story of 21 June 2014"). */
	basis: z.string().optional(),
	confidence: z.enum(CONFIDENCES),
	headline: z.string().optional(),
	author: z.string().optional(),
	date: z.string().optional(),
	url: z.string().optional(),
	via: z.string().optional(),
	/** The first words of the quote, for lists of sources. */
	excerpt: z.string(),
});
export type QuoteRecord = z.output<typeof quoteSchema>;

/** A visible editorial note (`::note[…]`) or a `:sic[…]`. */
export const editorialSchema = z.object({
	kind: z.enum(['sic', 'note']),
	anchor: z.string().optional(),
	text: z.string(),
	fix: z.string().optional(),
});
export type EditorialRecord = z.output<typeof editorialSchema>;

/** Everything the annotation plugins learn about one article. */
export const annotationRecordSchema = z.object({
	mentions: z.array(mentionSchema),
	quotes: z.array(quoteSchema),
	editorial: z.array(editorialSchema),
});
export type AnnotationRecord = z.output<typeof annotationRecordSchema>;
