import nlp from 'compromise';
import { CAPITALISED_COMMON, NAME_PARTICLES, NAME_PREFIXES, TITLE_WORDS } from '../names/name-words.ts';
import type { NameMatch } from './find-names.ts';
import { matchingForm } from './name-index.ts';

/** Why a name found in the text is not that name. */
export interface Rejection {
	reason: 'part-of-longer-name' | 'inside-a-word';
	/** The longer name or word the match sits in, as written. */
	within: string;
}

interface Token {
	start: number;
	end: number;
	/** The token without the punctuation around it. */
	word: string;
	/** Punctuation (or a possessive) right before / after it: a name does not run across it. */
	closedBefore: boolean;
	closedAfter: boolean;
	sentenceStart: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const LEXICON = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[] | undefined> } } }).model().one.lexicon;
const UPPER = /^\p{Lu}/u;

/**
 * Decides, for each match, whether it is the glossary's name or part of something longer:
 * - **part of a longer name**: "Hussein" in "Mayor Hussein Ali al-Aujail" is not Saddam Hussein.
 *   A match is part of a longer name when it is joined, by spaces only, to a capitalised word (or
 *   an `al-`/`bin` particle) that no other match covers. Titles ("Mayor", "President"), days,
 *   months and a sentence's first word are not name words; "Prime Minister Nouri al-Maliki" is two
 *   names side by side, not one unknown one.
 * - **inside a word**: "Mahdi" in "Abdul-Mahdi". A hyphen joins a name to a lower-case prefix
 *   ("anti-US") or to another name ("Iraqi-Syrian"), but not to an unknown word.
 *
 * Returns a rejection per match (undefined: the match stands), in the same order.
 * `atBlockStart`: the text opens a paragraph or heading, so its first word opens a sentence.
 */
export function judgeMatches(text: string, matches: NameMatch[], atBlockStart: boolean): Array<Rejection | undefined> {
	const normalized = matchingForm(text);
	const covered = new Uint8Array(text.length);
	for (const m of matches) covered.fill(1, m.start, m.end);
	const isCovered = (from: number, to: number) => {
		for (let i = from; i < to; i++) if (LETTER.test(normalized[i]!) && !covered[i]) return false;
		return true;
	};
	const tokens = tokenize(normalized, atBlockStart);
	return matches.map((match) => {
		const hyphen = hyphenRejection(normalized, text, match, isCovered);
		if (hyphen) return hyphen;
		const first = tokens.findIndex((t) => t.end > match.start);
		let last = first;
		while (last + 1 < tokens.length && tokens[last + 1]!.start < match.end) last++;
		if (first === -1) return undefined;
		const run = [...extend(tokens, first, -1), ...extend(tokens, last, 1)];
		const unknown = run.filter((t) => isNameWord(t) && !isCovered(t.start, t.end));
		if (!unknown.length) return undefined;
		const from = Math.min(match.start, ...run.map((t) => t.start));
		const to = Math.max(match.end, ...run.map((t) => t.end));
		return { reason: 'part-of-longer-name', within: text.slice(from, to) };
	});
}

/** The tokens a name could run into from `index`, going left (`step` -1) or right (1). */
function extend(tokens: Token[], index: number, step: -1 | 1): Token[] {
	const run: Token[] = [];
	const joined = (from: Token, to: Token) => (step === 1 ? !from.closedAfter && !to.closedBefore : !from.closedBefore && !to.closedAfter);
	let at = index;
	for (;;) {
		// Particles ("al", "bin", "of the") belong to a name only when a name word comes after them.
		let ahead = at + step;
		while (tokens[ahead] && joined(tokens[ahead - step]!, tokens[ahead]!) && isParticle(tokens[ahead]!)) ahead += step;
		const next = tokens[ahead];
		// Titles are not name words: one starts another name ("US President Barack Obama" is two).
		if (!next || !joined(tokens[ahead - step]!, next) || !isNameWord(next)) break;
		for (let i = at + step; i !== ahead + step; i += step) run.push(tokens[i]!);
		at = ahead;
	}
	return run;
}

