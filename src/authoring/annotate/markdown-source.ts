import type { Nodes, Parents, Root, Text } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visitParents } from 'unist-util-visit-parents';
import { ENTITY_DIRECTIVES, OWN_DIRECTIVES } from '../../markdown/annotations.ts';

/**
 * A run of the article's own words that the annotator may mark: the value of one Markdown text
 * node, with the offset in the source of each of its characters (so an edit touches the source
 * and nothing else).
 */
export interface TextSegment {
	/** The words, as the Markdown parser gives them. */
	value: string;
	/** `sourceOffsets[i]` is where `value[i]` is in the source; `-1` where it has no character of its own (an escape). */
	sourceOffsets: number[];
	/** True when the text opens its paragraph, heading or cell (its first word opens a sentence). */
	atBlockStart: boolean;
	/** The plain text of the whole paragraph (heading, cell) it stands in, and where the segment starts in it: for quoting its sentence. */
	blockText: string;
	blockOffset: number;
	/** Which block (paragraph, heading, cell) it stands in: segments of one block share the number. */
	block: number;
}

/** A mark the article already has (`:e[…]`), where it stands: what coreference starts from. */
export interface ExistingMark {
	/** Its words, as the site renders them. */
	label: string;
	/** The id it gives (`{#id}`), if any; otherwise its words name the entry. */
	id?: string;
	/** The block it stands in, and where its words start in the block's text. */
	block: number;
	blockOffset: number;
}

/** Why a part of the article is not looked at. */
export type SkipReason = 'mark' | 'link' | 'code' | 'heading' | 'directive' | 'quote-attribute';

/** Everything the annotator needs from the body of an article. */
export interface ArticleSource {
	/** The body (the Markdown below the frontmatter). */
	body: string;
	tree: Root;
	segments: TextSegment[];
	/** The marks the article already has, in blocks the annotator reads, in document order. */
	marks: ExistingMark[];
	/** How many text nodes were left alone, by reason. */
	skipped: Record<SkipReason, number>;
}

/**
 * Parses a body with the same syntax as the site's pipeline (CommonMark, GFM and
 * remark-directive), so that marks, links, code, headings and directive attributes are real
 * nodes, not guesses made with regular expressions.
 */
export function parseArticleBody(body: string): Root {
	return unified().use(remarkParse).use(remarkGfm).use(remarkDirective).parse(body);
}

const OWN_TEXT: readonly string[] = OWN_DIRECTIVES.text;
const CHARACTER_REFERENCE = /^&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/;
const ENTITY: readonly string[] = ENTITY_DIRECTIVES;

/**
 * The text of an article that may receive marks. Left alone: the words of an existing mark, of a
 * `:sic` or `:note`, of a link or image, code, a `:::quote`'s label and attributes (they are not
 * text nodes at all), and every heading the author excluded. A heading is excluded unless it
 * already holds a mark: annotating a headline is an editor's choice, so marking one name in a
 * heading by hand opts that heading in, and the annotator then completes it.
 */
export function readArticleSource(body: string): ArticleSource {
	const tree = parseArticleBody(body);
	const segments: TextSegment[] = [];
	const skipped: Record<SkipReason, number> = { mark: 0, link: 0, code: 0, heading: 0, directive: 0, 'quote-attribute': 0 };
	const openedHeadings = new Set<Nodes>();
	const blockTexts = new Map<Nodes | undefined, { text: string; offsets: Map<Nodes, number> }>();
	const blockNumbers = new Map<Nodes | undefined, number>();
	const blockNumber = (block: Nodes | undefined) => {
		if (!blockNumbers.has(block)) blockNumbers.set(block, blockNumbers.size);
		return blockNumbers.get(block)!;
	};
	const marks: ExistingMark[] = [];
	visitParents(tree, 'textDirective', (node: TextDirective, ancestors) => {
		if (!ENTITY.includes(node.name)) return;
		const heading = ancestors.find((a) => a.type === 'heading');
		if (heading) openedHeadings.add(heading);
		const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type));
		const first = firstText(node);
		if (!block || !first) return;
		const { offsets } = blockTextOf(block, blockTexts);
		const id = node.attributes?.id;
		marks.push({ label: toString(node), ...(id ? { id } : {}), block: blockNumber(block), blockOffset: offsets.get(first) ?? 0 });
	});
	visitParents(tree, (node: Nodes, ancestors: Parents[]) => {
		if (node.type === 'inlineCode' || node.type === 'code') {
			skipped.code++;
			return;
		}
		if (node.type !== 'text') return;
		const reason = skipReason(ancestors, openedHeadings);
		if (reason) {
			skipped[reason]++;
			return;
		}
		const parent = ancestors.at(-1);
		const atBlockStart = !!parent && BLOCKS.has(parent.type) && parent.children[0] === node;
		const block = [...ancestors].reverse().find((a) => BLOCKS.has(a.type)) ?? parent;
		const { text: blockText, offsets } = blockTextOf(block, blockTexts);
		const segment = segmentOf(node, body, atBlockStart);
		if (segment) segments.push({ ...segment, blockText, blockOffset: offsets.get(node) ?? 0, block: blockNumber(block) });
	});
	return { body, tree, segments, marks, skipped };
}

