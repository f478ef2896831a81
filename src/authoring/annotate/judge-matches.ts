import { CAPITALISED_COMMON, NAME_PARTICLES, NAME_PREFIXES, TITLE_WORDS } from '../names/name-words.ts';
import { lexiconTags } from '../names/lexicon.ts';
import { wordTokens, type WordToken } from '../names/tokens.ts';
import type { NameMatch } from './find-names.ts';
import { matchingForm } from './name-index.ts';

/** Why a name found in the text is not that name. */
export interface Rejection {
	reason: 'part-of-longer-name' | 'inside-a-word';
	/** The longer name or word the match sits in, as written. */
	within: string;
}

const LETTER = /[\p{L}\p{N}]/u;
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
	const tokens = wordTokens(normalized, atBlockStart);
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
function extend(tokens: WordToken[], index: number, step: -1 | 1): WordToken[] {
	const run: WordToken[] = [];
	// Only spaces between two words let one name run across them.
	const joined = (from: number, to: number) => tokens[Math.min(from, to)]!.joinedToNext;
	let at = index;
	for (;;) {
		// Particles ("al", "bin", "of the") belong to a name only when a name word comes after them.
		let ahead = at + step;
		while (tokens[ahead] && joined(ahead - step, ahead) && isParticle(tokens[ahead]!)) ahead += step;
		const next = tokens[ahead];
		// Titles are not name words: one starts another name ("US President Barack Obama" is two).
		if (!next || !joined(ahead - step, ahead) || !isNameWord(next)) break;
		for (let i = at + step; i !== ahead + step; i += step) run.push(tokens[i]!);
		at = ahead;
	}
	return run;
}

function isParticle(token: WordToken): boolean {
	const lower = token.word.toLowerCase();
	return NAME_PARTICLES.has(lower) || lower === 'of' || lower === 'the';
}

/** "Arab", "Iranian": an adjective beside a name describes it ("Sunni Arab tribes"), it does not lengthen it. */
function isDemonym(word: string): boolean {
	return lexiconTags(word).some((t) => t === 'Demonym' || t === 'Adjective');
}

/** A word that would make a name longer: capitalised (or `al-Something`), and not a title, a day or a sentence's first common word. */
function isNameWord(token: WordToken): boolean {
	const { word } = token;
	if (/^(?:al|el|ad|as|ash|at|az|ul|bin|abu)-\p{Lu}/u.test(word)) return true;
	if (!UPPER.test(word)) return false;
	const lower = word.replace(/\.$/, '').toLowerCase();
	if (TITLE_WORDS.has(lower) || CAPITALISED_COMMON.has(lower) || isDemonym(lower)) return false;
	if (token.sentenceStart) return false;
	return true;
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
