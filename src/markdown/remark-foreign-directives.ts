import type { Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { OWN_DIRECTIVES } from './annotations.ts';
import { didYouMean, report, suggest } from './diagnostics.ts';

/** The directive names a pipeline owns, by kind (`:text`, `::leaf`, `:::container`). */
export interface OwnDirectives {
	text: readonly string[];
	leaf: readonly string[];
	container: readonly string[];
}

export interface RemarkForeignDirectivesOptions {
	/** The names this pipeline owns (articles: all of `OWN_DIRECTIVES`; glossary notes: marks only). */
	own?: OwnDirectives;
}

/**
 * Gives back to the text every directive that is not ours, exactly as written, so that
 * `10:30`, `ratio a:b` or `http://x` survive remark-directive's generic syntax.
 *
 * A text directive with no `[label]` or `{attributes}` is ordinary text, whatever its name:
 * `at 10:30` stays `at 10:30`, `see:note 4` and `a:e` stay as written. One with a label or attributes was meant as a directive, so
 * `:entiy[Baghdad]` is an error suggesting `:entity`. Unknown `::leaf` and `:::container`
 * directives are errors too, and their source is kept as text so nothing is lost.
 *
 * Must run before the other annotation plugins.
 */
export const remarkForeignDirectives: Plugin<[RemarkForeignDirectivesOptions?], Root> = function ({ own = OWN_DIRECTIVES as OwnDirectives } = {}) {
	const allOwn: readonly string[] = [...new Set([...own.text, ...own.leaf, ...own.container])];
	return (tree: Root, file: VFile) => {
		const source = String(file.value);
		visit(tree, (node, index, parent) => {
			if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
			if (!parent || index === undefined) return;
			const kind = node.type === 'textDirective' ? 'text' : node.type === 'leafDirective' ? 'leaf' : 'container';
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			const written = start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
			const hasLabel = node.children.length > 0 || /^:[^\s[{]*\[/.test(written);
			const hasAttributes = Object.keys(node.attributes ?? {}).length > 0 || /\{[^}]*\}$/.test(written.split('\n')[0] ?? '');
			// Prose such as `see:note 4` or `a:e`: a name of ours without `[words]` or `{attributes}`
			// means nothing as a directive, so it is text like `10:30`.
			if (kind === 'text' && !hasLabel && !hasAttributes) {
				parent.children.splice(index, 1, { type: 'text', value: written, position: node.position });
				return [SKIP, index + 1];
			}
			if (own[kind].includes(node.name)) return;
			const colons = kind === 'text' ? ':' : kind === 'leaf' ? '::' : ':::';
			const ownOfKind = own[kind];
			const near = suggest(node.name, ownOfKind.length ? ownOfKind : allOwn);
			report(
				file,
				'error',
				'unknown-directive',
				node.position?.start,
				`unknown directive \`${colons}${node.name}\``,
				near.length
					? `did you mean ${didYouMean(near, (n) => `\`${colons}${n}\``)}? Known: ${allOwn.map((n) => `\`${n}\``).join(', ')}; to write the characters literally, escape the colon as \`\\:\``
					: 'escape the colon as `\\:` to write it literally',
			);
			const replacement =
				kind === 'text'
					? { type: 'text' as const, value: written, position: node.position }
					: { type: 'paragraph' as const, children: [{ type: 'text' as const, value: written, position: node.position }], position: node.position };
			parent.children.splice(index, 1, replacement as never);
			return [SKIP, index + 1];
		});
		mergeAdjacentText(tree);
	};
};

/**
 * Joins text nodes that are now side by side (`see` + `:note` + ` 4`), so that later plugins
 * see the words as they were written, in one piece with one position.
 */
function mergeAdjacentText(tree: Root) {
	visit(tree, (node) => {
		if (!('children' in node)) return;
		const children = node.children as RootContent[];
		for (let i = children.length - 1; i > 0; i--) {
			const a = children[i - 1]!;
			const b = children[i]!;
			if (a.type !== 'text' || b.type !== 'text') continue;
			a.value += b.value;
			if (a.position && b.position) a.position = { start: a.position.start, end: b.position.end };
			children.splice(i, 1);
		}
	});
}