/** The first text node inside a node (a mark's words start there). */
function firstText(node: Nodes): Nodes | undefined {
	let found: Nodes | undefined;
	visitParents(node, 'text', (text: Text) => {
		found = text;
		return false;
	});
	return found;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The plain text of a block and where each of its text nodes starts in it, computed once per block. */
function blockTextOf(block: Nodes | undefined, cache: Map<Nodes | undefined, { text: string; offsets: Map<Nodes, number> }>) {
	const cached = cache.get(block);
	if (cached) return cached;
	let text = '';
	const offsets = new Map<Nodes, number>();
	if (block) {
		visitParents(block, (node: Nodes) => {
			if (node.type !== 'text' && node.type !== 'inlineCode') return;
			offsets.set(node, text.length);
			text += node.value;
		});
	}
	const made = { text, offsets };
	cache.set(block, made);
	return made;
}

function skipReason(ancestors: Parents[], openedHeadings: Set<Nodes>): SkipReason | undefined {
	for (const [index, ancestor] of ancestors.entries()) {
		switch (ancestor.type) {
			case 'textDirective':
				if (ENTITY.includes(ancestor.name)) return 'mark';
				return 'directive';
			case 'leafDirective':
				return 'directive';
			case 'containerDirective': {
				if ((ancestor as ContainerDirective).name !== 'quote') return 'directive';
				// The `[label]` of a `:::quote` is a paragraph flagged as the directive's label.
				const child = ancestors[index + 1] as (Nodes & { data?: { directiveLabel?: boolean } }) | undefined;
				if (child?.data?.directiveLabel) return 'quote-attribute';
				break;
			}
			case 'link':
			case 'linkReference':
				return 'link';
			case 'heading':
				if (!openedHeadings.has(ancestor)) return 'heading';
				break;
			default:
				break;
		}
	}
	// A text directive we do not own (`10:30`) is plain text to the site; it holds no name worth marking.
	const parent = ancestors.at(-1);
	if (parent?.type === 'textDirective' && !OWN_TEXT.includes(parent.name)) return 'directive';
	return undefined;
}

/**
 * Lines up a text node's value with its source. They differ where the source has an escape
 * (`\:`), a character reference (`&amp;`) or a blockquote's `>` at the start of a continued line;
 * characters that cannot be lined up get `-1`, and no mark is ever placed across them.
 */
function segmentOf(node: Text, source: string, atBlockStart: boolean): Omit<TextSegment, 'blockText' | 'blockOffset' | 'block'> | undefined {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) return undefined;
	const { value } = node;
	const offsets: number[] = new Array<number>(value.length).fill(-1);
	let at = start;
	for (let i = 0; i < value.length; i++) {
		const char = value[i]!;
		for (;;) {
			if (at >= end) return undefined;
			// A character reference (`&amp;`) stands for one character of the value.
			const reference = source[at] === '&' ? CHARACTER_REFERENCE.exec(source.slice(at, at + 40)) : null;
			if (reference && (char !== '&' || reference[0] === '&amp;')) {
				at += reference[0].length;
				break;
			}
			if (source[at] === char) {
				offsets[i] = at++;
				// A continued line inside a blockquote or list: its prefix is not part of the text.
				if (char === '\n') while (at < end && /[ \t>]/.test(source[at]!)) at++;
				break;
			}
			// Spaces at the end of a line are dropped by the parser.
			if (/[ \t]/.test(source[at]!) && /^[ \t]*\r?\n/.test(source.slice(at, at + 80))) {
				while (/[ \t]/.test(source[at]!)) at++;
				continue;
			}
			if (source[at] === '\\' && source[at + 1] === char) {
				at += 2;
				break;
			}
			return undefined;
		}
	}
	return { value, sourceOffsets: offsets, atBlockStart };
}
