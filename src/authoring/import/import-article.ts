import fs from 'node:fs';
import path from 'node:path';
import { loadGlossary } from '../../corpus/glossary.ts';
import { displayPath, type Diagnostic } from '../../markdown/diagnostics.ts';
import { proposeAttribution } from './attribution.ts';
import { findMergedBoundaries } from './boundaries.ts';
import { composeArticle, type AnalysedQuote } from './compose.ts';
import { detectFormat, type InputFormat } from './detect-format.ts';
import type { Block, FoundMetadata, ImportedDocument, MetadataField, QuoteBlock } from './document.ts';
import { ImportError } from './errors.ts';
import { knownOutlets, type KnownOutlet } from './outlets.ts';
import { parseHtml } from './parse-html.ts';
import { parseMarkdown } from './parse-markdown.ts';
import { parseText } from './parse-text.ts';
import { readInput } from './read-input.ts';
import { articleSlug } from './slug.ts';
import { republisherPrefix, type TitlePrefix } from './title-prefix.ts';
import { checkWordsKept, type WordCheck } from './verify-words.ts';

export interface ImportOptions {
	/** The raw article to import. */
	file: string;
	/** The article's address; made from the title when left out. */
	slug?: string;
	/** Replace an existing article of that slug. */
	force?: boolean;
	/** The content folder (`CONTENT_DIR`): the glossary is read from it, the article written to it. */
	contentDir: string;
}

/** What an import did, for the command's summary and for tools such as the authoring benchmark. */
export interface ImportResult {
	/** The written article, as a path for messages. */
	written: string;
	slug: string;
	format: InputFormat;
	metadata: FoundMetadata;
	/** Required frontmatter fields left as placeholders (`summary` always is). */
	missing: (MetadataField | 'summary')[];
	quotes: AnalysedQuote[];
	words: WordCheck;
	/** Whether an existing article was replaced (`--force`). */
	replaced: boolean;
	/** How many outlets the glossary offered for proposals. */
	outletsKnown: number;
	/** A glossary outlet's name at the start of the title, which may be a republisher's prefix. */
	titlePrefix?: TitlePrefix;
}

const REQUIRED: MetadataField[] = ['title', 'author', 'publisher', 'published'];

async function parse(format: InputFormat, file: string, text: string, outlets: KnownOutlet[]): Promise<ImportedDocument> {
	if (format === 'html') return parseHtml(file, text, outlets);
	if (format === 'markdown') return parseMarkdown(file, text, outlets);
	return parseText(file, text, outlets);
}

function textOf(block: Block | undefined): string | undefined {
	if (!block) return undefined;
	return block.kind === 'paragraph' ? block.text : block.paragraphs.map((p) => p.text).join(' ');
}

/**
 * Ends a quoted block after a paragraph with a suspected merged boundary: the writer's words
 * seem to resume inside that paragraph, so the quoted paragraphs after it are another quotation
 * (the seed's "…took control.ISIS also seized Qaim…into Anbar:" is followed by a new AP passage).
 * The paragraph itself is never split: that is the editor's call. Blocks written as Markdown
 * blockquotes keep the author's structure.
 */
export function splitAfterBoundaries(blocks: Block[]): Block[] {
	return blocks.flatMap((block): Block[] => {
		if (block.kind !== 'quote' || block.source !== undefined) return [block];
		const pieces: QuoteBlock[] = [];
		let current: QuoteBlock = { ...block, paragraphs: [] };
		block.paragraphs.forEach((paragraph, i) => {
			current.paragraphs.push(paragraph);
			if (i < block.paragraphs.length - 1 && findMergedBoundaries(paragraph.text).length) {
				pieces.push(current);
				const next = block.paragraphs[i + 1]!;
				current = { kind: 'quote', paragraphs: [], line: next.line };
			}
		});
		pieces.push(current);
		// A credit found inside the original block belongs to its last piece.
		pieces.slice(0, -1).forEach((piece) => {
			delete piece.credit;
		});
		return pieces;
	});
}

/** The writer's words just before a quoted block: the previous paragraph, or what follows a merged boundary at the end of the previous quote. */
function leadInOf(previous: Block | undefined): string | undefined {
	if (previous?.kind === 'paragraph') return previous.text;
	const last = previous?.kind === 'quote' ? previous.paragraphs.at(-1) : undefined;
	const boundary = last ? findMergedBoundaries(last.text).at(-1) : undefined;
	return last && boundary ? last.text.slice(boundary.index) : undefined;
}