function isParticle(token: Token): boolean {
	const lower = token.word.toLowerCase();
	return NAME_PARTICLES.has(lower) || lower === 'of' || lower === 'the';
}

/** "Arab", "Iranian": an adjective beside a name describes it ("Sunni Arab tribes"), it does not lengthen it. */
function isDemonym(word: string): boolean {
	const tags = LEXICON[word];
	return (Array.isArray(tags) ? tags : [tags]).some((t) => t === 'Demonym' || t === 'Adjective');
}

function isTitle(token: Token): boolean {
	return UPPER.test(token.word) && TITLE_WORDS.has(token.word.replace(/\.$/, '').toLowerCase());
}

/** A word that would make a name longer: capitalised (or `al-Something`), and not a title, a day or a sentence's first common word. */
function isNameWord(token: Token): boolean {
	const { word } = token;
	if (/^(?:al|el|ad|as|ash|at|az|ul|bin|abu)-\p{Lu}/u.test(word)) return true;
	if (!UPPER.test(word)) return false;
	const lower = word.replace(/\.$/, '').toLowerCase();
	if (TITLE_WORDS.has(lower) || CAPITALISED_COMMON.has(lower) || isDemonym(lower)) return false;
	if (token.sentenceStart) return false;
	return true;
}

function tokenize(text: string, atBlockStart: boolean): Token[] {
	const tokens: Token[] = [];
	for (const raw of text.matchAll(/\S+/g)) {
		const lead = /^[^\p{L}\p{N}]*/u.exec(raw[0])![0].length;
		const trailMatch = /(?:'s|')?[^\p{L}\p{N}.]*$|\.(?=[^\p{L}\p{N}]*$)/u.exec(raw[0].slice(lead));
		let trail = trailMatch ? trailMatch[0].length : 0;
		let word = raw[0].slice(lead, raw[0].length - trail);
		// "U.S." keeps its full stops: a final one after a single letter is an abbreviation's.
		if (/^(?:\p{L}\.)+\p{L}$/u.test(word) && raw[0][lead + word.length] === '.') {
			word += '.';
			trail--;
		}
		const start = raw.index + lead;
		const before = text.slice(0, raw.index).trimEnd();
		const previous = tokens.at(-1);
		tokens.push({
			start,
			end: start + word.length,
			word,
			closedBefore: lead > 0,
			closedAfter: trail > 0,
			sentenceStart: previous ? previous.closedAfter && /[.!?:;]['"”’)]*$/u.test(before) : atBlockStart || before === '',
		});
	}
	return tokens.filter((t) => t.word.length > 0);
}

function hyphenRejection(normalized: string, text: string, match: NameMatch, isCovered: (from: number, to: number) => boolean): Rejection | undefined {
	if (normalized[match.start - 1] === '-' && LETTER.test(normalized[match.start - 2] ?? '')) {
		let from = match.start - 1;
		while (from > 0 && LETTER.test(normalized[from - 1]!)) from--;
		const word = normalized.slice(from, match.start - 1);
		if (!NAME_PREFIXES.has(word.toLowerCase()) && !isCovered(from, match.start - 1)) {
			return { reason: 'inside-a-word', within: text.slice(from, wordEnd(normalized, match.end)) };
		}
	}
	if (normalized[match.end] === '-' && LETTER.test(normalized[match.end + 1] ?? '')) {
		const to = wordEnd(normalized, match.end + 1);
		const word = normalized.slice(match.end + 1, to);
		if (UPPER.test(word) && !isCovered(match.end + 1, to)) {
			return { reason: 'inside-a-word', within: text.slice(wordStart(normalized, match.start), to) };
		}
	}
	return undefined;
}

function wordEnd(text: string, from: number): number {
	let to = from;
	while (to < text.length && /[\p{L}\p{N}-]/u.test(text[to]!)) to++;
	return to;
}

function wordStart(text: string, from: number): number {
	let at = from;
	while (at > 0 && /[\p{L}\p{N}-]/u.test(text[at - 1]!)) at--;
	return at;
}
