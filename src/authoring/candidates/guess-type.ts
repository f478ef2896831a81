import nlp from 'compromise';
import type { EntityType } from '../../schemas/glossary.ts';
import { PLACE_CUES } from '../names/name-words.ts';

/** A guessed entry type and the cue that decided it, for the editor to check. */
export interface TypeGuess {
	type: EntityType;
	because: string;
}

/** What surrounds one occurrence of a name. */
export interface NameContext {
	before: string;
	after: string;
	sentence: string;
	/** A person's title came right before it ("Mayor", "President"). */
	titled: boolean;
	/** The name is itself a title ("Grand Ayatollah"). */
	title: boolean;
}

const OUTLET_WORDS = /\b(?:News|Times|Post|Press|Agency|TV|Radio|Tribune|Journal|Herald|Gazette|Telegraph|Guardian|Network|Broadcasting)$/;
const ARMED_GROUP_WORDS = /\b(?:Army|Brigades?|Front|Militia|Companies|Battalions?|Forces|Guard|Peshmerga)$/;
const ORGANIZATION_WORDS =
	/\b(?:Party|Council|Ministry|Government|Coalition|Movement|Organi[sz]ation|Committee|Company|Bank|University|Alliance|Union|Assembly|Parliament|House|Department|Office|Group)$/;
const OUTLET_AFTER = /^\s*(?:reports?|reported|said in a report|camera|correspondent|reporters?|journalists?)\b/i;
const OUTLET_BEFORE = /(?:according to|told|reported by|comes from)(?: the)?\s*$/i;
const PLACE_BEFORE = /\b(?:in|to|from|near|into|outside|across|of the city of|town of|province of)\s*(?:the\s+)?$/i;
/** ", a town in …": an apposition that says what the name before it is. */
const APPOSITION = /^,\s+(?:a|an|the)\s+(?:\p{Ll}+\s+)?(town|city|village|province|district|region|country|capital|suburb|county)\b/u;
const ADJECTIVE = /(?:i|ish|ian|ite|ist|ese|an|ic)s?$/;

/**
 * Guesses the glossary type of a name from every place it occurs: a title before it makes a
 * person; a word such as "province" or "district" after it, or "in"/"near" before it, a place;
 * "Army", "Brigade", "Front" at its end an armed group; "Party", "Ministry" an organisation;
 * "News", "Times", or "X reports" an outlet; otherwise what compromise recognises in the
 * sentence (people, places, organisations), and for adjectives ("Sunni", "Kurdish") a term.
 */
export function guessType(name: string, contexts: NameContext[]): TypeGuess {
	if (contexts.some((c) => c.title)) return { type: 'term', because: 'a title or office' };
	if (OUTLET_WORDS.test(name) || contexts.some((c) => OUTLET_AFTER.test(c.after) || OUTLET_BEFORE.test(c.before))) return { type: 'outlet', because: 'named as a source of news' };
	if (contexts.some((c) => c.titled)) return { type: 'person', because: 'a title comes before it' };
	if (ARMED_GROUP_WORDS.test(name)) return { type: 'armed-group', because: `its last word, "${name.split(/\s+/).at(-1)}"` };
	if (ORGANIZATION_WORDS.test(name)) return { type: 'organization', because: `its last word, "${name.split(/\s+/).at(-1)}"` };
	const apposition = contexts.map((c) => APPOSITION.exec(c.after)?.[1]).find(Boolean);
	if (apposition) return { type: 'place', because: `"a ${apposition}" follows it` };
	const cue = contexts.map((c) => /^\s+(\p{Ll}+)/u.exec(c.after)?.[1]).find((w) => w && PLACE_CUES.has(w));
	if (cue) return { type: 'place', because: `"${cue}" follows it` };
	// "Sunni militants", "Shiite cleric": a word used before a noun names a faith or a people (a term).
	if (ADJECTIVE.test(name.toLowerCase()) && !/\s/.test(name)) {
		const before = contexts.filter((c) => {
			const next = /^\s+(\p{Ll}+)/u.exec(c.after)?.[1];
			return next !== undefined && !nlp(next).has('(#Verb|#Conjunction|#Preposition|#Determiner|#Adverb)');
		}).length;
		if (before * 2 > contexts.length) return { type: 'term', because: 'used before a noun, like an adjective' };
	}
	const votes = { person: 0, place: 0, organization: 0 };
	for (const context of contexts) {
		const doc = nlp(context.sentence);
		const has = (list: string[]) => list.some((found) => found.includes(name) || name.includes(found.replace(/[’']s$/, '')));
		if (has(doc.people().out('array') as string[])) votes.person++;
		if (has(doc.places().out('array') as string[])) votes.place++;
		if (has(doc.organizations().out('array') as string[])) votes.organization++;
	}
	const best = (Object.entries(votes) as Array<[keyof typeof votes, number]>).sort((a, b) => b[1] - a[1])[0]!;
	if (best[1] > 0) return { type: best[0], because: `compromise reads it as a ${best[0] === 'person' ? 'person' : best[0]}` };
	if (contexts.some((c) => PLACE_BEFORE.test(c.before))) return { type: 'place', because: 'it follows "in", "to", "from" or "near"' };
	if (ADJECTIVE.test(name.toLowerCase()) && !/\s/.test(name)) return { type: 'term', because: 'an adjective or a group of people' };
	if (/\s/.test(name) && name.split(/\s+/).every((w) => /^\p{Lu}/u.test(w) || /^(?:al|el|bin|abu)-/.test(w))) return { type: 'person', because: 'a name of several capitalised words' };
	return { type: 'term', because: 'no cue: check the type' };
}
