import type { Glossary } from '../../corpus/glossary.ts';
import { normalizeName } from '../../names.ts';
import { findNames } from '../annotate/find-names.ts';
import { readArticleSource } from '../annotate/markdown-source.ts';
import { buildNameIndex } from '../annotate/name-index.ts';
import { CAPITALISED_COMMON, NAME_PARTICLES, TITLE_WORDS } from '../names/name-words.ts';
import { lexiconTags } from '../names/lexicon.ts';
import { wordTokens, type WordToken } from '../names/tokens.ts';
import { placeFinder } from '../file-places.ts';
import { guessType, type TypeGuess } from './guess-type.ts';

/** A proper name found in an article that the glossary does not know. */
export interface Candidate {
	/** The name as first written (possessive and a leading "the" left out). */
	name: string;
	count: number;
	/** First occurrence in the file: 1-based line and column. */
	line: number;
	column: number;
	/** The entry type the name most likely needs, and why. */
	type: TypeGuess['type'];
	because: string;
	/** Other spellings folded into this one ("Shiites" for "Shiite" is kept apart; case and apostrophes are folded). */
	variants: string[];
	/** The sentence of its first occurrence. */
	sentence: string;
}

interface Occurrence {
	name: string;
	/** Offset in the whole file. */
	offset: number;
	titled: boolean;
	context: { before: string; after: string; sentence: string };
	title?: boolean;
	/** The type a frontmatter field says it has (the author is a person, the publisher an outlet). */
	hint?: 'person' | 'outlet';
}

