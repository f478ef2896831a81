/**
 * The annotations as open data: where each marked name and each quoted block sits in an article's
 * text, and the same as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).
 *
 * "The article's text" is defined once, here: the rendered article body with every element
 * carrying `data-pagefind-ignore` removed (editors' notes, `[sic]` corrections, quote captions),
 * turned into text with the HTML `innerText` algorithm (as implemented by `hast-util-to-text`:
 * white space collapsed, blocks separated by line breaks). These are the original words of the
 * article, nothing added. Offsets count Unicode code points from 0; `end` is exclusive.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { RepeatIndex } from './suffix-array.ts';

/** A marked name in the article's text. */
export interface MarkSpan {
	entity: string;
	/** The words as the article writes them (`text.slice(start, end)` in code points). */
	exact: string;
	start: number;
	end: number;
}

/** A quoted block in the article's text: the words of its `<blockquote>`. */
export interface QuoteSpan {
	/** Anchor of the `<figure>`. */
	id: string;
	outlet: string;
	exact: string;
	start: number;
	end: number;
}

export interface ArticleText {
	text: string;
	marks: MarkSpan[];
	quotes: QuoteSpan[];
}

// Private-use characters mark where spans begin and end while the text is extracted.
const MARK_START = '\uE000';
const MARK_END = '\uE001';
const QUOTE_START = '\uE002';
const QUOTE_END = '\uE003';
const SENTINELS = /[\uE000-\uE003]/;

function isIgnored(node: ElementContent): boolean {
	return node.type === 'element' && node.properties.dataPagefindIgnore !== undefined;
}

function stripIgnored<T extends Root | Element>(node: T): void {
	node.children = node.children.filter((child) => !isIgnored(child as ElementContent)) as T['children'];
	for (const child of node.children) if (child.type === 'element') stripIgnored(child);
}

function textNodes(node: Root | Element): Text[] {
	const found: Text[] = [];
	const walk = (n: Root | ElementContent) => {
		if (n.type === 'text') found.push(n);
		else if ('children' in n) for (const c of n.children) walk(c as ElementContent);
	};
	walk(node);
	return found;
}

function elements(node: Root | Element, test: (el: Element) => boolean): Element[] {
	const found: Element[] = [];
	const walk = (n: Root | ElementContent) => {
		if (n.type === 'element' && test(n)) found.push(n);
		if ('children' in n) for (const c of n.children) walk(c as ElementContent);
	};
	walk(node);
	return found;
}

/**
 * Puts `start` just before the first non-space character of an element's text and `end` just
 * after its last one. The sentinels sit inside existing text nodes, so white-space collapsing
 * and block line breaks come out exactly as without them.
 */
function bracket(el: Element, start: string, end: string): boolean {
	const texts = textNodes(el).filter((t) => /\S/.test(t.value));
	const first = texts[0];
	const last = texts[texts.length - 1];
	if (!first || !last) return false;
	first.value = first.value.replace(/^(\s*)/, `$1${start}`);
	last.value = last.value.replace(/(\s*)$/, `${end}$1`);
	return true;
}

/** The article's text (see the module comment) and the spans of its marks and quoted blocks. */
export function articleText(html: string): ArticleText {
	const tree = fromHtml(html, { fragment: true });
	stripIgnored(tree);
	const marks = elements(tree, (el) => typeof el.properties.dataEntity === 'string');
	const figures = elements(tree, (el) => el.tagName === 'figure' && typeof el.properties.dataOutlet === 'string');
	// Quotes first, so that a quote starting with a name reads QUOTE_START MARK_START.
	const quoted = figures.filter((figure) => {
		const blockquote = elements(figure, (el) => el.tagName === 'blockquote')[0];
		return blockquote ? bracket(blockquote, QUOTE_START, QUOTE_END) : false;
	});
	const marked = marks.filter((mark) => bracket(mark, MARK_START, MARK_END));
	const withSentinels = toText(tree);

	const codePoints: string[] = [];
	const markStarts: number[] = [];
	const markEnds: number[] = [];
	const quoteStarts: number[] = [];
	const quoteEnds: number[] = [];
	for (const ch of withSentinels) {
		if (ch === MARK_START) markStarts.push(codePoints.length);
		else if (ch === MARK_END) markEnds.push(codePoints.length);
		else if (ch === QUOTE_START) quoteStarts.push(codePoints.length);
		else if (ch === QUOTE_END) quoteEnds.push(codePoints.length);
		else codePoints.push(ch);
	}
	if (markStarts.length !== marked.length || markEnds.length !== marked.length || quoteStarts.length !== quoted.length || quoteEnds.length !== quoted.length) {
		throw new Error('open data: a marked name or quoted block lost its place in the article text (a nested mark?)');
	}
	const text = codePoints.join('');
	if (SENTINELS.test(text)) throw new Error('open data: the article text contains private-use characters U+E000–U+E003');
	const slice = (start: number, end: number) => codePoints.slice(start, end).join('');
	return {
		text,
		marks: marked.map((mark, i) => ({
			entity: String(mark.properties.dataEntity),
			exact: slice(markStarts[i]!, markEnds[i]!),
			start: markStarts[i]!,
			end: markEnds[i]!,
		})),
		quotes: quoted.map((figure, i) => ({
			id: String(figure.properties.id ?? ''),
			outlet: String(figure.properties.dataOutlet),
			exact: slice(quoteStarts[i]!, quoteEnds[i]!),
			start: quoteStarts[i]!,
			end: quoteEnds[i]!,
		})),
	};
}

