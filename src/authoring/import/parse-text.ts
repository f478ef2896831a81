import { readByline } from './byline.ts';
import type { Block, ImportedDocument, QuoteBlock, TextBlock } from './document.ts';
import { ImportError } from './errors.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import type { KnownOutlet } from './outlets.ts';

/** A line indented with two spaces or more, a tab or a no-break space: a quoted passage. */
const INDENTED = /^(?: {2,}|\t|\u00A0)/u;
const EDGE_SPACE = /^[\s\u00A0]+|[\s\u00A0]+$/gu;

interface RawParagraph {
	text: string;
	indented: boolean;
	line: number;
}

/** Paragraphs: runs of non-blank lines with the same indentation, joined with spaces. */
function paragraphs(lines: string[], firstLine: number): RawParagraph[] {
	const found: RawParagraph[] = [];
	let current: RawParagraph | undefined;
	lines.forEach((raw, i) => {
		if (!raw.replace(EDGE_SPACE, '')) {
			current = undefined;
			return;
		}
		const indented = INDENTED.test(raw);
		const text = raw.replace(EDGE_SPACE, '');
		if (current && current.indented === indented) {
			current.text += ` ${text}`;
		} else {
			current = { text, indented, line: firstLine + i };
			found.push(current);
		}
	});
	return found;
}

/**
 * Reads a plain-text article: the title on the first line, then paragraphs separated by blank
 * lines; paragraphs indented with spaces, a tab or no-break spaces are quoted passages, and
 * consecutive ones form one quoted block. A credit line at the top of the body gives the author,
 * publisher and date; it stays in the body, as the article's own words.
 */
export function parseText(file: string, text: string, outlets: KnownOutlet[]): ImportedDocument {
	const lines = text.split('\n');
	const titleIndex = lines.findIndex((line) => line.trim());
	const bodyLines = lines.slice(titleIndex + 1);
	const bodyText = bodyLines.join('\n');
	if (titleIndex === -1 || !bodyText.trim()) {
		throw new ImportError(`${file} has a single line: an article needs its title on the first line and its text below`);
	}
	const title = lines[titleIndex]!.replace(EDGE_SPACE, '');
	const blocks: Block[] = [];
	for (const paragraph of paragraphs(bodyLines, titleIndex + 2)) {
		const block: TextBlock = { kind: 'paragraph', markdown: escapeMarkdown(paragraph.text), text: paragraph.text, line: paragraph.line };
		const previous = blocks.at(-1);
		if (!paragraph.indented) blocks.push(block);
		else if (previous?.kind === 'quote') previous.paragraphs.push(block);
		else blocks.push({ kind: 'quote', paragraphs: [block], line: paragraph.line } satisfies QuoteBlock);
	}
	const first = blocks[0];
	const byline = first?.kind === 'paragraph' ? readByline(first.text, outlets) : {};
	const sources: ImportedDocument['metadata']['sources'] = { title: 'the first line' };
	if (byline.author) sources.author = 'the credit line';
	if (byline.publisher) sources.publisher = 'the credit line';
	if (byline.published) sources.published = 'the credit line';
	return { metadata: { title, ...byline, sources }, blocks, bodyText };
}
