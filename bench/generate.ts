/**
 * A deterministic synthetic corpus for the benchmark: N articles of about 1,500 words, a glossary
 * of 2N entries of every type, six quoted blocks per article, one marked name per ~12 words (the
 * seed article's density). Same seed and size → byte-identical files.
 *
 *   node bench/generate.ts --articles 100 --out bench/.work/corpus-100 [--seed 8]
 *
 * The text is made-up words drawn from a Zipf-like vocabulary, so search indexes grow the way
 * they do with real prose (a few very common words, a long tail), and glossary mentions follow a
 * popularity curve too: a few entries appear in most articles, every entry appears at least once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TYPE_FOLDERS, type EntityType } from '../src/schemas/glossary.ts';
import { slugify } from '../src/slug.ts';

/** mulberry32: a tiny seeded PRNG, good enough for synthetic text and stable across Node versions. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface GenerateOptions {
	/** Number of articles; the glossary gets twice as many entries. */
	articles: number;
	/** Content folder to (re)create: `articles/` and `glossary/<type>/` go inside. */
	outDir: string;
	seed?: number;
	/** Words per article body (about). */
	words?: number;
}

/** What the benchmark needs to know about a generated corpus. */
export interface CorpusManifest {
	articles: number;
	entries: number;
	seed: number;
	words: number;
	marks: number;
	quotes: number;
	/** Two search queries: a popular name and a common word, for the search measurements. */
	queries: [string, string];
	/** Slug of one article, for page-weight measurements. */
	sampleArticle: string;
}

const TYPE_SHARES: [EntityType, number][] = [
	['person', 0.3],
	['place', 0.25],
	['organization', 0.12],
	['armed-group', 0.08],
	['outlet', 0.1],
	['term', 0.15],
];

// Name syllables (capitalised names) and word syllables (lower-case prose) are disjoint sets, so a
// word of prose never spells a glossary name and the "unmarked name" warning stays quiet.
const NAME_ONSETS = ['B', 'D', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'R', 'S', 'T', 'V', 'Z', 'Kh', 'Sh', 'Q'];
const NAME_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const NAME_CODAS = ['', 'n', 'r', 'l', 'm', 'd', 'k', 's', 'th', 'z'];
const WORD_ONSETS = ['p', 'pl', 'pr', 'st', 'tr', 'c', 'cl', 'w', 'wh', 'y', 'x', 'bl', 'gr', 'fr', 'sp'];
const WORD_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'ee', 'oo'];
const WORD_CODAS = ['', 'nt', 'ck', 'st', 'ng', 'p', 'ff', 'ss', 'x'];
/** The commonest words of English prose, at the top of every vocabulary. */
export const FUNCTION_WORDS = [
	'the',
	'of',
	'and',
	'to',
	'in',
	'a',
	'that',
	'for',
	'on',
	'with',
	'as',
	'by',
	'at',
	'from',
	'was',
	'is',
	'his',
	'their',
	'after',
	'before',
	'but',
	'not',
	'which',
	'who',
	'said',
	'has',
	'had',
	'have',
	'were',
	'into',
	'over',
	'near',
	'against',
];
const ARABIC = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const ROLES: Record<EntityType, string[]> = {
	person: ['Governor of the province', 'Spokesman for the ministry', 'Commander of the northern front', 'Member of parliament', 'Senior cleric', 'Tribal leader'],
	place: ['Town on the river', 'Provincial capital', 'Border district', 'City in the north', 'Oil town in the desert'],
	organization: ['Government ministry', 'Political party', 'Relief agency', 'Provincial council'],
	'armed-group': ['Militia active in the north', 'Insurgent group', 'Volunteer brigade'],
	outlet: ['News agency', 'Daily newspaper', 'Television channel', 'News website'],
	term: ['Religious term', 'Legal term', 'Military term', 'Political term'],
};

/** One generated glossary entry: its id, name, type and aliases (names and aliases all distinct, ignoring case). */
export interface GeneratedEntry {
	id: string;
	name: string;
	type: EntityType;
	aliases: string[];
}
type Entry = GeneratedEntry;

/**
 * Suffixes that make a taken name or word new again: syllables of one fixed length, so that two
 * different suffix numbers always give two different strings. Lower-case, so the first letters
 * (which keep prose words and names apart) never change.
 */
const NAME_SUFFIXES = ['ba', 'di', 'ko', 'mu', 'ne', 'ra', 'si', 'tu', 'va', 'zo'];
const WORD_SUFFIXES = ['pa', 'te', 'ci', 'wo', 'yu', 'xe', 'pi', 'ta', 'co', 'we'];
/**
 * Random draws tried before falling back to suffixes. Not what makes generation end (the
 * fallback does that); it keeps every corpus that the earlier generator managed to write
 * byte-identical (a 64th miss in a row practically never happens with random makers).
 */
