import type { Glossary } from '../../corpus/glossary.ts';
import { normalizeName } from '../../names.ts';
import { sentenceAt } from '../../markdown/text.ts';
import { placeFinder } from '../file-places.ts';
import { findNames } from './find-names.ts';
import { judgeMatches } from './judge-matches.ts';
import { readArticleSource, type SkipReason, type TextSegment } from './markdown-source.ts';
import { lexiconTags } from '../names/lexicon.ts';
import { buildNameIndex, matchingForm, type NameIndex } from './name-index.ts';

/** A place in the article file: 1-based line and column, 0-based offset into the whole file. */
export interface FilePlace {
	line: number;
	column: number;
	offset: number;
}

/** A name the annotator marks, or proposes to mark. */
export interface PlannedMark extends FilePlace {
	/** The words as the article writes them (they become the mark's label). */
	words: string;
	id: string;
	/** What is written in place of the words: `:e[Baghdad]`, or `:e[the capital]{#baghdad}` when the words alone do not name the entry. */
	markdown: string;
	sentence: string;
	/**
	 * Set on a contextual alias marked by coreference: the words that named the entry earlier in
	 * the same paragraph ("militia" → `mahdi-army`, named earlier as “Mahdi Army”).
	 */
	namedAs?: string;
	/** Set on a contextual alias left for review when its paragraph says something about it: why it was not resolved. */
	unresolved?: string;
}

/** A name two or more entries share, listed rather than guessed. */
export interface AmbiguousName extends FilePlace {
	words: string;
	candidates: string[];
	sentence: string;
}

/** A glossary name found in the text but left alone, and why. */
export interface PassedOverName extends FilePlace {
	words: string;
	/** The entries it would have named. */
	candidates: string[];
	reason: 'part-of-longer-name' | 'inside-a-word' | 'not-plain-text';
	/** The longer name or word it sits in. */
	within: string;
}

/** What annotating one article gives: the new source and an account of every decision. */
export interface AnnotationPlan {
	/** The whole file, before and after. */
	before: string;
	after: string;
	/** Marks written into `after`. */
	marks: PlannedMark[];
	/** Contextual aliases (`contextual:` in the entry) that coreference did not resolve: proposed for review, not written. */
	review: PlannedMark[];
	ambiguous: AmbiguousName[];
	passedOver: PassedOverName[];
	/** Text nodes not looked at, by reason (existing marks, links, code, excluded headings, directives). */
	skipped: Record<SkipReason, number>;
}

/** Options of {@link planAnnotations}. */
export interface PlanOptions {
	/** Where the body starts in `source` (after the frontmatter): characters and 0-based line. */
	bodyOffset: number;
	/** A name index built once for many articles (built from the glossary when left out). */
	index?: NameIndex;
}

/**
 * Marks, in an article's Markdown, every name the glossary knows that is not marked yet, and
 * nothing else: the source is edited by offsets, each name's words becoming the label of an
 * `:e[…]` mark, so no other character of the file changes. Running it again on its own output
 * changes nothing.
 *
 * ```md
 * Maliki’s men left Sadr City.
 * ```
 * becomes
 * ```md
 * :e[Maliki]’s men left :e[Sadr City].
 * ```
 * A contextual alias is marked when its paragraph named the entry before it (see
 * {@link resolveByCoreference}) and proposed for review otherwise; names shared by two entries are
 * listed with their candidates, and a name that is part of a longer one ("Hussein" in "Hussein Ali
 * al-Aujail") is left alone; all of these are reported in the plan.
 */
