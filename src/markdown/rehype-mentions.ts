import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { annotationsOf } from './annotations.ts';
import { withoutInterfaceText } from './interface-text.ts';
import { anchorFromText, sentenceAt, uniqueId } from './text.ts';

const ANCHORED = new Set(['p', 'li']);

/**
 * Gives every paragraph and list item a stable anchor from its first words
 * (`<p id="p-the-mayor-of-a-town">`), never overwriting an id already there, and records every
 * marked name with the anchor and sentence it stands in, for entry pages and backlinks.
 * Names inside interface text (`data-pagefind-ignore`, e.g. quote captions) are links but not mentions.
 */
export const rehypeMentions: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		const record = annotationsOf(file);
		const taken = new Set<string>();
		visit(tree, 'element', (node: Element) => {
			if (typeof node.properties.id === 'string') taken.add(node.properties.id);
		});
		visit(tree, 'element', (node: Element) => {
			if (node.properties.dataPagefindIgnore !== undefined) return SKIP;
			if (!ANCHORED.has(node.tagName)) return;
			// A loose list item holds paragraphs: those carry the anchors.
			if (node.tagName === 'li' && node.children.some((c) => c.type === 'element' && c.tagName === 'p')) return;
			// Anchors and sentences come from the article's own words, not the editors' marks.
			const clean = withoutInterfaceText(node);
			const text = toText(clean);
			if (typeof node.properties.id !== 'string') {
				node.properties.id = uniqueId(anchorFromText('p', text), taken);
			}
			const anchor = node.properties.id;
			collectMentions(clean, text, anchor, record.mentions);
			return SKIP;
		});
	};
};

function collectMentions(block: Element, blockText: string, anchor: string, into: { entity: string; label: string; anchor: string; sentence: string }[]) {
	// Walk the block's text in order, so each mark's offset in the block's text is known.
	let offset = 0;
	const walk = (node: Element | Root['children'][number]) => {
		if (node.type === 'text') {
			offset += node.value.length;
			return;
		}
		if (node.type !== 'element') return;
		if (node.properties.dataPagefindIgnore !== undefined) return;
		if (node !== block && node.tagName === 'li') return;
		const entity = node.properties.dataEntity;
		if (typeof entity === 'string') {
			const label = toText(node);
			const start = blockText.indexOf(label, Math.max(0, offset - 1));
			into.push({ entity, label, anchor, sentence: sentenceAt(blockText, start >= 0 ? start : offset) });
		}
		for (const child of node.children) walk(child as Element);
	};
	walk(block);
}