const RANDOM_DRAWS = 64;

/** `k` (1, 2, 3…) in bijective base-n over the syllables: a different string for every `k`. */
function suffixNumber(k: number, syllables: readonly string[]): string {
	let text = '';
	for (let rest = k; rest > 0; rest = Math.floor((rest - 1) / syllables.length)) text = syllables[(rest - 1) % syllables.length] + text;
	return text;
}

/**
 * A maker of strings unique within `used` (compared in lower case), which records each one it
 * returns. It draws from `make` a few times; if every draw is taken, it appends numbered suffixes
 * to the last draw's first word. Those candidates are pairwise distinct, so among the first
 * `used.size + 1` of them one is free: the search always ends, whatever the size of the corpus
 * or the maker (even one that always returns the same string).
 */
export function uniqueMaker(used: Set<string>, suffixes: readonly string[]): (make: () => string) => string {
	const claim = (text: string) => {
		used.add(text.toLowerCase());
		return text;
	};
	return (make) => {
		let candidate = '';
		for (let draw = 0; draw < RANDOM_DRAWS; draw++) {
			candidate = make();
			if (!used.has(candidate.toLowerCase())) return claim(candidate);
		}
		const [first = '', ...rest] = candidate.split(' ');
		for (let k = 1; k <= used.size + 1; k++) {
			const next = [first + suffixNumber(k, suffixes), ...rest].join(' ');
			if (!used.has(next.toLowerCase())) return claim(next);
		}
		throw new Error('unreachable: more distinct candidates were tried than there are taken strings');
	};
}

/** `pick` and `int` over a seeded generator. */
function randomTools(random: () => number) {
	return {
		pick: <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!,
		int: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
	};
}

/**
 * The glossary of a generated corpus: `entryCount` entries of every type in the proportions of
 * `TYPE_SHARES` (at least one of each kind when there is room), with names and aliases that are
 * all distinct ignoring case (an alias shared by two entries would be ambiguous), and distinct ids.
 * Draws from `random` only, so it always ends and the same generator state gives the same entries.
 */
export function glossaryEntries(entryCount: number, random: () => number): GeneratedEntry[] {
	const { pick, int } = randomTools(random);
	const usedNames = new Set<string>();
	const usedIds = new Set<string>();
	const fresh = uniqueMaker(usedNames, NAME_SUFFIXES);
	/** Takes a given alias if it is free; an alias is optional, so a taken one is left out. */
	const aliasIfFree = (aliases: string[], alias: string) => {
		if (!usedNames.has(alias.toLowerCase())) aliases.push(fresh(() => alias));
	};
	const nameWord = () => {
		let w = '';
		const syllables = int(2, 3);
		for (let i = 0; i < syllables; i++) w += (i === 0 ? pick(NAME_ONSETS) : pick(NAME_ONSETS).toLowerCase()) + pick(NAME_VOWELS) + pick(NAME_CODAS);
		return w;
	};
	const types: EntityType[] = [];
	for (const [type, share] of TYPE_SHARES) for (let i = 0; i < Math.max(1, Math.round(entryCount * share)); i++) types.push(type);
	while (types.length > entryCount) {
		// Trim the most common type, so that even a tiny glossary keeps one entry of each kind.
		const tally = new Map<EntityType, number>();
		for (const t of types) tally.set(t, (tally.get(t) ?? 0) + 1);
		const largest = [...tally].sort((x, y) => y[1] - x[1])[0]![0];
		types.splice(types.lastIndexOf(largest), 1);
	}
	while (types.length < entryCount) types.push('person');
	// Interleave types so that popular ranks hold every kind.
	for (let i = types.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[types[i], types[j]] = [types[j]!, types[i]!];
	}
	if (!types.includes('outlet')) types[0] = 'outlet';

	const entries: Entry[] = [];
	for (const type of types) {
		let name: string;
		const aliases: string[] = [];
		if (type === 'person') {
			name = fresh(() => `${nameWord()} al-${nameWord()}`);
			aliasIfFree(aliases, name.split(' al-')[1]!);
		} else if (type === 'organization' || type === 'armed-group' || type === 'outlet') {
			const kind = { organization: ['Council', 'Ministry', 'Party', 'Front'], 'armed-group': ['Brigades', 'Army', 'Battalions'], outlet: ['Times', 'News', 'Post', 'Agency'] }[type];
			name = fresh(() => `${nameWord()} ${pick(kind)}`);
			aliasIfFree(
				aliases,
				name
					.split(' ')
					.map((w) => w[0])
					.join('') + name.split(' ')[0]!.slice(1, 3).toUpperCase(),
			);
		} else {
			name = fresh(nameWord);
			// This alias once went through the random retry loop with a maker that always returned
			// the same taken plural ("Bas" when "Ba" + "s" was already a name): generation at
			// 5,000 articles never ended.
			if (random() < 0.5) aliasIfFree(aliases, `${name}s`);
		}
		// Each step makes the id longer, so it soon differs from every taken one.
		let id = slugify(name);
		while (usedIds.has(id)) id = `${id}-${int(2, 9)}`;
		usedIds.add(id);
		entries.push({ id, name, type, aliases });
	}
	return entries;
}

