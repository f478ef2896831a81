import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { ENTITY_DIRECTIVES } from './annotations.ts';

/** Where the Markdown without marks is handed back (see `markWordsIn`). */
const FIELD = '__markWords';

function isMark(node: { type: string; name?: string }): boolean {
	return node.type === 'textDirective' && (ENTITY_DIRECTIVES as readonly string[]).includes(node.name ?? '');
}

/**
 * Keeps the Markdown source with every mark replaced by its words, as written between the
 * brackets, and nothing else changed: what a glossary note says where its marks cannot be links
 * (the note in `glossary.json`).
 *
 * ```md
 * Held by :e[the army]{#iraqi-army} since 10:30 on *Tuesday*.
 * ```
 * is kept as
 * ```md
 * Held by the army since 10:30 on *Tuesday*.
 * ```
 * Runs after `remarkForeignDirectives`, so that only marks are still directives. Read the result
 * with `markWordsIn`.
 */
export const remarkMarkWords: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		const source = String(file.value);
		const cuts: { start: number; end: number; words: string }[] = [];
		visitParents(tree, 'textDirective', (node: TextDirective, ancestors) => {
			if (!isMark(node) || ancestors.some((a) => isMark(a as TextDirective))) return;
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (start === undefined || end === undefined) return;
			const from = node.children[0]?.position?.start.offset;
			const to = node.children.at(-1)?.position?.end.offset;
			cuts.push({ start, end, words: from === undefined || to === undefined ? '' : source.slice(from, to) });
		});
		let words = '';
		let at = 0;
		for (const cut of cuts.sort((a, b) => a.start - b.start)) {
			words += source.slice(at, cut.start) + cut.words;
			at = cut.end;
		}
		const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
		data.astro ??= {};
		data.astro.frontmatter ??= {};
		data.astro.frontmatter[FIELD] = words + source.slice(at);
	};
};

/** The Markdown without marks that `remarkMarkWords` kept in an Astro frontmatter object. */
export function markWordsIn(frontmatter: Record<string, unknown>): string | undefined {
	const words = frontmatter[FIELD];
	return typeof words === 'string' ? words : undefined;
}
