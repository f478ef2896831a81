import type { Glossary } from '../../corpus/glossary.ts';
import { normalizeName } from '../../names.ts';
import { sentenceAt } from '../../markdown/text.ts';
import { placeFinder } from '../file-places.ts';
import { findNames } from './find-names.ts';
import { judgeMatches } from './judge-matches.ts';
import { readArticleSource, type SkipReason, type TextSegment } from './markdown-source.ts';
import { buildNameIndex, type NameIndex } from './name-index.ts';

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
	/** Contextual aliases (`contextual:` in the entry): proposed for review, not written. */
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
 * Contextual aliases are proposed for review, names shared by two entries are listed with their
 * candidates, and a name that is part of a longer one ("Hussein" in "Hussein Ali al-Aujail") is
 * left alone; all three are reported in the plan.
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
	for (const segment of article.segments) {
		const matches = findNames(segment.value, index);
		const verdicts = judgeMatches(segment.value, matches, segment.atBlockStart);
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
			if (ids.length > 1) {
				ambiguous.push({ ...at, words, candidates: ids, sentence });
				return;
			}
			const id = ids[0]!;
			if (!span || !markable(body, span.start, span.end)) {
				passedOver.push({ ...at, words, candidates: ids, reason: 'not-plain-text', within: words });
				return;
			}
			const label = body.slice(span.start, span.end);
			const named = glossary.byName.get(normalizeName(label)) ?? [];
			const markdown = named.length === 1 && named[0] === id ? `:e[${label}]` : `:e[${label}]{#${id}}`;
			// A contextual name is proposed with its id even where the words alone would resolve: in the
			// next article they may not mean this entry.
			if (senses.every((s) => s.contextual)) review.push({ ...at, words: label, id, markdown: `:e[${label}]{#${id}}`, sentence });
			else marks.push({ ...at, words: label, id, markdown, sentence });
		});
	}
	let after = source;
	for (const mark of [...marks].sort((a, b) => b.offset - a.offset)) {
		after = after.slice(0, mark.offset) + mark.markdown + after.slice(mark.offset + mark.words.length);
	}
	return { before: source, after, marks, review, ambiguous, passedOver, skipped: article.skipped };
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
