import { normalizeName } from './names.ts';

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
	return entryNamed('outlet', name, entries);
}

/** The glossary person called `name` (name or alias, as `outletNamed` compares), if exactly one has it. */
export function personNamed(name: string, entries: ReadonlyMap<string, NamedEntry>): string | undefined {
	return entryNamed('person', name, entries);
}

function entryNamed(type: string, name: string, entries: ReadonlyMap<string, NamedEntry>): string | undefined {
	const found = nameIndex(entries).get(type)?.get(normalizeName(name)) ?? [];
	return found.length === 1 ? found[0] : undefined;
}

/** Type → names and aliases → ids, built once per glossary map (pages call this for every article). */
function nameIndex(entries: ReadonlyMap<string, NamedEntry>): Map<string, Map<string, string[]>> {
	let index = NAME_INDEX.get(entries);
	if (!index) {
		index = new Map();
		for (const entry of entries.values()) {
			const byName = index.get(entry.type) ?? new Map<string, string[]>();
			index.set(entry.type, byName);
			for (const name of new Set([entry.name, ...entry.aliases].map(normalizeName))) byName.set(name, [...(byName.get(name) ?? []), entry.id]);
		}
		NAME_INDEX.set(entries, index);
	}
	return index;
}
const NAME_INDEX = new WeakMap<ReadonlyMap<string, NamedEntry>, Map<string, Map<string, string[]>>>();

/** The id of the byline's element on an article page: the anchor of the author's mention. */
export const BYLINE_ANCHOR = 'byline';

/**
 * The article's author as a mention of their glossary entry, when a person of that name (or
 * alias) exists: the byline links to the entry with its card, and the entry counts the article,
 * as a name marked in the text would. Its anchor is the byline (`#byline`).
 */
export function authorMention(data: { author: string }, entries: ReadonlyMap<string, NamedEntry>): { entity: string; label: string; anchor: string; sentence: string } | undefined {
	const entity = personNamed(data.author, entries);
	return entity ? { entity, label: data.author, anchor: BYLINE_ANCHOR, sentence: `By ${data.author}.` } : undefined;
}

/**
 * The article's publisher and republisher (frontmatter `publisher` and `republished.by`), each
 * linked to the outlet of that name when the glossary has one. They count as mentions of it.
 */
export function creditsOf(data: { publisher: string; republished?: { by: string } }, entries: ReadonlyMap<string, NamedEntry>): Credit[] {
	const credits: Credit[] = [{ role: 'publisher', name: data.publisher, outlet: outletNamed(data.publisher, entries) }];
	if (data.republished) credits.push({ role: 'republisher', name: data.republished.by, outlet: outletNamed(data.republished.by, entries) });
	return credits;
}
