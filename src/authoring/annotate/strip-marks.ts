import type { TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import { ENTITY_DIRECTIVES } from '../../markdown/annotations.ts';
import { parseArticleBody } from './markdown-source.ts';

/** A mark found in an article: its words and its entry (explicit, or `undefined` when the id is left out). */
export interface ExistingMark {
	/** Offsets of the whole mark in the body. */
	start: number;
	end: number;
	/** The label's source (what the mark shows). */
	label: string;
	id: string | undefined;
}

/** Every `:e[…]` mark of a Markdown body, in order. */
export function existingMarks(body: string): ExistingMark[] {
	const marks: ExistingMark[] = [];
	visit(parseArticleBody(body), 'textDirective', (node: TextDirective) => {
		if (!(ENTITY_DIRECTIVES as readonly string[]).includes(node.name)) return;
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start === undefined || end === undefined) return;
		const first = node.children[0]?.position?.start.offset;
		const last = node.children.at(-1)?.position?.end.offset;
		const label = first !== undefined && last !== undefined ? body.slice(first, last) : '';
		marks.push({ start, end, label, id: node.attributes?.id ?? undefined });
	});
	return marks;
}

/**
 * The body with every `:e[…]` mark replaced by its label's source: `:e[the capital]{#baghdad}`
 * becomes `the capital`. Other directives (`:sic`, `:note`, `:::quote`) stay. The benchmark
 * uses it to start from an edition's words without its marks.
 */
export function stripMarks(body: string): string {
	let out = body;
	for (const mark of existingMarks(body).sort((a, b) => b.start - a.start)) out = out.slice(0, mark.start) + mark.label + out.slice(mark.end);
	return out;
}