const PERSON_TITLES = new Set([...TITLE_WORDS].filter((t) => !['former', 'acting', 'late', 'field', 'grand', 'vice', 'prime', 'deputy'].includes(t)));
const NAME_TAGS = new Set(['Demonym', 'City', 'Country', 'Place', 'Region', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person', 'Organization', 'ProperNoun']);
const ADJECTIVE_ENDING = /(?:i|ish|ian|ite|ist|ese|an)$/;
/** "He’ll", "They’re": a pronoun, not a name. */
const CONTRACTION = /[’'](?:ll|re|ve|d|m)$|n[’']t$/i;
const UPPER = /^\p{Lu}/u;
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** True when compromise's lexicon knows the word as an ordinary English word (not a name). */
function isCommonWord(word: string): boolean {
	const tags = lexiconTags(word);
	return tags.length > 0 && !tags.some((t) => NAME_TAGS.has(t));
}

function isNameToken(token: WordToken): boolean {
	return UPPER.test(token.word) || /^(?:al|el|ad|as|ash|at|az|ul|bin|abu)-\p{Lu}/u.test(token.word);
}

/**
 * The proper names of an article that the glossary does not know, most frequent first.
 *
 * Runs of capitalised words are read as names (joined by `al`, `bin`, `of the` and other
 * particles), then cut with the cues news English gives: a title ("Mayor", "President",
 * "Sheikh") is not part of the name but says it is a person's; a demonym or faith before a name
 * ("Iraqi", "Sunni") is a name of its own; a capitalised word that only ever opens a sentence
 * and that compromise's lexicon knows as an English word ("Police", "Speaking") is no name.
 * Words inside marks, links, code, notes and quote attributes are not read (as for the
 * annotator). Each name's type is guessed with compromise and the cues around it.
 */
export function findCandidates(source: string, bodyOffset: number, glossary: Pick<Glossary, 'entries' | 'byName'>): Candidate[] {
	const body = source.slice(bodyOffset);
	const article = readArticleSource(body);
	const index = buildNameIndex(glossary);
	const frontmatter = frontmatterNames(source.slice(0, bodyOffset));
	// The headline is read like the text (when it is not in Title Case, where every word has a capital).
	const segments = [
		...frontmatter.texts.map((t) => ({ value: t.value, sourceOffsets: [...t.value].map((_, i) => t.offset - bodyOffset + i), atBlockStart: true, blockText: t.value, blockOffset: 0 })),
		...article.segments,
	];
	// Words seen capitalised in the middle of a sentence, and words seen in lower case: for judging a sentence's first word.
	const midSentence = new Set<string>();
	const lowerSeen = new Set<string>();
	const standalone = new Set<string>();
	for (const segment of segments) {
		for (const token of wordTokens(segment.value, segment.atBlockStart)) {
			if (UPPER.test(token.word) && !token.sentenceStart) midSentence.add(token.word);
			if (!UPPER.test(token.word)) lowerSeen.add(token.word.toLowerCase());
		}
	}
	const pieces: Array<{ tokens: WordToken[]; text: string; offsets: number[]; blockText: string; blockOffset: number }> = [];
	for (const segment of segments) {
		const tokens = wordTokens(segment.value, segment.atBlockStart);
		let run: WordToken[] = [];
		const flush = () => {
			while (run.length && !isNameToken(run.at(-1)!)) run.pop();
			if (run.length) pieces.push({ tokens: run, text: segment.value, offsets: segment.sourceOffsets, blockText: segment.blockText, blockOffset: segment.blockOffset });
			run = [];
		};
		for (let i = 0; i < tokens.length; i++) {
			const token = tokens[i]!;
			const lower = token.word.toLowerCase();
			const joined = run.length > 0 && run.at(-1)!.joinedToNext;
			// An all-capitals headline: its ordinary words ("WATCH VIDEO") are not names.
			if (token.word.length >= 4 && token.word === token.word.toUpperCase() && (isCommonWord(token.word) || lowerSeen.has(token.word.toLowerCase()))) {
				flush();
				continue;
			}
			if (isNameToken(token)) {
				if (!joined) flush();
				run.push(token);
			} else if (
				joined &&
				(NAME_PARTICLES.has(lower) ||
					lower === 'of' ||
					(lower === 'the' && ['of', 'and'].includes(run.at(-1)!.word)) ||
					(lower === 'and' && run.some((t) => t.word === 'of') && tokens[i + 1]?.word === 'the'))
			) {
				run.push(token);
			} else flush();
			if (!token.joinedToNext) flush();
		}
		flush();
	}
	for (const piece of pieces) if (piece.tokens.length === 1) standalone.add(piece.tokens[0]!.word);

	const occurrences: Occurrence[] = [];
	for (const piece of pieces) {
		for (const part of cut(piece.tokens, { midSentence, lowerSeen, standalone })) {
			const first = part.tokens[0]!;
			const last = part.tokens.at(-1)!;
			const name = piece.text.slice(first.start, last.end);
			const offset = bodyOffset + (piece.offsets[first.start] ?? 0);
			const sentence = sentenceOf(piece.blockText, piece.blockOffset + first.start);
			occurrences.push({
				name,
				offset,
				titled: part.titled,
				title: part.title,
				context: { before: piece.text.slice(Math.max(0, first.start - 40), first.start), after: piece.text.slice(last.end + (last.possessive ? 2 : 0), last.end + 40), sentence },
			});
		}
	}

	// The author, publisher and republisher are names by definition.
	for (const field of frontmatter.names) {
		occurrences.push({ name: field.value, offset: field.offset, titled: false, hint: field.type, context: { before: '', after: '', sentence: `${field.key}: ${field.value}` } });
	}
	const known = (name: string) => {
		if (glossary.byName.has(normalizeName(name))) return true;
		// Every letter of it inside names the glossary knows: "Prime Minister Nouri al-Maliki".
		const matches = findNames(name, index);
		let covered = 0;
		for (const m of matches) covered += (name.slice(m.start, m.end).match(/\p{L}/gu) ?? []).length;
		return covered > 0 && covered === (name.match(/\p{L}/gu) ?? []).length;
	};
	const grouped = new Map<string, Occurrence[]>();
	for (const occurrence of occurrences.sort((a, b) => a.offset - b.offset)) {
		if (known(occurrence.name)) continue;
		const key = normalizeName(occurrence.name);
		grouped.set(key, [...(grouped.get(key) ?? []), occurrence]);
	}
	const placeOf = placeFinder(source);
	const candidates: Candidate[] = [];
	for (const list of grouped.values()) {
		const first = list[0]!;
		const hinted = list.find((o) => o.hint);
		const guess = hinted?.hint
			? { type: hinted.hint, because: `the article's ${hinted.context.sentence.split(':')[0]}` }
			: guessType(
					first.name,
					list.map((o) => ({ ...o.context, titled: o.titled, title: !!o.title })),
				);
		candidates.push({
			name: first.name,
			count: list.length,
			...placeOf(first.offset),
			type: guess.type,
			because: guess.because,
			variants: [...new Set(list.map((o) => o.name))].filter((n) => n !== first.name),
			sentence: first.context.sentence,
		});
	}
	// A single word that ends a person's name found elsewhere ("Talabani", "Douri") is that person's short name.
	for (const candidate of candidates) {
		if (candidate.type === 'person' || /\s/.test(candidate.name)) continue;
		const full = candidates.find((c) => c.type === 'person' && c !== candidate && new RegExp(`(?:^|[\\s-])${escapeRegExp(candidate.name)}$`, 'u').test(c.name));
		if (full) Object.assign(candidate, { type: 'person', because: `the end of the name "${full.name}"` });
	}
	return candidates.sort((a, b) => b.count - a.count || a.line - b.line || a.column - b.column);
}

interface Judgement {
	midSentence: Set<string>;
	lowerSeen: Set<string>;
	standalone: Set<string>;
}

/** Cuts a run of capitalised words into names: titles out (and noted), a leading demonym apart, a sentence's common first word dropped. */
function cut(tokens: WordToken[], seen: Judgement): Array<{ tokens: WordToken[]; titled: boolean; title?: boolean }> {
	const parts: Array<{ tokens: WordToken[]; titled: boolean; title?: boolean }> = [];
	let current: WordToken[] = [];
	let titles: WordToken[] = [];
	let titled = false;
	const closeName = () => {
		while (current.length && !isNameToken(current.at(-1)!)) current.pop();
		if (current.length) parts.push({ tokens: current, titled });
		current = [];
		titled = false;
	};
	const closeTitles = () => {
		// A title of two words or more with no name after it is an office: "Grand Ayatollah", "Prime Minister".
		if (titles.length >= 2) parts.push({ tokens: titles, titled: false, title: true });
		if (titles.some((t) => PERSON_TITLES.has(t.word.toLowerCase().replace(/\.$/, '')))) titled = true;
		titles = [];
	};
	tokens.forEach((token, i) => {
		const lower = token.word.toLowerCase().replace(/\.$/, '');
		// "King of Clubs" is a name, not a title.
		const isTitle = UPPER.test(token.word) && TITLE_WORDS.has(lower) && tokens[i + 1]?.word !== 'of';
		if (isTitle) {
			// A title closes the name before it: "Shiite | Grand Ayatollah | Ali al-Sistani".
			if (current.length) closeName();
			titles.push(token);
			return;
		}
		if (titles.length) closeTitles();
		if (current.length === 0) {
			if (!isNameToken(token)) return;
			if (CAPITALISED_COMMON.has(lower) || CONTRACTION.test(token.word)) return;
			if (token.sentenceStart && i === 0 && tokens.length === 1 && !seen.midSentence.has(token.word) && (isCommonWord(token.word) || seen.lowerSeen.has(lower))) return;
			if (token.sentenceStart && tokens.length > 1 && isCommonWord(token.word) && !seen.midSentence.has(token.word)) return;
			// A demonym or faith before another name is a name of its own: "Iraqi Baathist", "Sunni Anbar".
			const next = tokens[i + 1];
			if (next && isNameToken(next) && ADJECTIVE_ENDING.test(lower) && (tagOf(lower) === 'Demonym' || (seen.standalone.has(token.word) && seen.standalone.has(next.word)))) {
				parts.push({ tokens: [token], titled: false });
				return;
			}
		}
		current.push(token);
	});
	if (titles.length) closeTitles();
	closeName();
	// "Iraqi-Syrian", "Sunni-Shi’ite": two names joined by a hyphen, each a candidate.
	return parts.flatMap((part) => (part.tokens.length === 1 && part.tokens[0]!.word.includes('-') && !/^(?:al|el|bin|abu)-/i.test(part.tokens[0]!.word) ? splitHyphen(part.tokens[0]!) : [part]));
}

/** "Iraqi-Syrian" gives two names, "French-educated" and "US-led" their capitalised part; "Abdul-Mahdi" stays whole only inside a longer name. */
function splitHyphen(token: WordToken): Array<{ tokens: WordToken[]; titled: boolean }> {
	const parts: Array<{ tokens: WordToken[]; titled: boolean }> = [];
	let start = token.start;
	for (const word of token.word.split('-')) {
		if (UPPER.test(word)) parts.push({ tokens: [{ ...token, start, end: start + word.length, word, possessive: false }], titled: false });
		start += word.length + 1;
	}
	return parts;
}

/** Names the frontmatter gives (author, publisher, republisher) and the headline's text, with their offsets in the file. */
function frontmatterNames(frontmatter: string) {
	const names: Array<{ key: string; value: string; offset: number; type: 'person' | 'outlet' }> = [];
	const texts: Array<{ value: string; offset: number }> = [];
	for (const line of frontmatter.matchAll(/^( *)(author|publisher|by|title):[ \t]*(["']?)(.*?)\3[ \t]*$/gm)) {
		const [, indent, key, quote, value] = line as unknown as [string, string, string, string, string];
		if (!value || /^TODO\b/.test(value) || (key === 'title' && indent.length > 0)) continue;
		const offset = line.index + line[0].indexOf(':') + 1 + /^[ \t]*/.exec(line[0].slice(line[0].indexOf(':') + 1))![0].length + quote.length;
		if (key === 'title') {
			// In Title Case every longer word has a capital, so capitals say nothing there.
			const words = value.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w) && w !== w.toUpperCase());
			if (words.some((w) => /^\p{Ll}/u.test(w))) texts.push({ value, offset });
		} else names.push({ key: key === 'by' ? 'republisher' : key, value, offset, type: key === 'author' ? 'person' : 'outlet' });
	}
	return { names, texts };
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tagOf(word: string): string | undefined {
	return lexiconTags(word)[0];
}

function sentenceOf(text: string, offset: number): string {
	for (const { segment, index } of sentences.segment(text)) if (offset >= index && offset < index + segment.length) return segment.trim();
	return text.trim();
}
