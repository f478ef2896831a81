/**
 * What a parser makes of an input, whatever its format: the metadata it found and the body as
 * a list of blocks in reading order. Writing the article and checking its words work from this.
 */

/** Frontmatter fields found in the input; a field left out was not found. */
export interface FoundMetadata {
	title?: string;
	author?: string;
	publisher?: string;
	/** YYYY-MM-DD. */
	published?: string;
	/** The original's address (http or https). */
	originalUrl?: string;
	/** Where each field was found, e.g. `{ author: 'JSON-LD author' }`, for the summary. */
	sources: Partial<Record<MetadataField, string>>;
}

export type MetadataField = 'title' | 'author' | 'publisher' | 'published' | 'originalUrl';

/** One block of the body. `markdown` is ready to write; `text` is its words as plain text. */
export interface TextBlock {
	kind: 'paragraph';
	markdown: string;
	text: string;
	/** 1-based line in the input, when known. */
	line?: number;
}

/** Consecutive quoted paragraphs: they become one `:::quote` block. */
export interface QuoteBlock {
	kind: 'quote';
	/** The quoted paragraphs, each ready to write (without `> `). */
	paragraphs: TextBlock[];
	/** A credit the input gives inside the quote (`<cite>`, `<footer>`), as plain text. */
	credit?: string;
	/** The block's Markdown as the input wrote it (`>` lines included), for Markdown input. */
	source?: string;
	/** The quoted original's address, from `<blockquote cite>`. */
	url?: string;
	line?: number;
}

export type Block = TextBlock | QuoteBlock;

/** A parsed input. */
export interface ImportedDocument {
	metadata: FoundMetadata;
	blocks: Block[];
	/**
	 * The words of the input's body as the input holds them (independently of `blocks`), to
	 * check that the written article keeps every one.
	 */
	bodyText: string;
}
