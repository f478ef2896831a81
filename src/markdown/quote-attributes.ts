/**
 * Checks of a `:::quote` directive, apart from the plugin that renders it (remark-quotes.ts): its
 * attribute names, its shape (one `>` blockquote), and what its attributes say about the outlet.
 * Each problem is reported on the file at the directive, with the rule id and a fix.
 */
import type { BlockContent, DefinitionContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Point } from 'unist';
import type { VFile } from 'vfile';
import { impossibleDate } from '../schemas/dates.ts';
import { CONFIDENCES, type Confidence, type Evidence } from '../schemas/annotations.ts';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import { didYouMean, report, suggest } from './diagnostics.ts';
import { failedEntryFor, suggestEntries } from './suggestions.ts';

/** The attributes a `:::quote` takes. */
export const QUOTE_ATTRIBUTES = ['id', 'outlet', 'evidence', 'basis', 'how', 'confidence', 'headline', 'author', 'date', 'url', 'via', 'reason'] as const;

/** A `basis` is shown in one line of the caption; longer explanations belong in `how`. */
export const BASIS_MAX = 90;

/** The attributes of a directive as remark-directive gives them. */
export type DirectiveAttributes = NonNullable<ContainerDirective['attributes']>;

/** What a `:::quote`'s attributes say, checked: everything the quote record needs but its id and words. */
export interface QuoteAttributes {
	/** Glossary id of the outlet, or `unknown`. */
	outlet: string;
	/** The outlet entry's name (absent for `unknown`). */
	outletName?: string;
	evidence: Evidence;
	/** `how`, or for `outlet=unknown` the `reason`. */
	how?: string;
	basis?: string;
	confidence: Confidence;
	headline?: string;
	author?: string;
	date?: string;
	url?: string;
	via?: string;
}

interface Where {
	file: VFile;
	/** Where the directive starts. */
	place: Point | undefined;
}

/** Reports every attribute that a `:::quote` does not take, with the nearest known name. */
export function checkAttributeNames(attrs: DirectiveAttributes, { file, place }: Where): void {
	for (const key of Object.keys(attrs)) {
		if (!(QUOTE_ATTRIBUTES as readonly string[]).includes(key)) {
			const near = suggest(key, QUOTE_ATTRIBUTES);
			report(
				file,
				'error',
				'unknown-attribute',
				place,
				`unknown attribute \`${key}\` on :::quote`,
				`${near.length ? `did you mean ${didYouMean(near)}? ` : ''}known attributes: ${QUOTE_ATTRIBUTES.join(', ')}`,
			);
		}
	}
}

/** Reports a `:::quote` that does not hold exactly one `>` blockquote and nothing else. */
export function checkQuoteShape(children: readonly (BlockContent | DefinitionContent)[], { file, place }: Where): void {
	const blockquotes = children.filter((c) => c.type === 'blockquote').length;
	const others = children.length - blockquotes;
	if (blockquotes !== 1 || others > 0) {
		report(
			file,
			'error',
			'quote-shape',
			place,
			`:::quote must hold exactly one \`>\` blockquote and nothing else (found ${blockquotes} blockquote${blockquotes === 1 ? '' : 's'}${others ? ` and ${others} other block${others === 1 ? '' : 's'}` : ''})`,
			"put every quoted paragraph behind `> ` (a line holding only `>` separates paragraphs), and the editors' words outside the `:::` fences",
		);
	}
}

/**
 * Reads what a `:::quote`'s attributes say about its outlet and how it is known, reporting each
 * problem. Returns undefined when the quote cannot be recorded at all (no outlet, or an outlet that
 * is not a usable outlet entry); otherwise the values, with invalid ones left out.
 */
export function readQuoteAttributes(attrs: DirectiveAttributes, glossary: GlossaryIndex, { file, place }: Where): QuoteAttributes | undefined {
	const outletId = attrs.outlet?.trim();
	let evidence: Evidence;
	let outletName: string | undefined;
	if (!outletId) {
		report(file, 'error', 'quote-without-outlet', place, ':::quote has no `outlet`', 'add `outlet=<glossary id of the outlet>`, or `outlet=unknown reason="why it cannot be identified"`');
		return undefined;
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
				report(
					file,
					'error',
					'entry-has-errors',
					place,
					`the glossary entry \`${outletId}\` has errors (${failed.file}), so this quoted block cannot name it as its outlet`,
					`fix the errors reported for ${failed.file}; this quote needs no change`,
					failed.file,
				);
				return undefined;
			}
			const near = suggestEntries(glossary, { id: outletId }, { filter: (e) => e.type === 'outlet' });
			report(
				file,
				'error',
				'unknown-outlet',
				place,
				`unknown outlet \`${outletId}\``,
				near.length ? `did you mean ${didYouMean(near)}? Or add content/glossary/${outletId}.md with type: outlet` : `add content/glossary/${outletId}.md with type: outlet`,
			);
			return undefined;
		}
		if (entry.type !== 'outlet') {
			report(file, 'error', 'not-an-outlet', place, `\`${outletId}\` is a ${entry.type}, not an outlet`, `use the id of a glossary entry of type outlet, or set type: outlet in ${entry.file}`);
			return undefined;
		}
		outletName = entry.name;
		const given = attrs.evidence?.trim() || 'editors';
		if (given !== 'named' && given !== 'editors') {
			report(
				file,
				'error',
				'invalid-evidence',
				place,
				`evidence must be \`named\` or \`editors\`, not \`${given}\``,
				'use `evidence=named` when the article names the outlet, `evidence=editors` when the editors identified it',
			);
		}
		evidence = given === 'named' ? 'named' : 'editors';
		if (evidence === 'editors' && !attrs.how?.trim()) {
			report(
				file,
				'error',
				'evidence-without-how',
				place,
				'an outlet identified by the editors needs `how`',
				'add `how="…"` saying how it was identified, e.g. "same wording as an AP wire story of 21 June 2014"',
			);
		}
	}
	const confidence = attrs.confidence?.trim() || (evidence === 'named' ? 'high' : evidence === 'unknown' ? 'low' : '');
	const knownConfidence = CONFIDENCES.find((c) => c === confidence);
	if (!knownConfidence) {
		report(
			file,
			'error',
			'invalid-confidence',
			place,
			attrs.confidence ? `confidence must be high, medium or low, not \`${attrs.confidence}\`` : 'an attribution by the editors needs a `confidence`',
			'add `confidence=high`, `confidence=medium` or `confidence=low`',
		);
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
		report(
			file,
			'error',
			'basis-without-editors',
			place,
			'`basis` is only for outlets identified by the editors (`evidence=editors`)',
			evidence === 'unknown' ? 'say why the outlet is unknown in `reason`' : 'remove `basis`: a named outlet needs no evidence phrase',
		);
	}
	if (basis && basis.length > BASIS_MAX) {
		report(
			file,
			'error',
			'basis-too-long',
			place,
			`\`basis\` is ${basis.length} characters long; the caption shows it in one line (at most ${BASIS_MAX})`,
			'keep a few words in `basis`, e.g. "same wording as an AP wire story of 21 June 2014", and the full account in `how`',
		);
	}
	return {
		outlet: outletId,
		outletName,
		evidence,
		how: (evidence === 'unknown' ? attrs.reason : attrs.how)?.trim() || undefined,
		basis: evidence === 'editors' ? basis : undefined,
		confidence: knownConfidence ?? 'low',
		headline: attrs.headline?.trim() || undefined,
		author: attrs.author?.trim() || undefined,
		date,
		url,
		via: attrs.via?.trim() || undefined,
	};
}
