/**
 * Comparing an annotated article with the hand edition, for `npm run bench:authoring`: both are
 * rendered by the site's pipeline and their marks read from the article's text (the open-data
 * definition), so a mark is the same when it covers the same words with the same entry id.
 */
import type { Glossary } from '../../src/corpus/glossary.ts';
import { normalizeName } from '../../src/names.ts';
import { createArticleRenderer } from '../../src/markdown/pipeline.ts';
import { articleText, type ArticleText, type MarkSpan } from '../../src/lib/open-data.ts';
import { existingMarks } from '../../src/authoring/annotate/strip-marks.ts';

/** A mark as compared: its words, located by non-space characters so layout does not matter. */
export interface ComparedMark {
	entity: string;
	exact: string;
	/** Non-space characters before it, and in it (a leading "the" left out). */
	at: number;
	length: number;
}

/** One side's marks, plus for the hand edition whether each was written with an explicit id on words that are not the entry's name or alias. */
export interface MarkedText {
	text: string;
	marks: ComparedMark[];
	quotes: ArticleText['quotes'];
}

/** Renders a body and reads its marks and quoted blocks. */
export async function markedText(body: string, glossary: Glossary): Promise<MarkedText> {
	const render = await createArticleRenderer({ glossary, base: '/' });
	const rendered = await render(body, 'article.md');
	const text = articleText(rendered.html);
	return { text: text.text, marks: text.marks.map((m) => compared(text.text, m)), quotes: text.quotes };
}

const LEADING_THE = /^the\s+/i;

function compared(text: string, mark: MarkSpan): ComparedMark {
	const chars = [...text];
	let start = mark.start;
	const exact = mark.exact.replace(LEADING_THE, (the) => {
		start += [...the].length;
		return '';
	});
	const before = chars.slice(0, start).join('').replace(/\s+/g, '').length;
	return { entity: mark.entity, exact, at: before, length: exact.replace(/\s+/g, '').length };
}

const key = (m: ComparedMark) => `${m.at}:${m.length}:${m.entity}`;
const place = (m: ComparedMark) => `${m.at}:${m.length}`;

/**
 * Why the hand edition has a mark the tool did not make. `editorial`: the words are not a name or
 * alias of the entry (a contextual alias, or words only an editor can read that way).
 */
export type MissKind = 'editorial' | 'proposed' | 'wrong-id' | 'missed';

/** The tool's marks against the hand edition's: counts, rates, and each difference explained. */
export interface MarkComparison {
	tool: number;
	hand: number;
	matched: number;
	precision: number;
	recall: number;
	misses: Array<ComparedMark & { kind: MissKind; tool?: string }>;
	extras: Array<ComparedMark & { hand?: string }>;
}

/**
 * Precision and recall of the tool's marks against the hand edition's. A miss is `editorial` when
 * the hand edition marked words that are not a name or alias of that entry (a contextual alias,
 * or other words: an editor's judgement the tool is designed not to make),
 * `proposed` when the tool listed it for review with the right id, `wrong-id` when the tool
 * marked the same words as another entry, and `missed` otherwise.
 */
export function compareMarks(tool: MarkedText, hand: MarkedText, handBody: string, glossary: Glossary, proposed: MarkedText): MarkComparison {
	const toolKeys = new Set(tool.marks.map(key));
	const handKeys = new Set(hand.marks.map(key));
	const proposedKeys = new Set(proposed.marks.map(key));
	const toolByPlace = new Map(tool.marks.map((m) => [place(m), m.entity]));
	const handByPlace = new Map(hand.marks.map((m) => [place(m), m.entity]));
	const sources = existingMarks(handBody);
	const judged = (i: number): boolean => {
		const source = sources[i];
		const mark = hand.marks[i]!;
		if (!source) return false;
		const entry = glossary.entries.get(mark.entity);
		if (!entry) return true;
		const names = [entry.name, ...entry.aliases].map(normalizeName);
		return !names.includes(normalizeName(source.label.replace(/:sic\[([^\]]*)\]\{[^}]*\}/g, '$1')));
	};
	if (sources.length !== hand.marks.length) throw new Error(`the hand edition has ${sources.length} marks in its source but ${hand.marks.length} rendered`);
	const matched = hand.marks.filter((m) => toolKeys.has(key(m))).length;
	const misses = hand.marks.flatMap((m, i) => {
		if (toolKeys.has(key(m))) return [];
		const other = toolByPlace.get(place(m));
		const kind: MissKind = judged(i) ? 'editorial' : proposedKeys.has(key(m)) ? 'proposed' : other ? 'wrong-id' : 'missed';
		return [{ ...m, kind, ...(other ? { tool: other } : {}) }];
	});
	const extras = tool.marks.filter((m) => !handKeys.has(key(m))).map((m) => ({ ...m, ...(handByPlace.has(place(m)) ? { hand: handByPlace.get(place(m)) } : {}) }));
	return {
		tool: tool.marks.length,
		hand: hand.marks.length,
		matched,
		precision: tool.marks.length ? matched / tool.marks.length : 1,
		recall: hand.marks.length ? matched / hand.marks.length : 1,
		misses,
		extras,
	};
}

/** Words of `a` and `b` outside their longest common subsequence: 0 when the two texts have the same words in the same order. */
export function wordsChanged(a: string, b: string): number {
	const x = a.split(/\s+/).filter(Boolean);
	const y = b.split(/\s+/).filter(Boolean);
	let previous = new Uint16Array(y.length + 1);
	for (let i = 1; i <= x.length; i++) {
		const row = new Uint16Array(y.length + 1);
		for (let j = 1; j <= y.length; j++) row[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
		previous = row;
	}
	const common = previous[y.length]!;
	return Math.max(x.length, y.length) - common;
}
