import type { BlockContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { Glossary } from '../corpus/glossary.ts';
import { annotationsOf, cardElementId, entryHref, type Confidence, type QuoteRecord } from './annotations.ts';
import { didYouMean, report, suggest } from './diagnostics.ts';
import { anchorFromText, firstWords, formatDate } from './text.ts';

export interface RemarkQuotesOptions {
	glossary: Glossary;
	/** Base path of the site, ending in `/`. */
	base: string;
}

const ATTRIBUTES = ['id', 'outlet', 'evidence', 'how', 'confidence', 'headline', 'author', 'date', 'url', 'via', 'reason'] as const;
const CONFIDENCES: Confidence[] = ['high', 'medium', 'low'];

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
 * <figure class="quote" id="quote-sunni-militants-have-seized-an" data-outlet="ap">
 *   <blockquote cite="…"><p>Sunni militants have seized an Iraqi crossing …</p></blockquote>
 *   <figcaption data-pagefind-ignore>… <a data-entity="ap" …>Associated Press</a> … <details>…</details></figcaption>
 * </figure>
 * ```
 * `outlet=unknown` needs a `reason`. A `>` blockquote outside `:::quote`, a quote without an
 * outlet, an outlet that is not a glossary entry of type outlet, or a bad attribute is an error.
 */
export const remarkQuotes: Plugin<[RemarkQuotesOptions], Root> = function ({ glossary, base }) {
	return (tree: Root, file: VFile) => {
		const record = annotationsOf(file);
		visitParents(tree, (node, ancestors) => {
			if (node.type === 'containerDirective' && node.name === 'quote') node.data = { hName: 'figure' };
			if (node.type === 'blockquote') {
				const inQuote = ancestors.some((a) => a.type === 'containerDirective' && (a as ContainerDirective).name === 'quote');
				if (!inQuote) {
					report(file, 'error', 'quote-without-outlet', node.position?.start, 'this quoted block does not say which outlet it comes from',
						'wrap it in `:::quote{outlet=<glossary id>}` … `:::`, or `:::quote{outlet=unknown reason="…"}` when it cannot be identified');
				}
				return;
			}
			if (node.type !== 'containerDirective' || node.name !== 'quote') return;
			const quote = node as ContainerDirective;
			const place = quote.position?.start;
			const attrs = (quote.attributes ?? {}) as Record<string, string | null | undefined>;
			for (const key of Object.keys(attrs)) {
				if (!(ATTRIBUTES as readonly string[]).includes(key)) {
					const near = suggest(key, ATTRIBUTES);
					report(file, 'error', 'unknown-attribute', place, `unknown attribute \`${key}\` on :::quote`,
						`${near.length ? `did you mean ${didYouMean(near)}? ` : ''}known attributes: ${ATTRIBUTES.join(', ')}`);
				}
			}
			const blockquotes = quote.children.filter((c) => c.type === 'blockquote');
			const others = quote.children.filter((c) => c.type !== 'blockquote');
			if (blockquotes.length !== 1 || others.length > 0) {
				report(file, 'error', 'quote-shape', place, `:::quote must hold exactly one \`>\` blockquote and nothing else (found ${blockquotes.length} blockquote${blockquotes.length === 1 ? '' : 's'}${others.length ? ` and ${others.length} other block${others.length === 1 ? '' : 's'}` : ''})`,
					'put every quoted paragraph behind `> ` (a line holding only `>` separates paragraphs), and the editors\' words outside the `:::` fences');
			}
			const outletId = attrs.outlet?.trim();
			const quoteText = blockquotes.flatMap((b) => b.children.map((c) => toString(c))).join(' ');
			const excerpt = firstWords(quoteText, 12);
			let evidence: QuoteRecord['evidence'];
			let outletName: string | undefined;
			if (!outletId) {
				report(file, 'error', 'quote-without-outlet', place, ':::quote has no `outlet`', 'add `outlet=<glossary id of the outlet>`, or `outlet=unknown reason="why it cannot be identified"`');
				return;
			}
			if (outletId === 'unknown') {
				evidence = 'unknown';
				if (!attrs.reason?.trim()) {
					report(file, 'error', 'unknown-outlet-without-reason', place, '`outlet=unknown` needs a `reason`', 'add `reason="…"` saying why the outlet could not be identified');
				}
			} else {
				const entry = glossary.entries.get(outletId);
				if (!entry) {
					const outlets = [...glossary.entries.values()].filter((e) => e.type === 'outlet').map((e) => e.id);
					const near = suggest(outletId, outlets.length ? outlets : glossary.entries.keys());
					report(file, 'error', 'unknown-outlet', place, `unknown outlet \`${outletId}\``,
						near.length ? `did you mean ${didYouMean(near)}? Or add content/glossary/${outletId}.md with type: outlet` : `add content/glossary/${outletId}.md with type: outlet`);
					return;
				}
				if (entry.type !== 'outlet') {
					report(file, 'error', 'not-an-outlet', place, `\`${outletId}\` is a ${entry.type}, not an outlet`, `use the id of a glossary entry of type outlet, or set type: outlet in ${entry.file}`);
					return;
				}
				outletName = entry.name;
				const given = attrs.evidence?.trim() || 'editors';
				if (given !== 'named' && given !== 'editors') {
					report(file, 'error', 'invalid-evidence', place, `evidence must be \`named\` or \`editors\`, not \`${given}\``, 'use `evidence=named` when the article names the outlet, `evidence=editors` when the editors identified it');
				}
				evidence = given === 'named' ? 'named' : 'editors';
				if (evidence === 'editors' && !attrs.how?.trim()) {
					report(file, 'error', 'evidence-without-how', place, 'an outlet identified by the editors needs `how`', 'add `how="…"` saying how it was identified, e.g. "same wording as an AP wire story of 21 June 2014"');
				}
			}
			const confidence = (attrs.confidence?.trim() || (evidence === 'named' ? 'high' : evidence === 'unknown' ? 'low' : '')) as Confidence;
			if (!CONFIDENCES.includes(confidence)) {
				report(file, 'error', 'invalid-confidence', place, attrs.confidence ? `confidence must be high, medium or low, not \`${attrs.confidence}\`` : 'an attribution by the editors needs a `confidence`', 'add `confidence=high`, `confidence=medium` or `confidence=low`');
			}
			for (const key of ['url'] as const) {
				const value = attrs[key];
				if (value && !/^https?:\/\/\S+$/i.test(value)) {
					report(file, 'error', 'invalid-url', place, `\`${key}\` must be an http(s) address, not \`${value}\``, 'write the full address, starting with https://');
				}
			}
			if (attrs.date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(attrs.date)) {
				report(file, 'error', 'invalid-date', place, `\`date\` must be written YYYY-MM-DD, not \`${attrs.date}\``, 'e.g. date=2014-06-21');
			}

			const id = attrs.id?.trim() || anchorFromText('quote', quoteText, 5);
			const quoteRecord: QuoteRecord = {
				id,
				outlet: outletId,
				evidence,
				how: (evidence === 'unknown' ? attrs.reason : attrs.how)?.trim() || undefined,
				confidence: CONFIDENCES.includes(confidence) ? confidence : 'low',
				headline: attrs.headline?.trim() || undefined,
				author: attrs.author?.trim() || undefined,
				date: attrs.date?.trim() || undefined,
				url: attrs.url?.trim() || undefined,
				via: attrs.via?.trim() || undefined,
				excerpt,
			};
			record.quotes.push(quoteRecord);

			const blockquote = blockquotes[0];
			if (blockquote && quoteRecord.url) {
				blockquote.data = { ...blockquote.data, hProperties: { ...(blockquote.data?.hProperties ?? {}), cite: quoteRecord.url } };
			}
			const caption = {
				type: 'quoteCaption',
				data: { hName: 'figcaption', hProperties: { className: ['quote-source'], dataPagefindIgnore: '' }, hChildren: captionContent(quoteRecord, outletName, base) },
			};
			quote.children = [...quote.children, caption as unknown as BlockContent];
			quote.data = { hName: 'figure', hProperties: { className: ['quote'], id, dataOutlet: outletId, dataConfidence: quoteRecord.confidence } };
		});
	};
};