/**
 * The words of a corpus of `count` articles: its prose vocabulary (function words first, most
 * frequent, then made-up words by frequency rank) and its glossary of `2 × count` entries, with the
 * seeded generator that goes on to write the articles. Pure and always ends: the benchmark's
 * generation of every size starts here.
 */
export function corpusWords(count: number, seed = 8): { vocabulary: string[]; entries: GeneratedEntry[]; random: () => number } {
	if (!Number.isInteger(count) || count < 1) throw new Error(`--articles must be a positive whole number (got ${count})`);
	const random = mulberry32(seed * 1_000_003 + count);
	const { pick, int } = randomTools(random);
	const vocabulary = [...FUNCTION_WORDS];
	const freshWord = uniqueMaker(new Set(vocabulary), WORD_SUFFIXES);
	const vocabularySize = Math.min(40_000, 3000 + count * 30);
	while (vocabulary.length < vocabularySize) {
		vocabulary.push(
			freshWord(() => {
				const syllables = int(1, 3);
				let word = '';
				for (let i = 0; i < syllables; i++) word += pick(WORD_ONSETS) + pick(WORD_VOWELS) + pick(WORD_CODAS);
				return word;
			}),
		);
	}
	return { vocabulary, entries: glossaryEntries(count * 2, random), random };
}

