import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from './diagnostics.ts';

/**
 * Refuses raw HTML in Markdown. Articles and glossary notes are text: markup in them would bypass
 * escaping (a `<script>` in content must never reach a page), so `<b>` or `<script>` is an error
 * that points at it. The node is kept as plain, escaped text so that the rest of the file still renders.
 */
export const remarkNoRawHtml: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		visit(tree, 'html', (node, index, parent) => {
			report(
				file,
				'error',
				'raw-html',
				node.position?.start,
				`raw HTML is not allowed: \`${node.value.split('\n')[0]!.slice(0, 40)}\``,
				'use Markdown or a directive instead; to show a `<` literally, write `\\<`',
			);
			if (parent && index !== undefined) parent.children.splice(index, 1, { type: 'text', value: node.value } as never);
		});
	};
};