/** Finds, for every quoted block, the outlet the text around it proposes and any merged boundary. */
export function analyseQuotes(blocks: Block[], outlets: KnownOutlet[]): Map<QuoteBlock, AnalysedQuote> {
	const quotes = new Map<QuoteBlock, AnalysedQuote>();
	blocks.forEach((block, i) => {
		if (block.kind !== 'quote') return;
		const next = blocks[i + 1];
		const attribution = proposeAttribution(
			{
				leadIn: leadInOf(blocks[i - 1]),
				firstParagraph: block.paragraphs[0]?.text ?? '',
				credit: block.credit,
				next: next?.kind === 'paragraph' ? textOf(next) : undefined,
			},
			outlets,
		);
		const boundaries = block.paragraphs.flatMap((paragraph, index) => findMergedBoundaries(paragraph.text).map((b) => ({ ...b, paragraph: index })));
		quotes.set(block, { block, attribution, boundaries });
	});
	return quotes;
}

/**
 * Imports one raw article into `<contentDir>/articles/<slug>.md`: reads and recognises the
 * input, fills the frontmatter from what it holds (placeholders for the rest), puts quoted
 * passages in `:::quote` blocks with a proposed or unknown outlet, flags suspected merged
 * boundaries, and writes the file only after checking, on a temporary copy rendered by the
 * site's own pipeline, that the article's text has every word of the input's body in order.
 * Throws an `ImportError` (nothing written) for bad input, an existing article without
 * `force`, or a lost word.
 */
export async function importArticle(options: ImportOptions): Promise<ImportResult> {
	const input = readInput(options.file);
	const format = detectFormat(options.file, input.text);
	const glossary = loadGlossary(path.join(options.contentDir, 'glossary'));
	const outlets = knownOutlets(glossary);
	const document = await parse(format, options.file, input.text, outlets);
	if (!document.blocks.length) throw new ImportError(`${options.file} holds no article text: no paragraph was found`);

	const slug = articleSlug(options.slug, document.metadata.title, options.file);
	const folder = path.join(options.contentDir, 'articles');
	const target = path.join(folder, `${slug}.md`);
	const exists = fs.existsSync(target);
	if (exists && !options.force) {
		throw new ImportError(`${displayPath(target)} already exists: pass --force to replace it, or choose another address with --slug`);
	}

	const blocks = splitAfterBoundaries(document.blocks);
	const quotes = analyseQuotes(blocks, outlets);
	const markdown = composeArticle(document.metadata, blocks, quotes);
	fs.mkdirSync(folder, { recursive: true });
	// Written beside the target under a name the site ignores, checked, then renamed over it:
	// a failed check leaves no article behind and never touches an existing one.
	const temporary = path.join(folder, `.${slug}.md.import-${process.pid}`);
	fs.writeFileSync(temporary, markdown);
	let words: WordCheck;
	try {
		const { sources: _sources, ...found } = document.metadata;
		words = await checkWordsKept(fs.readFileSync(temporary, 'utf8'), displayPath(target), document.bodyText, glossary, found);
		if (words.fieldsChanged.length) {
			throw new ImportError(
				`the written frontmatter would not give back ${words.fieldsChanged.map((f) => `\`${f}\``).join(', ')} as found in ${options.file}; nothing was written. Please report this input.`,
			);
		}
		if (words.difference) {
			const d = words.difference;
			throw new ImportError(
				`the written article would not keep every word of ${options.file} (word ${d.index + 1}: the input has “${d.input}”, the article “${d.article}”); nothing was written. Please report this input.`,
			);
		}
		fs.renameSync(temporary, target);
	} finally {
		fs.rmSync(temporary, { force: true });
	}
	const missing: ImportResult['missing'] = [...REQUIRED.filter((field) => document.metadata[field] === undefined), 'summary'];
	return {
		written: displayPath(target),
		slug,
		format,
		metadata: document.metadata,
		missing,
		quotes: [...quotes.values()],
		words,
		replaced: exists,
		outletsKnown: outlets.length,
		titlePrefix: document.metadata.title ? republisherPrefix(document.metadata.title, outlets) : undefined,
	};
}

/** Diagnostics of the written article other than the placeholders the import left on purpose. */
export function unexpectedDiagnostics(result: ImportResult): Diagnostic[] {
	return result.words.diagnostics.filter((d) => d.severity === 'error' && d.rule !== 'placeholder');
}
