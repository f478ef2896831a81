import type { BlockContent, Nodes, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import { impossibleDate } from '../schemas/dates.ts';
import { CONFIDENCES, type Confidence, type QuoteRecord } from '../schemas/annotations.ts';
import { failedEntryFor, suggestEntries } from './suggestions.ts';
import { createRoutes, type Routes } from '../routes.ts';
import { annotationsOf, cardElementId } from './annotations.ts';
import { didYouMean, report, suggest } from './diagnostics.ts';
import { isPageId } from './page-ids.ts';
import { anchorFromText, firstWords, formatDate, uniqueId } from './text.ts';

export interface RemarkQuotesOptions {
	glossary: GlossaryIndex;
	/** Base path of the site, ending in `/`. */
	base: string;
}

const ATTRIBUTES = ['id', 'outlet', 'evidence', 'basis', 'how', 'confidence', 'headline', 'author', 'date', 'url', 'via', 'reason'] as const;
/** A `basis` is shown in one line of the caption; longer explanations belong in `how`. */
const BASIS_MAX = 90;

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
				const inQuote = ancestors.some((a) => a.type === 'containerDirective' && (a as ContainerDirective).name === 'quote');
				// Right after a `:::quote{…}` line that could not be read (reported where it is written),
				// the blockquote does say where it comes from: its opening line is what is wrong.
				const parent = ancestors.at(-1);
				const siblings: readonly Nodes[] = parent && 'children' in parent ? parent.children : [];
				const before = siblings[siblings.indexOf(node) - 1];
				const afterUnreadQuote = before?.type === 'paragraph' && /^:::quote\b/.test(toString(before));
				if (!inQuote && !afterUnreadQuote) {
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
					const failed = failedEntryFor(glossary, { id: outletId });
					if (failed) {
						report(file, 'error', 'entry-has-errors', place, `the glossary entry \`${outletId}\` has errors (${failed.file}), so this quoted block cannot name it as its outlet`,
							`fix the errors reported for ${failed.file}; this quote needs no change`, failed.file);
						return;
					}
					const near = suggestEntries(glossary, { id: outletId }, { filter: (e) => e.type === 'outlet' });
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
			if (!(CONFIDENCES as readonly string[]).includes(confidence)) {
				report(file, 'error', 'invalid-confidence', place, attrs.confidence ? `confidence must be high, medium or low, not \`${attrs.confidence}\`` : 'an attribution by the editors needs a `confidence`', 'add `confidence=high`, `confidence=medium` or `confidence=low`');
			}
			let url = attrs.url?.trim() || undefined;
			if (url && !/^https?:\/\/\S+$/i.test(url)) {
				report(file, 'error', 'invalid-url', place, `\`url\` must be an http(s) address, not \`${url}\``, 'write the full address, starting with https://');
				url = undefined;
			}
			let date = attrs.date?.trim() || undefined;
			if (date && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
				report(file, 'error', 'invalid-date', place, `\`date\` must be written YYYY-MM-DD, not \`${date}\``, 'e.g. date=2014-06-21');
				date = undefined;
			} else if (date && impossibleDate(date)) {
				report(file, 'error', 'invalid-date', place, `\`date=${date}\` is not a date that exists: ${impossibleDate(date)}`, 'check the date against the source, e.g. date=2014-06-21');
				date = undefined;
			}

			const basis = attrs.basis?.trim() || undefined;
			if (basis && evidence !== 'editors') {
				report(file, 'error', 'basis-without-editors', place, '`basis` is only for outlets identified by the editors (`evidence=editors`)',
					evidence === 'unknown' ? 'say why the outlet is unknown in `reason`' : 'remove `basis`: a named outlet needs no evidence phrase');
			}
			if (basis && basis.length > BASIS_MAX) {
				report(file, 'error', 'basis-too-long', place, `\`basis\` is ${basis.length} characters long; the caption shows it in one line (at most ${BASIS_MAX})`,
					'keep a few words in `basis`, e.g. "same wording as an AP wire story of 21 June 2014", and the full account in `how`');
			}
			const explicitId = attrs.id?.trim();
			const taken = quoteIdsOf(file);
			if (explicitId && taken.has(explicitId)) {
				report(file, 'error', 'duplicate-quote-id', place, `another quoted block already has the id \`${explicitId}\``, 'give each :::quote its own `#id`, or leave it out to have one made from the first words');
			} else if (explicitId && isPageId(explicitId)) {
				report(file, 'error', 'page-id', place, `the id \`${explicitId}\` is one the article page uses for itself`,
					`choose another \`#id\` (ids starting with \`quote-\` are always free), or leave it out to have one made from the first words`);
			}
			const id = explicitId ?? uniqueId(anchorFromText('quote', quoteText, 5), taken);
			taken.add(id);
			const quoteRecord: QuoteRecord = {
				id,
				outlet: outletId,
				evidence,
				how: (evidence === 'unknown' ? attrs.reason : attrs.how)?.trim() || undefined,
				basis: evidence === 'editors' ? basis : undefined,
				confidence: (CONFIDENCES as readonly string[]).includes(confidence) ? confidence : 'low',
				headline: attrs.headline?.trim() || undefined,
				author: attrs.author?.trim() || undefined,
				date,
				url,
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
				data: { hName: 'figcaption', hProperties: { className: ['quote-source'], dataPagefindIgnore: '' }, hChildren: captionContent(quoteRecord, outletName, routes) },
			};
			quote.children = [...quote.children, caption as unknown as BlockContent];
			quote.data = {
				hName: 'figure',
				hProperties: { className: ['quote'], id, dataOutlet: outletId, dataConfidence: quoteRecord.confidence, ariaLabel: `Quoted block ${record.quotes.length}` },
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
	const phrase =
		quote.evidence === 'named'
			? 'Named in the article'
			: `Identified by the editors${quote.basis ? `: ${quote.basis}` : ''}`;
	parts.push(
		text(' '),
		h('details.quote-evidence', [
			h('summary', [h('span.quote-basis', phrase), text(' · '), h('span.quote-confidence', `${quote.confidence} confidence`)]),
			h('p', quote.how ?? (quote.evidence === 'named' ? 'The article itself names this outlet.' : '')),
		]),
	);
	return parts;
}
