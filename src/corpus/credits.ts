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
export function outletNamed(name: string, entries: Iterable<NamedEntry>): string | undefined {
	const wanted = normalizeName(name);
	const found = [...entries].filter((e) => e.type === 'outlet' && [e.name, ...e.aliases].some((n) => normalizeName(n) === wanted));
	return found.length === 1 ? found[0]!.id : undefined;
}

/**
 * The article's publisher and republisher (frontmatter `publisher` and `republished.by`), each
 * linked to the outlet of that name when the glossary has one. They count as mentions of it.
 */
export function creditsOf(data: { publisher: string; republished?: { by: string } }, entries: Iterable<NamedEntry>): Credit[] {
	const list = [...entries];
	const credits: Credit[] = [{ role: 'publisher', name: data.publisher, outlet: outletNamed(data.publisher, list) }];
	if (data.republished) credits.push({ role: 'republisher', name: data.republished.by, outlet: outletNamed(data.republished.by, list) });
	return credits;
}
