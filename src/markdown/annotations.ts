import type { VFile } from 'vfile';
import type { AnnotationRecord } from '../schemas/annotations.ts';

/** The directive names this project owns; every other name is left to the text it came from. */
export const ENTITY_DIRECTIVES = ['e', 'entity'] as const;
export const OWN_DIRECTIVES = { text: ['e', 'entity', 'sic', 'note', 'lang'], leaf: ['note'], container: ['quote'] } as const;

/**
 * The annotation record of a file being processed. It lives in the Astro frontmatter data of the
 * vfile because that is what `@astrojs/markdown-remark` hands back to its caller.
 */
export function annotationsOf(file: VFile): AnnotationRecord {
	const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
	data.astro ??= {};
	data.astro.frontmatter ??= {};
	return annotationsIn(data.astro.frontmatter);
}

/**
 * The annotation record kept in an Astro frontmatter object (created empty when the plugins found
 * nothing). Only this module writes the `annotations` field, so what it reads back is a record.
 */
export function annotationsIn(frontmatter: Record<string, unknown>): AnnotationRecord {
	const existing = frontmatter.annotations as AnnotationRecord | undefined;
	if (existing) return existing;
	const created: AnnotationRecord = { mentions: [], quotes: [], editorial: [] };
	frontmatter.annotations = created;
	return created;
}

/**
 * The id of the description inside an entity's card (its dated role and summary), the target of the
 * name's `aria-describedby`. The card itself is `[data-entity-card="<id>"]`.
 */
export function cardElementId(entity: string): string {
	return `card-${entity}`;
}
