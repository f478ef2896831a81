import type { Data, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import type { ElementContent, Properties } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import type { QuoteRecord } from '../schemas/annotations.ts';
import { createRoutes, type Routes } from '../routes.ts';
import { annotationsOf, cardElementId } from './annotations.ts';
import { report } from './diagnostics.ts';
import { isPageId } from './page-ids.ts';
import { checkAttributeNames, checkQuoteShape, readQuoteAttributes } from './quote-attributes.ts';
import { anchorFromText, firstWords, formatDate, uniqueId } from './text.ts';

/** The caption this plugin adds to a `:::quote`: a node of its own, turned into `<figcaption>` HTML. */
export interface QuoteCaption extends Node {
	type: 'quoteCaption';
	data: Data & { hName: 'figcaption'; hProperties: Properties; hChildren: ElementContent[] };
}

declare module 'mdast' {
	interface BlockContentMap {
		quoteCaption: QuoteCaption;
	}
	interface RootContentMap {
		quoteCaption: QuoteCaption;
	}
}

export interface RemarkQuotesOptions {
	glossary: GlossaryIndex;
	/** Base path of the site, ending in `/`. */
	base: string;
}

/**
 * Wraps a quoted block in a figure that names its outlet and shows how we know.
 *
 * ```md
 * :::quote{outlet=ap evidence=editors confidence=high how="Same wording as an AP wire story of 21 June 2014"}
 * > Sunni militants have seized an Iraqi crossing …
 * :::
 * ```
 * becomes
 * ```html
 * <figure class="quote" id="quote-sunni-militants-have-seized-an" data-outlet="ap" aria-label="Quoted block 1">
 *   <blockquote cite="…"><p>Sunni militants have seized an Iraqi crossing …</p></blockquote>
 *   <figcaption data-pagefind-ignore>Source: <a data-entity="ap" …>Associated Press</a>, as carried by …
 *     <details><summary>Identified by the editors: same wording … · high confidence</summary><p>how</p></details></figcaption>
 * </figure>
 * ```
 * The figure is named "Quoted block N" so that screen readers do not read the caption once as the
 * figure's name and again as its content. `outlet=unknown` needs a `reason`. A `>` blockquote outside `:::quote`, a quote without an
 * outlet, an outlet that is not a glossary entry of type outlet, or a bad attribute is an error.
 */
export const remarkQuotes: Plugin<[RemarkQuotesOptions], Root> = function ({ glossary, base }) {
	const routes = createRoutes(base);
	return (tree: Root, file: VFile) => {
		const record = annotationsOf(file);
		visitParents(tree, (node, ancestors) => {
			if (node.type === 'containerDirective' && node.name === 'quote') node.data = { hName: 'figure' };
			if (node.type === 'blockquote') {
				const inQuote = ancestors.some((a) => a.type === 'containerDirective' && a.name === 'quote');
				// Right after a `:::quote{…}` line that could not be read (reported where it is written),
				// the blockquote does say where it comes from: its opening line is what is wrong.
				const parent = ancestors.at(-1);
				const siblings: readonly Nodes[] = parent && 'children' in parent ? parent.children : [];
				const before = siblings[siblings.indexOf(node) - 1];
				const afterUnreadQuote = before?.type === 'paragraph' && /^:::quote\b/.test(toString(before));
				if (!inQuote && !afterUnreadQuote) {
					report(
						file,
						'error',
						'quote-without-outlet',
						node.position?.start,
						'this quoted block does not say which outlet it comes from',
						'wrap it in `:::quote{outlet=<glossary id>}` … `:::`, or `:::quote{outlet=unknown reason="…"}` when it cannot be identified',
					);
				}
				return;
			}
			if (node.type !== 'containerDirective' || node.name !== 'quote') return;
			const quote = node;
			const where = { file, place: quote.position?.start };
			const attrs = quote.attributes ?? {};
			checkAttributeNames(attrs, where);
			checkQuoteShape(quote.children, where);
			const checked = readQuoteAttributes(attrs, glossary, where);
			if (!checked) return;
			const { outletName, ...fields } = checked;
			const place = where.place;
			const blockquotes = quote.children.filter((c) => c.type === 'blockquote');
			const quoteText = blockquotes.flatMap((b) => b.children.map((c) => toString(c))).join(' ');
			const explicitId = attrs.id?.trim();
			const taken = quoteIdsOf(file);
			if (explicitId && taken.has(explicitId)) {
				report(
					file,
					'error',
					'duplicate-quote-id',
					place,
					`another quoted block already has the id \`${explicitId}\``,
					'give each :::quote its own `#id`, or leave it out to have one made from the first words',
				);
			} else if (explicitId && isPageId(explicitId)) {
				report(
					file,
					'error',
					'page-id',
					place,
					`the id \`${explicitId}\` is one the article page uses for itself`,
					`choose another \`#id\` (ids starting with \`quote-\` are always free), or leave it out to have one made from the first words`,
				);
			}
			const id = explicitId ?? uniqueId(anchorFromText('quote', quoteText, 5), taken);
			taken.add(id);
			const quoteRecord: QuoteRecord = { id, ...fields, excerpt: firstWords(quoteText, 12) };
			record.quotes.push(quoteRecord);

			const blockquote = blockquotes[0];
			if (blockquote && quoteRecord.url) {
				blockquote.data = { ...blockquote.data, hProperties: { ...(blockquote.data?.hProperties ?? {}), cite: quoteRecord.url } };
			}
			const caption: QuoteCaption = {
				type: 'quoteCaption',
				data: { hName: 'figcaption', hProperties: { className: ['quote-source'], dataPagefindIgnore: '' }, hChildren: captionContent(quoteRecord, outletName, routes) },
			};
			quote.children = [...quote.children, caption];
			quote.data = {
				hName: 'figure',
				hProperties: { className: ['quote'], id, dataOutlet: quoteRecord.outlet, dataConfidence: quoteRecord.confidence, ariaLabel: `Quoted block ${record.quotes.length}` },
			};
		});
	};
};

/** Anchors given to quoted blocks so far in this file. */
function quoteIdsOf(file: VFile): Set<string> {
	const data = file.data as { quoteIds?: Set<string> };
	data.quoteIds ??= new Set();
	return data.quoteIds;
}

/**
 * The caption: who (the outlet, as a marked name, and the syndication path), what (headline,
 * author, date, link to the original), and how we know (one visible phrase and a confidence,
 * with the full account behind a native `<details>` that mouse, keyboard and touch all open).
 */
function captionContent(quote: QuoteRecord, outletName: string | undefined, routes: Routes): ElementContent[] {
	const text = (value: string): ElementContent => ({ type: 'text', value });
	const parts: ElementContent[] = [];
	if (quote.outlet === 'unknown' || !outletName) {
		parts.push(h('span.quote-outlet', 'Outlet not identified'));
		if (quote.how) parts.push(text(': '), h('span.quote-reason', quote.how));
		return [h('span.quote-credit', parts)];
	}
	const credit: ElementContent[] = [
		h('span.quote-label', 'Source: '),
		h('a.entity', { href: routes.entry(quote.outlet), dataEntity: quote.outlet, ariaDescribedBy: cardElementId(quote.outlet) }, outletName),
	];
	if (quote.via) credit.push(text(', as carried by '), h('span.quote-via', quote.via));
	const details: ElementContent[] = [];
	if (quote.headline) details.push(h('cite.quote-headline', `“${quote.headline}”`));
	if (quote.author) details.push(h('span.quote-author', `by ${quote.author}`));
	if (quote.date) details.push(h('time', { dateTime: quote.date }, formatDate(quote.date)));
	if (quote.url) details.push(h('a.quote-original', { href: quote.url, rel: ['noopener', 'noreferrer', 'external'] }, 'original'));
	for (const item of details) credit.push(text(', '), item);
	parts.push(h('span.quote-credit', credit));
	const phrase = quote.evidence === 'named' ? 'Named in the article' : `Identified by the editors${quote.basis ? `: ${quote.basis}` : ''}`;
	parts.push(
		text(' '),
		h('details.quote-evidence', [
			h('summary', [h('span.quote-basis', phrase), text(' · '), h('span.quote-confidence', `${quote.confidence} confidence`)]),
			h('p', quote.how ?? (quote.evidence === 'named' ? 'The article itself names this outlet.' : '')),
		]),
	);
	return parts;
}
