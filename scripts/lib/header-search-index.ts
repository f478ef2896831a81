/**
 * The header search box's own index (issue 16): a small Pagefind bundle beside the site's full
 * index, so that a search typed in the box downloads a fraction of what the search page needs,
 * and no more as the archive grows than one index chunk, the page list and three results.
 *
 * It is made from the site's open data, once the pages are written (`data/glossary.json` and
 * `data/articles/<slug>.json`, the text search indexes), as Pagefind custom records:
 *
 * - a glossary entry (outlets included) by its names: the name, the native names and the aliases,
 *   with its kind and role to show under it;
 * - an article by its title and every distinct word of its text, each once, with its date and
 *   summary to show. Each word once keeps any word of an article findable while the index stays
 *   small (a word repeated in every article weighs one position per article, not hundreds), and the
 *   result fragments light. Such a list is not the article's words in order, so the box shows the
 *   article's summary rather than an excerpt of it.
 *
 * Glossary notes, summaries and relations, phrases and excerpts are the full index's (the search
 * page, `pagefind/`), which the box links to as "All results for …".
 *
 * The browser loads Pagefind's script from the full bundle (`pagefind/pagefind.js`) and opens an
 * instance over this folder (`src/scripts/search-core.ts`), so this bundle keeps only what an
 * instance fetches: its entry file, metadata, index chunks, fragments and WebAssembly.
 *
 * A large site's box index is in parts, as the full index is (src/search-parts.ts): the records
 * dealt to the parts in turn, each part written by a Pagefind process of its own into
 * `pagefind/header/part-<n>/` (the first in `pagefind/header/`), merged by the browser. A part
 * after the first keeps no WebAssembly: a merged index runs the first one's.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { z } from 'zod';
import { createRoutes } from '../../src/routes.ts';
import { ENTITY_TYPE_LABELS } from '../../src/schemas/glossary.ts';
import { articleDataSchema, glossaryDataSchema, type ArticleDataFile, type GlossaryDataEntry } from '../../src/schemas/open-data.ts';

/** Paths inside the built site, as the full index has them: the browser adds the base path. */
const siteRoutes = createRoutes('/');

/**
 * One language for every record, so that the box finds every page from every page: Pagefind opens
 * the index of the page's language, or else the largest, and this bundle has one.
 */
const LANGUAGE = 'en';

/** A Pagefind custom record. */
export interface HeaderRecord {
	url: string;
	content: string;
	language: string;
	meta: Record<string, string>;
}

/** The bundle's folder inside the built site `dir`. */
export function headerSearchDir(dir: string): string {
	return path.join(dir, siteRoutes.headerSearch);
}

/** A glossary entry's record: its names, and what the box shows of it. */
export function entryRecord(entry: GlossaryDataEntry): HeaderRecord {
	return {
		url: siteRoutes.entry(entry.id),
		content: [entry.name, ...entry.native.map((n) => n.text), ...entry.aliases].join('. '),
		language: LANGUAGE,
		meta: { title: entry.name, type: entry.type === 'outlet' ? 'Outlet' : 'Glossary entry', kind: ENTITY_TYPE_LABELS[entry.type].one, role: entry.role },
	};
}

/** An article's record: its title and the distinct words of its text, in the order they first appear. */
export function articleRecord(article: ArticleDataFile): HeaderRecord {
	return {
		url: siteRoutes.article(article.slug),
		content: `${article.title}. ${distinctWords(article.text.value).join(' ')}`,
		language: LANGUAGE,
		meta: { title: article.title, type: 'Article', date: article.published, summary: article.summary },
	};
}

/**
 * Each word of `text` once, as first written: words compare without case or the punctuation around
 * them ("Iraq," and "iraq" are one word); punctuation alone is no word.
 */
export function distinctWords(text: string): string[] {
	const seen = new Set<string>();
	const words: string[] = [];
	for (const word of text.split(/\s+/)) {
		const key = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		if (!key || seen.has(key)) continue;
		seen.add(key);
		words.push(word);
	}
	return words;
}

