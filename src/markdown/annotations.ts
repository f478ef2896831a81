import type { VFile } from 'vfile';

/** The directive names this project owns; every other name is left to the text it came from. */
export const ENTITY_DIRECTIVES = ['e', 'entity'] as const;
export const OWN_DIRECTIVES = { text: ['e', 'entity', 'sic', 'note'], leaf: ['note'], container: ['quote'] } as const;

/** One marked name, where it is, and the sentence it stands in. */
export interface Mention {
	entity: string;
	/** The words as the article spells them. */
	label: string;
	/** Id of the paragraph (or list item) holding it. */
	anchor: string;
	sentence: string;
}

/** How sure the editors are of a quote's outlet. */
export type Confidence = 'high' | 'medium' | 'low';

/** A quoted block and its provenance. */
export interface QuoteRecord {
	/** Anchor of the `<figure>`. */
	id: string;
	/** Glossary id of the outlet, or `unknown`. */
	outlet: string;
	/** `named` when the article names the outlet, `editors` when the editors identified it, `unknown`. */
	evidence: 'named' | 'editors' | 'unknown';
	/** How the attribution was made, or why the outlet is unknown. */
	how?: string;
	/** The evidence in a few words, shown in the caption ("same wording as an AP wire story of 21 June 2014"). */
	basis?: string;
	confidence: Confidence;
	headline?: string;
	author?: string;
	date?: string;
	url?: string;
	via?: string;
	/** The first words of the quote, for lists of sources. */
	excerpt: string;
}

/** A visible editorial note or a `[sic]`. */
export interface EditorialRecord {
	kind: 'sic' | 'note';
	anchor?: string;
	text: string;
	fix?: string;
}

/** Everything the annotation plugins learn about one article. */
export interface AnnotationRecord {
	mentions: Mention[];
	quotes: QuoteRecord[];
	editorial: EditorialRecord[];
}

/**
 * The annotation record of a file being processed. It lives in the Astro frontmatter data of the
 * vfile because that is what `@astrojs/markdown-remark` hands back to its caller.
 */
export function annotationsOf(file: VFile): AnnotationRecord {
	const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
	data.astro ??= {};
	data.astro.frontmatter ??= {};
	const existing = data.astro.frontmatter.annotations as AnnotationRecord | undefined;
	if (existing) return existing;
	const created: AnnotationRecord = { mentions: [], quotes: [], editorial: [] };
	data.astro.frontmatter.annotations = created;
	return created;
}

/**
 * The id of the description inside an entity's card (its dated role and summary), the target of the
 * name's `aria-describedby`. The card itself is `[data-entity-card="<id>"]`.
 */
export function cardElementId(entity: string): string {
	return `card-${entity}`;
}

/** The address of an entry page under a base path that ends in `/`. */
export function entryHref(base: string, entity: string): string {
	return `${base}glossary/${entity}/`;
}
