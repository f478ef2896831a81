import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { foldApostrophes } from '../names.ts';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import { report } from './diagnostics.ts';

export interface RemarkUnmarkedAliasesOptions {
	glossary: GlossaryIndex;
}

const SKIPPED_PARENTS = new Set(['textDirective', 'leafDirective', 'link', 'linkReference', 'inlineCode', 'code', 'heading']);

/**
 * Warns where the text holds a name the glossary knows but the editor did not mark:
 * "… met Maliki in Baghdad" with `Baghdad` unmarked gives
 * `article.md:3:18: warning: "Baghdad" is a name of \`baghdad\` but is not marked`.
 *
 * Only proper names are looked for (aliases with a capitalised word other than a leading
 * "The"), matched whole-word and case-sensitively (apart from the first letter), so that generic
 * aliases such as "the prime minister" do not flood the report.
 */
export const remarkUnmarkedAliases: Plugin<[RemarkUnmarkedAliasesOptions], Root> = function ({ glossary }) {
	const pattern = buildPattern(glossary);
	return (tree: Root, file: VFile) => {
		if (!pattern) return;
		visitParents(tree, 'text', (node: Text, ancestors) => {
			if (ancestors.some((a) => SKIPPED_PARENTS.has(a.type))) return;
			const value = foldApostrophes(node.value);
			const firstBreak = value.indexOf('\n');
			for (const match of findNames(value, pattern.byLeadingWord)) {
				const found = match[0];
				const ids = pattern.ids.get(found) ?? pattern.ids.get(flipFirst(found)) ?? [];
				const start = node.position?.start;
				const place = start && (firstBreak < 0 || match.index < firstBreak) ? { line: start.line, column: start.column + match.index } : start;
				report(
					file,
					'warning',
					'unmarked-name',
					place,
					`"${node.value.substr(match.index, found.length)}" is a name of ${ids.map((i) => `\`${i}\``).join(' or ')} but is not marked`,
					`mark it: \`:e[${found}]${ids.length > 1 ? `{#${ids[0]}}` : ''}\``,
				);
			}
		});
	};
};

function flipFirst(text: string): string {
	const first = text.charAt(0);
	const flipped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
	return flipped + text.slice(1);
}

function isProperName(alias: string): boolean {
	const words = alias.split(/\s+/);
	const rest = /^the$/i.test(words[0] ?? '') ? words.slice(1) : words;
	return rest.some((w) => /^\p{Lu}/u.test(w));
}

function buildPattern(glossary: GlossaryIndex): { byLeadingWord: Map<string, string[]>; ids: Map<string, string[]> } | undefined {
	const ids = new Map<string, string[]>();
	for (const entry of glossary.entries.values()) {
		for (const alias of new Set([entry.name, ...entry.aliases])) {
			if (!isProperName(alias)) continue;
			const key = foldApostrophes(alias);
			for (const form of new Set([key, flipFirst(key)])) {
				const list = ids.get(form) ?? [];
				if (!list.includes(entry.id)) list.push(entry.id);
				ids.set(form, list);
			}
		}
	}
	if (ids.size === 0) return undefined;
	// Names grouped by their leading word, longest first: a text position is compared only with the
	// names that start with the word found there, so the cost does not grow with the glossary
	// (one regex alternation of every name made `npm run check` quadratic on large corpora).
	const byLeadingWord = new Map<string, string[]>();
	for (const form of [...ids.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b))) {
		const key = leadingWord(form, 0);
		const list = byLeadingWord.get(key) ?? [];
		list.push(form);
		byLeadingWord.set(key, list);
	}
	return { byLeadingWord, ids };
}

const WORD = /[\p{L}\p{N}]+/uy;
const WORDS = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /^[\p{L}\p{N}]/u;

function leadingWord(text: string, from: number): string {
	WORD.lastIndex = from;
	return WORD.exec(text)?.[0] ?? '';
}

/**
 * Whole-word occurrences of the names in `text`, leftmost and then longest first, not
 * overlapping: what `/(?<![\p{L}\p{N}])(?:name1|name2|…)(?![\p{L}\p{N}])/gu` finds with the
 * names sorted longest first.
 */
function* findNames(text: string, byLeadingWord: Map<string, string[]>): Generator<[string] & { index: number }> {
	const starts: number[] = [];
	for (const word of text.matchAll(WORDS)) starts.push(word.index);
	// Names that start with a sign rather than a letter may start anywhere a word does not continue.
	const unworded = byLeadingWord.get('');
	if (unworded) {
		for (let i = 0; i < text.length; i++) if (!WORD_CHAR.test(text.slice(i, i + 2)) && (i === 0 || !/[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, i - 2), i)))) starts.push(i);
		starts.sort((a, b) => a - b);
	}
	let next = 0;
	for (const start of starts) {
		if (start < next) continue;
		const candidates = byLeadingWord.get(leadingWord(text, start)) ?? [];
		const found = candidates.find((name) => text.startsWith(name, start) && !WORD_CHAR.test(text.slice(start + name.length, start + name.length + 2)));
		if (!found) continue;
		next = start + found.length;
		yield Object.assign([found] as [string], { index: start });
	}
}
