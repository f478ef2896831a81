import { formatDate } from './format.ts';
import type { Source } from '../schemas/source.ts';

/** A glossary entry's source, ready to show or export, whichever form it was written in. */
export interface Citation {
	url: string;
	/** Absent when the entry gives only an address. */
	title?: string;
	publisher?: string;
	/** Partial ISO date, as written. */
	date?: string;
	/** The date for readers: "8 September 2014". */
	dateText?: string;
	/** What a reader sees: "Reuters, 8 September 2014", or the site's host name for a bare address. */
	label: string;
}

/**
 * A source as a citation. `{ publisher: Reuters, date: 2014-09-08, … }` gives the label
 * "Reuters, 8 September 2014"; a bare `https://www.example.org/a` gives "example.org".
 */
export function citationOf(source: Source): Citation {
	if (typeof source === 'string') return { url: source, label: hostLabel(source) };
	if (!source.date) return { url: source.url, title: source.title, publisher: source.publisher, label: source.publisher };
	const dateText = formatDate(source.date);
	return { url: source.url, title: source.title, publisher: source.publisher, date: source.date, dateText, label: `${source.publisher}, ${dateText}` };
}

/** A source as open data: `{ title, publisher, date, url }`, leaving out what is not known. */
export function sourceRecordOf(source: Source): { title?: string; publisher?: string; date?: string; url: string } {
	const { label: _label, dateText: _dateText, ...record } = citationOf(source);
	return record;
}

/**
 * A source as a schema.org `CreativeWork`, for an entity's `citation` in JSON-LD.
 */
export function citationNode(source: Source): Record<string, unknown> {
	const citation = citationOf(source);
	const node: Record<string, unknown> = { '@type': 'CreativeWork', url: citation.url };
	if (citation.title) node.name = citation.title;
	if (citation.publisher) node.publisher = { '@type': 'Organization', name: citation.publisher };
	if (citation.date) node.datePublished = citation.date;
	return node;
}

/** The host of an address without a leading `www.`. */
export function hostLabel(url: string): string {
	return new URL(url).hostname.replace(/^www\./, '');
}