/** A Web Annotation `TextQuoteSelector`. */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	prefix: string;
	suffix: string;
}

/** A Web Annotation `TextPositionSelector` (code points, end exclusive). */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

/** The most context a quote selector takes on each side (in code points). */
export const MAX_CONTEXT = 256;

/**
 * Quote selectors for spans of one text: 32 code points of context on each side, more (up to
 * `MAX_CONTEXT`) when that is needed to make prefix + exact + suffix occur only once in the text.
 * In text that repeats itself further than that, the position selector beside it tells the
 * occurrences apart. The text is indexed once (`RepeatIndex`), so each span's check costs the
 * same however long the article is: the work stays linear in the article's size (apart from the
 * index's logarithmic factor).
 */
export function quoteSelectors(codePoints: string[]): (start: number, end: number) => TextQuoteSelector {
	const text = codePoints.join('');
	// UTF-16 offset of each code point, and of the end.
	const offsets = new Array<number>(codePoints.length + 1);
	offsets[0] = 0;
	for (let i = 0; i < codePoints.length; i++) offsets[i + 1] = offsets[i]! + codePoints[i]!.length;
	const slice = (from: number, to: number) => text.slice(offsets[Math.max(0, from)], offsets[Math.min(codePoints.length, to)]);
	let repeats: RepeatIndex | undefined;
	const occursOnce = (from: number, to: number) => {
		repeats ??= new RepeatIndex(Int32Array.from(codePoints, (c) => c.codePointAt(0)!));
		return repeats.isUnique(from, to - from);
	};
	return (start, end) => {
		const exact = slice(start, end);
		for (let context = 32; ; context += 32) {
			const from = Math.max(0, start - context);
			const to = Math.min(codePoints.length, end + context);
			const whole = from === 0 && to === codePoints.length;
			if (whole || context >= MAX_CONTEXT || (to > from && occursOnce(from, to))) return { type: 'TextQuoteSelector', exact, prefix: slice(from, start), suffix: slice(end, to) };
		}
	};
}

/** A quote selector for one span (see `quoteSelectors` for many spans of one text). */
export function quoteSelector(codePoints: string[], start: number, end: number): TextQuoteSelector {
	return quoteSelectors(codePoints)(start, end);
}

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface AnnotationInput {
	/** Absolute URL of the article page. */
	articleUrl: string;
	/** Absolute URL of the JSON-LD file itself (ids of the collection, page and annotations hang off it). */
	collectionUrl: string;
	title: string;
	spans: ArticleText;
	/** Absolute URL of a glossary entry. */
	entryUrl: (id: string) => string;
	/** Display name of an outlet, for the quote's description. */
	outletName: (id: string) => string | undefined;
	/** One line on how a quote's outlet is known. */
	quoteNote: (quoteId: string) => string;
	/** Absolute URL of the data files' README section. */
	generator?: string;
}

/**
 * An article's annotations as a Web Annotation `AnnotationCollection` holding one
 * `AnnotationPage`: an `identifying` annotation per marked name (body: the glossary entry) and a
 * `describing` annotation per quoted block (bodies: the outlet's entry and a note on how the
 * outlet is known). Targets carry a `TextQuoteSelector` and an equivalent `TextPositionSelector`.
 */
export function webAnnotations(input: AnnotationInput) {
	const selectorFor = quoteSelectors([...input.spans.text]);
	const target = (start: number, end: number) => ({
		source: input.articleUrl,
		selector: [selectorFor(start, end), { type: 'TextPositionSelector', start, end } satisfies TextPositionSelector],
	});
	const names = input.spans.marks.map((mark, i) => ({
		id: `${input.collectionUrl}#name-${i + 1}`,
		type: 'Annotation',
		motivation: 'identifying',
		body: { id: input.entryUrl(mark.entity), type: 'SpecificResource', purpose: 'identifying' },
		target: target(mark.start, mark.end),
	}));
	const quotes = input.spans.quotes.map((quote, i) => {
		const outlet = input.outletName(quote.outlet);
		const note = { type: 'TextualBody', purpose: 'describing', format: 'text/plain', language: 'en', value: input.quoteNote(quote.id) };
		return {
			id: `${input.collectionUrl}#quote-${i + 1}`,
			type: 'Annotation',
			motivation: 'describing',
			body: outlet ? [{ id: input.entryUrl(quote.outlet), type: 'SpecificResource', purpose: 'identifying' }, note] : [note],
			target: target(quote.start, quote.end),
		};
	});
	const items = [...names, ...quotes];
	return {
		'@context': ANNO_CONTEXT,
		id: input.collectionUrl,
		type: 'AnnotationCollection',
		label: `Annotations of “${input.title}”`,
		total: items.length,
		first: {
			id: `${input.collectionUrl}#page-1`,
			type: 'AnnotationPage',
			partOf: input.collectionUrl,
			startIndex: 0,
			items,
		},
	};
}
