import { normalizeName } from '../names.ts';

/** The fields of a glossary entry that name it. */
export interface NamedEntry {
	id: string;
	type: string;
	name: string;
	aliases: readonly string[];
}

/** Who published an article, as its frontmatter says, and the outlet entry of that name if any. */
export interface Credit {
	role: 'publisher' | 'republisher';
	name: string;
	/** Glossary id of the outlet whose name or alias is `name`. */
	outlet?: string;
}

/**
 * The glossary outlet called `name` (by its name or an alias, compared as names are everywhere
 * else: case, apostrophes and spacing do not matter), if exactly one outlet has that name.
 */
export function outletNamed(name: string, entries: ReadonlyMap<string, NamedEntry>): string | undefined {
	const found = outletIndex(entries).get(normalizeName(name)) ?? [];
	return found.length === 1 ? found[0] : undefined;
}

/** Outlet names and aliases → outlet ids, built once per glossary map (pages call this for every article). */
function outletIndex(entries: ReadonlyMap<string, NamedEntry>): Map<string, string[]> {
	let index = OUTLET_INDEX.get(entries);
	if (!index) {
		index = new Map();
		for (const entry of entries.values()) {
			if (entry.type !== 'outlet') continue;
			for (const name of new Set([entry.name, ...entry.aliases].map(normalizeName))) index.set(name, [...(index.get(name) ?? []), entry.id]);
		}
		OUTLET_INDEX.set(entries, index);
	}
	return index;
}
const OUTLET_INDEX = new WeakMap<ReadonlyMap<string, NamedEntry>, Map<string, string[]>>();

/**
 * The article's publisher and republisher (frontmatter `publisher` and `republished.by`), each
 * linked to the outlet of that name when the glossary has one. They count as mentions of it.
 */
export function creditsOf(data: { publisher: string; republished?: { by: string } }, entries: ReadonlyMap<string, NamedEntry>): Credit[] {
	const credits: Credit[] = [{ role: 'publisher', name: data.publisher, outlet: outletNamed(data.publisher, entries) }];
	if (data.republished) credits.push({ role: 'republisher', name: data.republished.by, outlet: outletNamed(data.republished.by, entries) });
	return credits;
}
