import type { Glossary } from '../../corpus/glossary.ts';
import { normalizeName } from '../../names.ts';

/** An outlet of the glossary as the import looks for it in text. */
export interface KnownOutlet {
	id: string;
	name: string;
	/** The name and every alias, with and without a leading "the". */
	spellings: string[];
}

/** A place in a text where a glossary outlet is named. */
export interface OutletMention {
	outlet: KnownOutlet;
	/** The words as the text writes them. */
	words: string;
	index: number;
}

/** Every outlet entry of the glossary, with the spellings to look for. */
export function knownOutlets(glossary: Glossary): KnownOutlet[] {
	const outlets: KnownOutlet[] = [];
	for (const entry of glossary.entries.values()) {
		if (entry.type !== 'outlet') continue;
		const spellings = new Set<string>();
		for (const name of [entry.name, ...entry.aliases]) {
			const trimmed = name.trim();
			if (trimmed.length < 2) continue;
			spellings.add(trimmed);
			const bare = trimmed.replace(/^the\s+/i, '');
			if (bare.length >= 2) spellings.add(bare);
		}
		outlets.push({ id: entry.id, name: entry.name, spellings: [...spellings].sort((a, b) => b.length - a.length) });
	}
	return outlets;
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where `text` names a glossary outlet, longest spelling first. Short all-capital spellings
 * ("AP", "BBC") must match their case; longer ones match in any case ("hot air").
 */
export function findOutletMentions(text: string, outlets: KnownOutlet[]): OutletMention[] {
	const found: OutletMention[] = [];
	const taken: [number, number][] = [];
	const candidates = outlets.flatMap((outlet) => outlet.spellings.map((spelling) => ({ outlet, spelling }))).sort((a, b) => b.spelling.length - a.spelling.length);
	for (const { outlet, spelling } of candidates) {
		const caseSensitive = spelling.length <= 4 || spelling === spelling.toUpperCase();
		const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(spelling).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
		for (const match of text.matchAll(pattern)) {
			const start = match.index;
			const end = start + match[0].length;
			if (taken.some(([s, e]) => start < e && end > s)) continue;
			taken.push([start, end]);
			found.push({ outlet, words: match[0], index: start });
		}
	}
	return found.sort((a, b) => a.index - b.index);
}

/** The glossary outlet a name refers to ("hot air" → Hot Air), if any. */
export function outletNamed(name: string, outlets: KnownOutlet[]): KnownOutlet | undefined {
	const wanted = normalizeName(name).replace(/^the /, '');
	return outlets.find((outlet) => outlet.spellings.some((s) => normalizeName(s).replace(/^the /, '') === wanted));
}