/**
 * The records of the built site in `dir`, read from its open data one file at a time, so that an
 * archive's articles are never all in memory at once: the glossary's entries, then the articles in
 * order of their slugs. With `parts`, only those of part `part` (from 0): every `parts`-th record.
 */
export function* headerRecords(dir: string, { part = 0, parts = 1 }: { part?: number; parts?: number } = {}): Generator<HeaderRecord> {
	let n = 0;
	const mine = () => n++ % parts === part;
	for (const entry of readData(dir, siteRoutes.glossaryData, glossaryDataSchema).entries) if (mine()) yield entryRecord(entry);
	// A site without articles (yet) has no folder of their data.
	const articleDir = path.join(dir, siteRoutes.articleDataDir);
	const articleFiles = fs.existsSync(articleDir)
		? fs
				.readdirSync(articleDir)
				.filter((file) => file.endsWith('.json'))
				.sort()
		: [];
	for (const file of articleFiles) {
		if (mine()) yield articleRecord(readData(dir, siteRoutes.articleData(file.slice(0, -'.json'.length)), articleDataSchema));
	}
}

/** A file of the open data, checked against its schema; an error names the file and the field. */
function readData<Schema extends z.ZodType>(dir: string, file: string, schema: Schema): z.output<Schema> {
	const parsed = schema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
	if (parsed.success) return parsed.data;
	const issue = parsed.error.issues[0]!;
	throw new Error(`${file.replace(/^\//, '')}: ${issue.path.join('.') || '(the whole file)'}: ${issue.message}`);
}

/**
 * Indexes the articles and glossary entries of the built site in `dir` for the header box, in
 * `parts` parts (src/search-parts.ts), each by a Pagefind process of its own: the first into
 * `headerSearchDir(dir)`, the others beside it. Returns the number of records, or why it failed.
 */
export async function writeHeaderSearchIndex(dir: string, parts = 1): Promise<number | string> {
	let count = 0;
	for (let part = 1; part <= parts; part++) {
		const written = await writeHeaderPart(dir, part, parts);
		if (typeof written === 'string') return written;
		count += written;
	}
	return count;
}

/** Writes part `part` (from 1) of `parts`; the Pagefind process that wrote it is stopped, and its memory with it. */
async function writeHeaderPart(dir: string, part: number, parts: number): Promise<number | string> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index || errors.length) return failure('could not start', errors);
	try {
		let count = 0;
		try {
			for (const record of headerRecords(dir, { part: part - 1, parts })) {
				const added = await index.addCustomRecord(record);
				if (added.errors.length) return failure(`could not index ${record.url}`, added.errors);
				count++;
			}
		} catch (error) {
			return `The header search index could not read the site's open data: ${error instanceof Error ? error.message : String(error)}`;
		}
		if (count === 0) return failure(parts > 1 ? `has nothing to index in part ${part} of ${parts}` : 'has nothing to index: no glossary entry and no article', []);
		const outputPath = path.join(dir, siteRoutes.headerSearchPart(part));
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) return failure('could not write its files', written.errors);
		removeUnused(outputPath, part === 1);
		return count;
	} finally {
		await index.deleteIndex();
		await pagefind.close();
	}
}

/** What this step reads of a bundle's `pagefind-entry.json` (Pagefind's own file): each language's WebAssembly. */
const pagefindEntrySchema = z.object({ languages: z.record(z.string(), z.object({ wasm: z.string().optional() })) });

/**
 * Pagefind writes its scripts, ready-made interfaces and every language's WebAssembly into each
 * bundle: the box runs the full bundle's script, with the WebAssembly of its first part's language.
 */
function removeUnused(bundle: string, keepWasm: boolean): void {
	const entry = pagefindEntrySchema.parse(JSON.parse(fs.readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')));
	const wasm = new Set(keepWasm ? Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`) : []);
	for (const file of fs.readdirSync(bundle)) {
		if (/\.(?:js|css)$/.test(file) || (/^wasm\..*\.pagefind$/.test(file) && !wasm.has(file))) fs.rmSync(path.join(bundle, file));
	}
}

function failure(what: string, errors: string[]): string {
	return `Pagefind (header search index) ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`;
}
