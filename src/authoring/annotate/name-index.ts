import type { Glossary } from '../../corpus/glossary.ts';

/** One glossary entry a written form may stand for. */
export interface NameSense {
	id: string;
	/** True when the form is one of the entry's `contextual` aliases: proposed for review, never marked on its own. */
	contextual: boolean;
}

/** The glossary's names, arranged for finding them in running text. */
export interface NameIndex {
	/** Matching form → the entries it names (more than one: ambiguous). */
	senses: Map<string, NameSense[]>;
	/** Matching forms grouped by their first word, longest first. */
	byLeadingWord: Map<string, string[]>;
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u02BB`´]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const LEADING_WORD = /^[\p{L}\p{N}]+/u;

/**
 * The form in which text and names are compared: one kind of apostrophe and hyphen, each
 * replaced by a single character so that offsets in the text do not move.
 */
export function matchingForm(text: string): string {
	return text.replace(APOSTROPHES, "'").replace(DASHES, '-');
}

/** The same text with its first letter's case flipped: "The prime minister" also matches "the prime minister". */
export function flipFirstLetter(text: string): string {
	const first = text.charAt(0);
	const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
	return flipped + text.slice(1);
}

/** The first word of a form (letters and digits), the key names are grouped by. */
export function leadingWordOf(text: string): string {
	return LEADING_WORD.exec(text)?.[0] ?? '';
}

/**
 * Indexes every name, alias and contextual alias of the glossary. A form is matched as written
 * or with its first letter's case flipped (a sentence may start with "The mayor" or "the mayor"),
 * never in any other case: "Sunni" is a name, "sunni" in a URL-like word is not looked for.
 */
export function buildNameIndex(glossary: Pick<Glossary, 'entries'>): NameIndex {
	const senses = new Map<string, NameSense[]>();
	const add = (form: string, sense: NameSense) => {
		const list = senses.get(form) ?? [];
		const same = list.find((s) => s.id === sense.id);
		if (same) same.contextual &&= sense.contextual;
		else list.push({ ...sense });
		senses.set(form, list);
	};
	for (const entry of glossary.entries.values()) {
		const names: Array<[string, boolean]> = [[entry.name, false], ...entry.aliases.map((a): [string, boolean] => [a, false]), ...(entry.contextual ?? []).map((a): [string, boolean] => [a, true])];
		for (const [name, contextual] of names) {
			const form = matchingForm(name.trim().replace(/\s+/g, ' '));
			if (!form) continue;
			for (const variant of new Set([form, flipFirstLetter(form)])) add(variant, { id: entry.id, contextual });
		}
	}
	// A leading "the" does not change what a name refers to: "the Kurds" may mean whatever "Kurds"
	// may mean in context. So each form also carries the contextual senses of the same name with or
	// without "the" ("Kurds" as a contextual alias of `peshmerga` makes "the Kurds" ambiguous).
	const bare = (form: string) => form.replace(/^the /i, '');
	const contextualByBare = new Map<string, NameSense[]>();
	for (const [form, list] of senses) {
		const key = bare(form);
		for (const sense of list) if (sense.contextual) contextualByBare.set(key, [...(contextualByBare.get(key) ?? []), sense]);
	}
	for (const [form, list] of senses) {
		for (const sense of contextualByBare.get(bare(form)) ?? []) if (!list.some((s) => s.id === sense.id)) list.push({ ...sense });
	}
	const byLeadingWord = new Map<string, string[]>();
	for (const form of [...senses.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))) {
		const key = leadingWordOf(form);
		const list = byLeadingWord.get(key) ?? [];
		list.push(form);
		byLeadingWord.set(key, list);
	}
	return { senses, byLeadingWord };
}
