import { distance } from 'fastest-levenshtein';
import { normalizeName } from '../names.ts';
import type { FailedEntry, GlossaryEntry, GlossaryIndex } from '../schemas/glossary.ts';

/** What an editor wrote: an id that is not in the glossary, and/or the words it marks. */
export interface EntryReference {
	id?: string;
	label?: string;
}

export interface SuggestOptions {
	/** Only entries that pass (e.g. outlets for `:::quote{outlet=…}`). */
	filter?: (entry: GlossaryEntry) => boolean;
	limit?: number;
}

/** Lower-case letters and digits only, so `nouri-al-maliki`, "Nouri al-Maliki" and "Nouri al Maliki" compare alike. */
function squeeze(text: string): string {
	return normalizeName(text)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** A distance from 0 (same) to 1 (nothing in common), relative to the longer text. */
function closeness(a: string, b: string): number {
	if (!a || !b) return 1;
	if (a === b) return 0;
	const whole = distance(a.replaceAll(' ', ''), b.replaceAll(' ', '')) / Math.max(a.length, b.length);
	// A needle that is one word of a longer name (`maliky` for "Nouri al-Maliki") is compared with
	// each word of it, counting the remaining words lightly.
	let best = whole;
	for (const word of b.split(' ')) {
		if (word.length < 3) continue;
		const one = distance(a.replaceAll(' ', ''), word) / Math.max(a.length, word.length);
		best = Math.min(best, one + 0.05);
	}
	return best;
}

/** How far a written id or label is from an entry, over its id, name and aliases. */
function score(entry: GlossaryEntry, needles: string[]): number {
	const keys = [entry.id, entry.name, ...entry.aliases, ...entry.native.map((n) => n.text)].map(squeeze);
	let best = 1;
	for (const needle of needles) for (const key of keys) best = Math.min(best, closeness(needle, key));
	return best;
}

/** Scores above this are not plausible typos or shortenings. */
const THRESHOLD = 0.4;

/**
 * The entries an editor most likely meant, best first: first the entries the marked words name
 * (`:e[Maliki]{#maliky}` → `nouri-al-maliki`), then the entries whose id, name or aliases are
 * closest to the written id and words. Nothing that is not close is suggested: a far-fetched
 * "did you mean" is a fix that would make the article wrong.
 */
export function suggestEntries(glossary: GlossaryIndex, ref: EntryReference, { filter = () => true, limit = 3 }: SuggestOptions = {}): string[] {
	const named = ref.label ? (glossary.byName.get(normalizeName(ref.label)) ?? []) : [];
	const needles = [ref.id, ref.label]
		.filter((n): n is string => !!n)
		.map(squeeze)
		.filter(Boolean);
	const ranked: { id: string; score: number }[] = [];
	for (const entry of glossary.entries.values()) {
		if (!filter(entry)) continue;
		const s = named.includes(entry.id) ? -1 : score(entry, needles);
		if (s <= THRESHOLD) ranked.push({ id: entry.id, score: s });
	}
	ranked.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
	return ranked.slice(0, limit).map((r) => r.id);
}

/**
 * The glossary file behind an id or a name that no valid entry has, when that file exists but
 * failed: a mention of it is a consequence of the file's errors, not a typo.
 */
export function failedEntryFor(glossary: GlossaryIndex, ref: { id?: string; label?: string }): FailedEntry | undefined {
	if (!glossary.failed?.size) return undefined;
	if (ref.id) return glossary.failed.get(ref.id);
	if (ref.label === undefined) return undefined;
	const wanted = normalizeName(ref.label);
	for (const entry of glossary.failed.values()) if (entry.names.some((n) => normalizeName(n) === wanted)) return entry;
	return undefined;
}
