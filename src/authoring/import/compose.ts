import { stringify } from 'yaml';
import { placeholder } from '../../schemas/placeholder.ts';
import type { ProposedAttribution } from './attribution.ts';
import type { MergedBoundary } from './boundaries.ts';
import type { Block, FoundMetadata, QuoteBlock } from './document.ts';
import { attributeValue, noteLabel } from './escape-markdown.ts';

/** What the editor is asked to write in place of each frontmatter field the input lacks. */
export const FIELD_PLACEHOLDERS = {
	title: placeholder('the original headline'),
	author: placeholder('the author as the original credits them (or the outlet, when there is no byline)'),
	publisher: placeholder('who first published it'),
	published: placeholder('the date it was first published, YYYY-MM-DD'),
	summary: placeholder('one line in your own words for lists, search results and link previews'),
} as const;

/** A quoted block with what the import found about it. */
export interface AnalysedQuote {
	block: QuoteBlock;
	attribution: ProposedAttribution;
	/** Suspected merged boundaries, with the index of the paragraph that holds each. */
	boundaries: (MergedBoundary & { paragraph: number })[];
}

/** The frontmatter: every field found, a placeholder for every required field that was not. */
export function composeFrontmatter(metadata: FoundMetadata): string {
	const data: Record<string, string> = {
		title: metadata.title ?? FIELD_PLACEHOLDERS.title,
		author: metadata.author ?? FIELD_PLACEHOLDERS.author,
		publisher: metadata.publisher ?? FIELD_PLACEHOLDERS.publisher,
		published: metadata.published ?? FIELD_PLACEHOLDERS.published,
	};
	if (metadata.originalUrl) data.originalUrl = metadata.originalUrl;
	data.language = 'en';
	data.summary = FIELD_PLACEHOLDERS.summary;
	return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

/** The `:::quote{…}` attributes: a proposed outlet stays low-confidence with a `how` to write. */
export function quoteAttributes(quote: AnalysedQuote): string {
	const { attribution, block } = quote;
	const url = block.url ? ` url=${attributeValue(block.url)}` : '';
	if (attribution.outlet) {
		const how = placeholder(`proposed by the import from “${attribution.evidence}” (${attribution.where}). Check the original, then say how you know, and set evidence and confidence`);
		return `outlet=${attribution.outlet.id} evidence=editors confidence=low how=${attributeValue(how)}${url}`;
	}
	const reason = attribution.unknownName
		? placeholder(
				`the text says “${attribution.evidence}”, and the glossary has no outlet “${attribution.unknownName}”. Add one (type: outlet) and set outlet=<its id>, evidence, confidence and how; or say why the outlet cannot be identified`,
			)
		: placeholder('no outlet is named next to this quote. Identify it (outlet=<glossary id>, evidence, confidence, how) or say here why it cannot be identified');
	return `outlet=unknown reason=${attributeValue(reason)}${url}`;
}

/** A visible note after a quoted block that asks the editor to look at a suspected merged boundary. */
export function boundaryNote(boundary: MergedBoundary): string {
	return `::note[${noteLabel(placeholder(`check a suspected merged boundary in the quoted block above, at “${boundary.excerpt}”: the quotation may run into the writer’s own words, with no space after “${boundary.before}”. If it does, end the quote after “${boundary.before}”, put the rest after the closing fence as the writer’s text, and replace this note with one that says so (e.g. “Paragraph break restored by the editors: …”); if it does not, delete this note.`))}]`;
}

function quoteMarkdown(quote: AnalysedQuote): string {
	const lines = [`:::quote{${quoteAttributes(quote)}}`];
	if (quote.block.source !== undefined) {
		lines.push(quote.block.source);
	} else {
		quote.block.paragraphs.forEach((paragraph, i) => {
			if (i > 0) lines.push('>');
			for (const line of paragraph.markdown.split('\n')) lines.push(line ? `> ${line}` : '>');
		});
	}
	lines.push(':::');
	for (const boundary of quote.boundaries) lines.push('', boundaryNote(boundary));
	return lines.join('\n');
}

/**
 * The whole article: frontmatter, then the body's blocks in order, each quoted block in a
 * `:::quote` fence followed by a note for each suspected merged boundary. No word is added to
 * the text itself: attributes and notes are the editors' part and are not the article's text.
 */
export function composeArticle(metadata: FoundMetadata, blocks: Block[], quotes: Map<QuoteBlock, AnalysedQuote>): string {
	const parts = blocks.map((block) => {
		if (block.kind === 'paragraph') return block.markdown;
		const quote = quotes.get(block);
		return quote ? quoteMarkdown(quote) : '';
	});
	return `${composeFrontmatter(metadata)}\n${parts.filter(Boolean).join('\n\n')}\n`;
}
