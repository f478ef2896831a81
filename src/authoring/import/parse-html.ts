import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Block, ImportedDocument, QuoteBlock, TextBlock } from './document.ts';
import { ImportError } from './errors.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { htmlMetadata, pageParts } from './html-metadata.ts';
import { attribute, findAll, isTag, pruned } from './html-tree.ts';
import type { KnownOutlet } from './outlets.ts';

/** Elements that are never the article's text: page furniture, scripts, media. */
const FURNITURE = new Set([
	'script',
	'style',
	'noscript',
	'template',
	'nav',
	'aside',
	'form',
	'button',
	'iframe',
	'svg',
	'canvas',
	'video',
	'audio',
	'img',
	'picture',
	'head',
	'select',
	'input',
	'textarea',
]);
/** Elements whose text is one paragraph. */
const PARAGRAPHS = new Set(['p', 'li', 'dt', 'dd', 'pre', 'address', 'tr', 'figcaption']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements inside a paragraph. */
const INLINE = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'br',
	'cite',
	'code',
	'data',
	'del',
	'dfn',
	'em',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'time',
	'u',
	'var',
	'wbr',
	'font',
]);

/** Elements that make blocks of their own: a layout table's cell or a list item holding them is read block by block. */
const BLOCKS = new Set(['p', 'div', 'blockquote', 'table', 'ul', 'ol', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'pre']);

function holdsBlocks(el: Element): boolean {
	return el.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || (!INLINE.has(child.tagName) && holdsBlocks(child))));
}

/** Text of an element as one line: white space collapsed, no-break spaces kept. */
function lineOf(node: Element | Root): string {
	return toText(node)
		.replace(/[ \t\n\r\f]+/g, ' ')
		.trim();
}

function paragraph(text: string, markdown = escapeMarkdown(text), line?: number): TextBlock {
	return { kind: 'paragraph', markdown, text, line };
}

/** Turns the article's element into blocks, in reading order. */
class BlockReader {
	readonly blocks: Block[] = [];
	private inline: ElementContent[] = [];

	read(node: Element | Root, into: Block[] = this.blocks): void {
		for (const child of node.children) {
			if (child.type === 'text') {
				this.inline.push(child);
				continue;
			}
			if (child.type !== 'element') continue;
			const tag = child.tagName;
			if (tag === 'br' && this.endsWithBreak()) {
				// Two line breaks in a row separate paragraphs on pages written without `<p>`.
				this.inline.pop();
				this.flush(into);
				continue;
			}
			if (INLINE.has(tag)) {
				this.inline.push(child);
				continue;
			}
			this.flush(into);
			if (PARAGRAPHS.has(tag) && !holdsBlocks(child)) {
				const text = lineOf(child);
				if (text) into.push(paragraph(text, undefined, child.position?.start.line));
			} else if (HEADINGS.has(tag)) {
				const text = lineOf(child);
				const level = Math.max(2, Number(tag[1]));
				if (text) into.push(paragraph(text, `${'#'.repeat(level)} ${escapeMarkdown(text)}`, child.position?.start.line));
			} else if (tag === 'blockquote') {
				this.quote(child, into);
			} else {
				this.read(child, into);
			}
		}
		this.flush(into);
	}

	/** A `<blockquote>`: its paragraphs quoted; a `<footer>` or closing `<cite>` is its credit, kept after it. */
	private quote(element: Element, into: Block[]): void {
		const credits = element.children.filter(
			(c): c is Element => c.type === 'element' && (c.tagName === 'footer' || (c.tagName === 'cite' && c === element.children.filter((x) => x.type === 'element').at(-1))),
		);
		const body: Block[] = [];
		this.read({ ...element, children: element.children.filter((c) => !credits.includes(c as Element)) }, body);
		const paragraphs = body.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.paragraphs));
		const url = attribute(element, 'cite');
		const credit = credits.map(lineOf).filter(Boolean).join(' ');
		if (paragraphs.length) {
			into.push({ kind: 'quote', paragraphs, credit: credit || undefined, url: url && /^https?:\/\/\S+$/i.test(url) ? url : undefined, line: element.position?.start.line } satisfies QuoteBlock);
		}
		if (credit) into.push(paragraph(credit));
	}

	/** True when the inline run so far ends with a `<br>` (white space after it aside). */
	private endsWithBreak(): boolean {
		for (let i = this.inline.length - 1; i >= 0; i--) {
			const node = this.inline[i]!;
			if (node.type === 'text' && !node.value.trim()) continue;
			return node.type === 'element' && node.tagName === 'br';
		}
		return false;
	}

	private flush(into: Block[]): void {
		if (!this.inline.length) return;
		const text = lineOf({ type: 'element', tagName: 'p', properties: {}, children: this.inline });
		this.inline = [];
		if (text) into.push(paragraph(text));
	}
}

/**
 * Reads a news page saved as HTML: the article's element (`<article>`, else `<main>`, else
 * `<body>`) gives the body (`<p>`, `<blockquote>`, headings, lists), without page furniture
 * (navigation, scripts, asides, forms, media) and without the headline, bylines and `<time>`
 * outside the text, which give the frontmatter together with JSON-LD and `og:` metadata.
 */
export function parseHtml(file: string, html: string, outlets: KnownOutlet[]): ImportedDocument {
	const tree: Root = fromHtml(html);
	const parts = pageParts(tree);
	const metadata = htmlMetadata(tree, parts, outlets);
	const left = new Set<Element>([...parts.bylines, ...parts.times, ...(parts.headline ? [parts.headline] : [])]);
	// A quote's `<footer>` is its credit; a page's header or footer is furniture unless it holds paragraphs.
	const quoteFooters = new Set(findAll(parts.content, (el) => isTag(el, 'blockquote')).flatMap((q) => findAll(q, (el) => isTag(el, 'footer'))));
	const keep = (el: Element) => !FURNITURE.has(el.tagName) && !left.has(el) && !(isTag(el, 'footer', 'header') && !quoteFooters.has(el) && !hasText(el, left));
	const body = pruned(parts.content, keep);
	const reader = new BlockReader();
	reader.read(body);
	const bodyText = toText(body);
	if (!bodyText.trim()) throw new ImportError(`${file} is an HTML page without article text: no paragraph was found`);
	return { metadata, blocks: reader.blocks, bodyText };
}

/** A page header or footer counts as text only when it holds paragraphs of its own. */
function hasText(el: Element, left: Set<Element>): boolean {
	const copy = pruned(el, (child) => !FURNITURE.has(child.tagName) && !left.has(child) && !isTag(child, 'nav', 'ul', 'ol'));
	return copy.children.some((child) => child.type === 'element' && isTag(child, 'p'));
}