/** Writes the corpus and returns its manifest (also written as `.manifest.json` in it). */
export function generateCorpus({ articles: count, outDir, seed = 8, words = 1500 }: GenerateOptions): CorpusManifest {
	const { vocabulary, entries, random } = corpusWords(count, seed);
	const { pick, int } = randomTools(random);
	/** Zipf-like rank in [0, n): small ranks are much more likely. */
	const zipf = (n: number, s = 1.1) => Math.min(n - 1, Math.floor(Math.pow(n + 1, Math.pow(random(), s)) - 1));
	const word = () => vocabulary[zipf(vocabulary.length, 1.6)]!;

	fs.rmSync(outDir, { recursive: true, force: true });
	const outlets = entries.filter((e) => e.type === 'outlet');

	const glossaryDir = path.join(outDir, 'glossary');
	for (const entry of entries) {
		const lines = ['---', `name: ${entry.name}`, `type: ${entry.type}`];
		if (entry.aliases.length) lines.push(`aliases: [${entry.aliases.join(', ')}]`);
		if (random() < 0.6) {
			let native = '';
			for (let i = int(3, 8); i > 0; i--) native += ARABIC[int(0, ARABIC.length - 1)];
			lines.push('native:', `  - { lang: ar, text: ${native} }`);
		}
		lines.push(`role: ${pick(ROLES[entry.type])}`, `asOf: 2014-0${int(1, 9)}`);
		lines.push(`summary: ${sentence(() => word(), 14, 28).replace(/\.$/, '')} (synthetic entry).`);
		if (random() < 0.5) lines.push(`wikidata: Q${int(1000, 9_999_999)}`);
		if (entry.type === 'place') lines.push(`coordinates: { lat: ${(int(2900, 3700) / 100).toFixed(2)}, lon: ${(int(3900, 4800) / 100).toFixed(2)}${random() < 0.2 ? ', approximate: true' : ''} }`);
		lines.push('sources:', `  - https://example.org/sources/${entry.id}`);
		lines.push('---');
		for (let p = int(1, 3); p > 0; p--)
			lines.push(
				paragraph(() => word(), int(2, 4)),
				'',
			);
		writeFile(path.join(glossaryDir, TYPE_FOLDERS[entry.type], `${entry.id}.md`), `${lines.join('\n').trimEnd()}\n`);
	}

	// Articles: each mentions two entries of its own (so every entry is used), a handful of
	// popular entries and some from its "beat" (entries near its own), about 25 distinct in all.
	let marks = 0;
	let totalWords = 0;
	const articlesDir = path.join(outDir, 'articles');
	const slugs: string[] = [];
	for (let a = 0; a < count; a++) {
		const own = [entries[a]!, entries[count + a]!];
		const cast: Entry[] = [...own];
		for (let i = 0; i < 10; i++) cast.push(entries[zipf(Math.min(entries.length, 60))]!);
		for (let i = 0; i < 14; i++) cast.push(entries[(((a * 2 + int(-30, 30)) % entries.length) + entries.length) % entries.length]!);
		const markName = (e: Entry) => {
			marks++;
			const label = e.aliases.length && random() < 0.3 ? pick(e.aliases) : e.name;
			return `:e[${label}]`;
		};
		const prose = (wordsWanted: number) => {
			let written = 0;
			const paragraphs: string[] = [];
			while (written < wordsWanted) {
				const sentences: string[] = [];
				for (let s = int(3, 6); s > 0 && written < wordsWanted; s--) {
					const length = int(10, 26);
					const parts: string[] = [];
					for (let w = 0; w < length; w++) {
						// About one marked name per 12 words (the seed article has one per 10).
						if (random() < 1 / 12) parts.push(markName(random() < 0.3 ? own[int(0, 1)]! : pick(cast)));
						else parts.push(word());
					}
					written += length;
					const text = parts.join(' ');
					sentences.push(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
				}
				paragraphs.push(sentences.join(' '));
			}
			totalWords += written;
			return paragraphs;
		};
		const title = `${own[0]!.name} and ${own[1]!.name}: ${word()} ${word()} ${word()}`;
		const date = `201${int(3, 6)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
		const publisher = pick(outlets);
		const body: string[] = [];
		const quoteWords = 90;
		const proseWords = words - 6 * quoteWords;
		const chunks = prose(proseWords);
		const perGap = Math.max(1, Math.floor(chunks.length / 7));
		for (let q = 0; q < 6; q++) {
			body.push(...chunks.splice(0, perGap));
			const outlet = pick(outlets);
			const named = random() < 0.4;
			const attrs = named
				? `outlet=${outlet.id} evidence=named date=${date}`
				: `outlet=${outlet.id} evidence=editors confidence=${pick(['high', 'medium', 'low'])} how="Same wording as a story the ${outlet.name} ran that day"`;
			const quoted = prose(quoteWords)
				.map((p) => `> ${p}`)
				.join('\n>\n');
			body.push(`:::quote{${attrs}}\n${quoted}\n:::`);
			if (named) marks++; // the caption links the outlet too
		}
		body.push(...chunks);
		if (random() < 0.5) body.splice(1, 0, `::note[Synthetic editors' note: ${sentence(() => word(), 6, 12)}]`);
		const slugText = slugify(`${own[0]!.name} ${a}`);
		slugs.push(slugText);
		const front = [
			'---',
			`title: "${title}"`,
			`author: ${entries.find((e) => e.type === 'person')?.name ?? 'Staff'}`,
			`publisher: ${publisher.name}`,
			`published: ${date}`,
			`originalUrl: https://example.org/articles/${slugText}`,
			'language: en',
			`summary: "${sentence(() => word(), 14, 24)}"`,
			'---',
		];
		writeFile(path.join(articlesDir, `${slugText}.md`), `${front.join('\n')}\n\n${body.join('\n\n')}\n`);
	}

	const manifest: CorpusManifest = {
		articles: count,
		entries: entries.length,
		seed,
		words: totalWords,
		marks,
		quotes: count * 6,
		queries: [entries[0]!.name.split(' ')[0]!, vocabulary[FUNCTION_WORDS.length + 3]!],
		sampleArticle: slugs[0]!,
	};
	// Hidden, so the content check does not take it for a file the author meant to publish.
	fs.writeFileSync(path.join(outDir, '.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	return manifest;

	function sentence(next: () => string, min: number, max: number): string {
		const text = Array.from({ length: int(min, max) }, next).join(' ');
		return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
	}
	function paragraph(next: () => string, sentences: number): string {
		return Array.from({ length: sentences }, () => sentence(next, 8, 20)).join(' ');
	}
}

function writeFile(file: string, text: string) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, text);
}

function parseArgs(argv: string[]): GenerateOptions {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const articles = Number(value('--articles') ?? 10);
	const outDir = path.resolve(value('--out') ?? `bench/.work/corpus-${articles}`);
	const seed = Number(value('--seed') ?? 8);
	return { articles, outDir, seed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const options = parseArgs(process.argv.slice(2));
	const manifest = generateCorpus(options);
	console.log(
		`wrote ${manifest.articles} articles (${manifest.words} words, ${manifest.marks} marked names, ${manifest.quotes} quoted blocks) and ${manifest.entries} glossary entries to ${path.relative(process.cwd(), options.outDir)}`,
	);
}
