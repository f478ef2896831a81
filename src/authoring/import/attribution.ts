import { findOutletMentions, outletNamed, type KnownOutlet, type OutletMention } from './outlets.ts';

/** What the text around a quoted block says about where it came from. */
export interface ProposedAttribution {
	/** The glossary outlet proposed, when the text names one with a cue. */
	outlet?: KnownOutlet;
	/** A name the text gives as the source but the glossary does not know ("Reuters reported"). */
	unknownName?: string;
	/** The words that gave it away, as the text writes them. */
	evidence?: string;
	/** Where they were: before the quote, in a credit line after it, or in its dateline. */
	where?: 'lead-in' | 'credit line' | 'dateline';
}

/** The text around one quoted block. */
export interface QuoteContext {
	/** The paragraph just before the quote (its lead-in), if there is one. */
	leadIn?: string;
	/** The quote's own first paragraph (for a dateline such as "BAGHDAD (AP) —"). */
	firstParagraph: string;
	/** A credit the input gives inside the quote (`<cite>`, `<footer>`). */
	credit?: string;
	/** The paragraph just after the quote, if there is one (a credit line is short). */
	next?: string;
}

const SAID_AFTER = /^\s*(?:has\s+|had\s+|have\s+)?(?:reported|reports|reporting|said|says|wrote|writes|noted|notes|quoted|quotes|explained|explains|added|adds|published|carried|ran|cited|cites)\b/iu;
const SAID_BEFORE =
	/(?:according\s+to|told|tells|telling|speaking\s+(?:to|with)|reported\s+by|reports?\s+(?:from|in|by)|comes?\s+from|came\s+from|from|via|per|citing|cited\s+by|quoted\s+by|wrote\s+in|writing\s+in|in\s+an?\s+(?:report|story|article|interview)\s+(?:by|with|in))\s+(?:the\s+)?$/iu;
const POSSESSIVE_AFTER = /^(?:['’]s?)?\s+(?:report|story|article|account|piece|reporting|coverage|correspondent|reporter|interview)\b/iu;
/** How many words a credit line may have ("— Reuters, 8 September 2014"). */
const CREDIT_WORDS = 12;
const CREDIT_START = /^\s*(?:[—–-]+|\(|source:|credit:|via\b|from\b)/iu;
const DATELINE = /^\s*[\p{Lu}][\p{Lu}\s.,'’-]{1,40}\(([^)]{2,40})\)\s*[—–-]/u;

const UNKNOWN_NAME = String.raw`((?:[Tt]he\s+)?\p{Lu}[\p{L}&.'’-]*(?:\s+\p{Lu}[\p{L}&.'’-]*){0,4})`;
const UNKNOWN_CUES = [new RegExp(`${UNKNOWN_NAME}\\s+(?:has\\s+)?(?:reported|reports)\\b`, 'u'), new RegExp(`according\\s+to\\s+${UNKNOWN_NAME}`, 'u'), new RegExp(`\\btold\\s+${UNKNOWN_NAME}`, 'u')];
/** Capitalised words that open a sentence or name a person rather than an outlet. */
const NOT_OUTLETS = /^(?:the|it|he|she|they|we|this|that|officials?|police|witnesses|sources)$/iu;

/** How many words of a sentence to quote back to the editor. */
const EVIDENCE_WORDS = 24;

/** The sentence of `text` around `index` (at most `EVIDENCE_WORDS` words), to quote back to the editor. */
function around(text: string, index: number, length: number): string {
	const dot = text.lastIndexOf('. ', index);
	const start = dot === -1 ? 0 : dot + 2;
	const stop = text.indexOf('. ', index + length);
	const sentence = text.slice(start, stop === -1 ? text.length : stop + 1).trim();
	const words = sentence.split(/\s+/u);
	if (words.length <= EVIDENCE_WORDS) return sentence;
	const offset = text.slice(start, index).split(/\s+/u).length - 1;
	const from = Math.max(0, Math.min(offset - 8, words.length - EVIDENCE_WORDS));
	return `${from > 0 ? '… ' : ''}${words.slice(from, from + EVIDENCE_WORDS).join(' ')}${from + EVIDENCE_WORDS < words.length ? ' …' : ''}`;
}

function withCue(text: string, mention: OutletMention): boolean {
	const before = text.slice(0, mention.index);
	const after = text.slice(mention.index + mention.words.length);
	return SAID_AFTER.test(after) || SAID_BEFORE.test(before) || POSSESSIVE_AFTER.test(after);
}

/**
 * Proposes the outlet of a quoted block from the words around it, using the glossary's outlet
 * names and aliases: a lead-in that says "X reported", "according to X", "told X" or "comes from
 * X"; a short credit line just after it ("— Reuters"); a credit inside it (`<cite>`); a dateline
 * ("BAGHDAD (AP) —"). A proposal is only a lead for the editor: it never says how the outlet is
 * known, and nothing is proposed when the text names no outlet next to the quote.
 */
export function proposeAttribution(context: QuoteContext, outlets: KnownOutlet[]): ProposedAttribution {
	if (context.credit) {
		const mention = findOutletMentions(context.credit, outlets)[0];
		if (mention) return { outlet: mention.outlet, evidence: context.credit.trim(), where: 'credit line' };
	}
	const dateline = DATELINE.exec(context.firstParagraph);
	if (dateline) {
		const outlet = outletNamed(dateline[1]!, outlets);
		if (outlet) return { outlet, evidence: dateline[0].trim(), where: 'dateline' };
	}
	if (context.next && context.next.split(/\s+/u).length <= CREDIT_WORDS && CREDIT_START.test(context.next)) {
		const mention = findOutletMentions(context.next, outlets)[0];
		if (mention) return { outlet: mention.outlet, evidence: context.next.trim(), where: 'credit line' };
	}
	if (context.leadIn) {
		const mentions = findOutletMentions(context.leadIn, outlets).filter((m) => withCue(context.leadIn!, m));
		// The mention nearest the quote: lead-ins end where the quote begins.
		const mention = mentions.at(-1);
		if (mention) return { outlet: mention.outlet, evidence: around(context.leadIn, mention.index, mention.words.length), where: 'lead-in' };
		for (const cue of UNKNOWN_CUES) {
			const match = cue.exec(context.leadIn);
			const name = match?.[1]?.replace(/^the\s+/i, '');
			if (match && name && !NOT_OUTLETS.test(name)) {
				return { unknownName: name, evidence: around(context.leadIn, match.index, match[0].length), where: 'lead-in' };
			}
		}
	}
	return {};
}