export function planAnnotations(source: string, glossary: Glossary, { bodyOffset, index = buildNameIndex(glossary) }: PlanOptions): AnnotationPlan {
	const body = source.slice(bodyOffset);
	const article = readArticleSource(body);
	const placeOf = placeFinder(source);
	const place = (bodyPosition: number): FilePlace => ({ ...placeOf(bodyOffset + bodyPosition), offset: bodyOffset + bodyPosition });
	const marks: PlannedMark[] = [];
	const review: PlannedMark[] = [];
	const ambiguous: AmbiguousName[] = [];
	const passedOver: PassedOverName[] = [];
	// Who each paragraph names, by name or alias: its existing marks and the marks this run makes
	// (gathered first, so that a name later in the paragraph is known when an alias is judged).
	const found = article.segments.map((segment) => {
		const matches = findNames(segment.value, index);
		return { segment, matches, verdicts: judgeMatches(segment.value, matches, segment.atBlockStart) };
	});
	const namings = new Map<number, Naming[]>();
	const named = (block: number, naming: Naming) => namings.set(block, [...(namings.get(block) ?? []), naming]);
	for (const mark of article.marks) {
		const id = mark.id ?? uniqueId(glossary, mark.label);
		if (id && namesEntry(mark.label, id, index)) named(mark.block, { id, at: mark.blockOffset, words: mark.label });
	}
	for (const { segment, matches, verdicts } of found) {
		matches.forEach((match, i) => {
			const senses = index.senses.get(match.form) ?? [];
			const span = sourceSpan(segment, match.start, match.end);
			if (verdicts[i] || senses.length !== 1 || senses[0]!.contextual || !span || !markable(body, span.start, span.end)) return;
			named(segment.block, { id: senses[0]!.id, at: segment.blockOffset + match.start, words: body.slice(span.start, span.end) });
		});
	}
	for (const { segment, matches, verdicts } of found) {
		matches.forEach((match, i) => {
			const senses = index.senses.get(match.form) ?? [];
			const ids = [...new Set(senses.map((s) => s.id))];
			const span = sourceSpan(segment, match.start, match.end);
			const words = segment.value.slice(match.start, match.end);
			const at = place(span?.start ?? firstOffset(segment, match.start));
			const verdict = verdicts[i];
			if (verdict) {
				passedOver.push({ ...at, words, candidates: ids, reason: verdict.reason, within: verdict.within });
				return;
			}
			const sentence = sentenceAt(segment.blockText, segment.blockOffset + match.start);
			const contextual = senses.every((s) => s.contextual);
			const coreference = contextual ? resolveByCoreference(words, ids, segment.blockOffset + match.start, namings.get(segment.block) ?? [], index) : undefined;
			if (ids.length > 1 && !coreference?.id) {
				ambiguous.push({ ...at, words, candidates: ids, sentence });
				return;
			}
			const id = coreference?.id ?? ids[0]!;
			if (!span || !markable(body, span.start, span.end)) {
				passedOver.push({ ...at, words, candidates: ids, reason: 'not-plain-text', within: words });
				return;
			}
			const label = body.slice(span.start, span.end);
			// A contextual name is written with its id even where the words alone would resolve: in the
			// next article they may not mean this entry.
			if (contextual) {
				const mark = { ...at, words: label, id, markdown: `:e[${label}]{#${id}}`, sentence };
				if (coreference?.id) marks.push({ ...mark, namedAs: coreference.namedAs });
				else review.push({ ...mark, ...(coreference?.unresolved ? { unresolved: coreference.unresolved } : {}) });
				return;
			}
			const byLabel = glossary.byName.get(normalizeName(label)) ?? [];
			const markdown = byLabel.length === 1 && byLabel[0] === id ? `:e[${label}]` : `:e[${label}]{#${id}}`;
			marks.push({ ...at, words: label, id, markdown, sentence });
		});
	}
	let after = source;
	for (const mark of [...marks].sort((a, b) => b.offset - a.offset)) {
		after = after.slice(0, mark.offset) + mark.markdown + after.slice(mark.offset + mark.words.length);
	}
	return { before: source, after, marks, review, ambiguous, passedOver, skipped: article.skipped };
}

/** An entry named in a paragraph by its name or an alias, and where (offset in the paragraph's text). */
interface Naming {
	id: string;
	at: number;
	words: string;
}

/** What coreference made of a contextual alias: the entry it resolves to, or why it did not resolve (nothing when its paragraph names none of its entries). */
interface Coreference {
	id?: string;
	namedAs?: string;
	unresolved?: string;
}

