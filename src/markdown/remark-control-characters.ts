import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { CONTROL_CHARACTER, placeAt, report } from './diagnostics.ts';

/**
 * Refuses control characters (other than tab and line breaks) in the text and in directive
 * attributes: no one can see them, and they are not allowed in XML (the feed) at all.
 *
 * ```md
 * Kurds␇ seize Jalula  → error: a control character \u0007 … [control-character]
 * ```
 */
export const remarkControlCharacters: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		const source = String(file.value);
		visit(tree, (node) => {
			const values: string[] = [];
			if ('value' in node && typeof node.value === 'string') values.push(node.value);
			if ('attributes' in node && node.attributes) for (const value of Object.values(node.attributes)) if (typeof value === 'string') values.push(value);
			if ((node.type === 'link' || node.type === 'image') && node.title) values.push(node.title);
			if (node.type === 'image' && node.alt) values.push(node.alt);
			for (const value of values) {
				const match = CONTROL_CHARACTER.exec(value);
				if (!match) continue;
				// Point at the character itself when the node's source holds it as written.
				const start = node.position?.start;
				const offset = start?.offset !== undefined && node.position?.end.offset !== undefined ? source.slice(start.offset, node.position.end.offset).indexOf(match[0]) : -1;
				const place = start && offset >= 0 ? placeAt(source, start.offset! + offset) : start;
				const code = `\\u${match[0].codePointAt(0)!.toString(16).padStart(4, '0')}`;
				report(
					file,
					'error',
					'control-character',
					place,
					`the control character ${code} is in the text: no one can see it, and it would make the feed invalid`,
					'delete it (an editor that shows invisible characters helps)',
				);
				return;
			}
		});
	};
};