function captionContent(quote: QuoteRecord, outletName: string | undefined, base: string): ElementContent[] {
	const parts: ElementContent[] = [];
	if (quote.outlet === 'unknown' || !outletName) {
		parts.push(h('span.quote-outlet', 'Outlet not identified'));
	} else {
		parts.push(
			h('span.quote-outlet', [
				h('span.quote-label', 'Source: '),
				h('a.entity', { href: entryHref(base, quote.outlet), dataEntity: quote.outlet, ariaDescribedBy: cardElementId(quote.outlet) }, outletName),
			]),
		);
	}
	const details: ElementContent[] = [];
	if (quote.headline) details.push(h('cite.quote-headline', `“${quote.headline}”`));
	if (quote.author) details.push(h('span.quote-author', `by ${quote.author}`));
	if (quote.date) details.push(h('time', { dateTime: quote.date }, formatDate(quote.date)));
	if (quote.via) details.push(h('span.quote-via', `as carried by ${quote.via}`));
	if (quote.url) details.push(h('a.quote-original', { href: quote.url, rel: ['noopener', 'noreferrer', 'external'] }, 'original'));
	for (const item of details) parts.push({ type: 'text', value: ', ' }, item);
	const summary =
		quote.evidence === 'named' ? 'Named in the article' : quote.evidence === 'unknown' ? 'Why it is not identified' : 'Identified by the editors';
	parts.push(
		{ type: 'text', value: ' ' },
		h('details.quote-evidence', [
			h('summary', [summary, h('span.quote-confidence', ` · ${quote.confidence} confidence`)]),
			h('p', quote.how ?? (quote.evidence === 'named' ? 'The article itself names this outlet.' : '')),
		]),
	);
	return parts;
}