/**
 * Within-paragraph coreference, the way an editor reads a contextual alias: "Sadr’s officially
 * inactive militia" means the Mahdi Army when the same paragraph has just said “Mahdi Army”. The
 * alias resolves to an entry when, earlier in the same paragraph (a heading, a table cell, a
 * paragraph of a quotation: each is its own), that entry was named by its name or a
 * non-contextual alias, and no other entry that shares the alias was. It does not resolve:
 * - when the entry is named only after it ("The mayor … Mayor Hussein Ali al-Aujail said"): an
 *   alias ahead of the name is the writer's lead-in, and nothing before it says who is meant;
 * - across paragraphs: a new paragraph often turns to another subject, and the farther the name
 *   the weaker the link;
 * - when the words are also a people's name ("Iraqis", "Kurds": a plural of a demonym, or of
 *   another entry's name or alias such as Iraq's "Iraqi"): such words name the people by default,
 *   and only what the sentence says (fighting, retreating) can tell that they mean an army there.
 * Contextual aliases that are another entry's name ("Kurds", also the name of `kurds`) stay
 * ambiguous before this is asked. A mark made by coreference never counts as a naming itself, so
 * coreference does not chain from one alias to the next.
 */
function resolveByCoreference(words: string, ids: string[], at: number, namings: Naming[], index: NameIndex): Coreference {
	const before = namings.filter((n) => n.at < at && ids.includes(n.id)).sort((a, b) => a.at - b.at);
	const namedIds = [...new Set(before.map((n) => n.id))];
	if (!namedIds.length) {
		const later = namings.find((n) => n.at > at && ids.includes(n.id));
		return later ? { unresolved: `\`${later.id}\` is named in this paragraph only after it, as “${later.words}”` } : {};
	}
	if (namedIds.length > 1) return { unresolved: `this paragraph names more than one entry it may stand for (${namedIds.map((id) => `\`${id}\``).join(', ')})` };
	if (isPeoplesName(words, ids, index)) return { unresolved: `“${words}” is also a people's name, so being near \`${namedIds[0]}\` does not settle it` };
	// The nearest naming is the one an editor reads it against.
	return { id: namedIds[0]!, namedAs: before.at(-1)!.words };
}

/** Whether words are a people's name: a demonym in the plural ("Iraqis"), or the plural of another entry's name or alias ("Iraqi" names `iraq`). */
function isPeoplesName(words: string, ids: string[], index: NameIndex): boolean {
	const form = matchingForm(words.trim());
	if (!/^\p{Lu}\p{Ll}+s$/u.test(form)) return false;
	if (lexiconTags(form).includes('Demonym')) return true;
	return [form.slice(0, -1), form.replace(/es$/, '')].some((singular) => (index.senses.get(singular) ?? []).some((s) => !s.contextual && !ids.includes(s.id)));
}

/** The entry words name on their own (as a mark without an id), if exactly one. */
function uniqueId(glossary: Glossary, words: string): string | undefined {
	const ids = glossary.byName.get(normalizeName(words)) ?? [];
	return ids.length === 1 ? ids[0] : undefined;
}

/** Whether words are the entry's name or a non-contextual alias (a possessive or plural of one included): what makes a naming. */
function namesEntry(words: string, id: string, index: NameIndex): boolean {
	const matches = findNames(words, index);
	return matches.some((m) => (index.senses.get(m.form) ?? []).some((s) => s.id === id && !s.contextual));
}

/** The span of the source that holds `value[start..end)`, when it is that text character for character. */
function sourceSpan(segment: TextSegment, start: number, end: number): { start: number; end: number } | undefined {
	const offsets = segment.sourceOffsets;
	for (let i = start; i < end; i++) {
		if (offsets[i] === -1 || (i > start && offsets[i] !== offsets[i - 1]! + 1)) return undefined;
	}
	return { start: offsets[start]!, end: offsets[end - 1]! + 1 };
}

function firstOffset(segment: TextSegment, from: number): number {
	for (let i = from; i < segment.sourceOffsets.length; i++) if (segment.sourceOffsets[i]! >= 0) return segment.sourceOffsets[i]!;
	return 0;
}

/** Whether the words can become a label as they are: no bracket or backslash in them, no `{` after them (it would read as attributes). */
function markable(body: string, start: number, end: number): boolean {
	return !/[[\]\\]/.test(body.slice(start, end)) && body[end] !== '{';
}
