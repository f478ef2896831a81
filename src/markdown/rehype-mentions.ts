import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit, SKIP } from 'unist-util-visit';
import { annotationsOf } from './annotations.ts';
import { withoutInterfaceText } from './interface-text.ts';
import type { Place } from './diagnostics.ts';
import { anchorFromText, sentenceFinder, uniqueId } from './text.ts';

/** Blocks that get an anchor of their own and whose marks are mentions. */
const ANCHORED = new Set(['p', 'li', 'td', 'th']);
/** Headings as Astro finds them to give them ids (after this plugin): their marks are mentions too. */
const isHeading = (node: Element) => node.tagName[0] === 'h' && /h[0-6]/.test(node.tagName);

/**
 * The anchor of a mention in the article's `index`th heading, until the heading has its id
 * (Astro gives headings ids after our plugins: see `resolveHeadingAnchors`).
 */
function headingAnchor(index: number): string {
	return `${HEADING_PLACEHOLDER}${index}`;
}

/** Starts a heading placeholder: a NUL, which no id contains. */
const HEADING_PLACEHOLDER = '\u0000heading:';

const HEADING_PLACES = '__headingPlaces';

/** Where each heading of the article starts, in order (for messages about their ids). */
export function headingPlaces(frontmatter: Record<string, unknown>): (Place | undefined)[] {
	return (frontmatter[HEADING_PLACES] as (Place | undefined)[] | undefined) ?? [];
}

/** Replaces the heading placeholders of mentions with the ids the headings were given. */
export function resolveHeadingAnchors(mentions: { anchor: string }[], headingIds: string[]): void {
	for (const mention of mentions) {
		if (!mention.anchor.startsWith(HEADING_PLACEHOLDER)) continue;
		const index = mention.anchor.slice(HEADING_PLACEHOLDER.length);
		if (/^\d+$/.test(index)) mention.anchor = headingIds[Number(index)] ?? '';
	}
}

/**
 * Gives every paragraph, list item and table cell a stable anchor from its first words
 * (`<p id="p-the-mayor-of-a-town">`), never overwriting an id already there, and records every
 * marked name with the anchor and sentence it stands in, for entry pages and backlinks (marks in
 * headings too, anchored at the heading).
 * Names inside interface text (`data-pagefind-ignore`, e.g. quote captions) are links but not mentions.
 */
export const rehypeMentions: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		const record = annotationsOf(file);
		const taken = new Set<string>();
		visit(tree, 'element', (node: Element) => {
			if (typeof node.properties.id === 'string') taken.add(node.properties.id);
		});
		const headings: Element[] = [];
		visit(tree, 'element', (node: Element) => {
			if (isHeading(node)) headings.push(node);
		});
		const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
		if (data.astro?.frontmatter) data.astro.frontmatter[HEADING_PLACES] = headings.map((h) => h.position?.start);
		visit(tree, 'element', (node: Element) => {
			if (node.properties.dataPagefindIgnore !== undefined) return SKIP;
			if (isHeading(node)) {
				const clean = withoutInterfaceText(node);
				const anchor = typeof node.properties.id === 'string' ? node.properties.id : headingAnchor(headings.indexOf(node));
				collectMentions(clean, toText(clean), anchor, record.mentions);
				return SKIP;
			}
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
	const sentenceAt = sentenceFinder(blockText);
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
			into.push({ entity, label, anchor, sentence: sentenceAt(start >= 0 ? start : offset) });
		}
		for (const child of node.children) walk(child as Element);
	};
	walk(block);
}
