import { findDate } from './dates.ts';
import { outletNamed, type KnownOutlet } from './outlets.ts';

/** What a credit line at the top of a body gives. */
export interface Byline {
	author?: string;
	publisher?: string;
	published?: string;
}

const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|al|bin|ibn)){0,4}`;
const BY = new RegExp(String.raw`(?:^|[\s,–—|-])[Bb]y\s+(${NAME})`, 'u');
/** After the author: ` – publisher – ` or ` | publisher |`, as blogs and reposts write it. */
const PUBLISHER_AFTER = /^\s*[–—|]\s*([^–—|\n]{2,40}?)\s*[–—|]/u;
/** How far into the first paragraph a credit line may reach. */
const CREDIT_SPAN = 160;

/**
 * Reads a credit line at the start of a body ("June 21, 2014 by Ed Morrissey – hot air – …",
 * "By Jane Doe | Reuters | 8 September 2014"): the date, the author after "by", and the
 * publisher between dashes after the author, named as the glossary names it when it knows it.
 * Only the first `CREDIT_SPAN` characters count, so "killed by Sunni militants" later in a
 * sentence is not taken for a byline.
 */
export function readByline(firstParagraph: string, outlets: KnownOutlet[]): Byline {
	const head = firstParagraph.slice(0, CREDIT_SPAN);
	const byline: Byline = {};
	const date = findDate(head);
	const by = BY.exec(head);
	// A "by" counts when it opens the paragraph or follows the date directly.
	const byStart = by ? by.index + by[0].indexOf(by[1]!) - 3 : -1;
	const opens = by && (by.index === 0 || (date && byStart - (date.index + date.length) <= 3) || byStart <= 3);
	if (by && opens) {
		byline.author = by[1]!.replace(/[.,]$/, '');
		const rest = head.slice(by.index + by[0].length);
		const publisher = PUBLISHER_AFTER.exec(rest)?.[1]?.trim();
		if (publisher) byline.publisher = outletNamed(publisher, outlets)?.name ?? publisher;
	}
	if (date && (date.index <= 3 || opens)) byline.published = date.date;
	return byline;
}
