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
 */
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createRoutes } from '../../src/routes.ts';
import { ENTITY_TYPE_LABELS, type EntityType } from '../../src/schemas/glossary.ts';
import type { articleOffsets, glossaryData } from '../../src/lib/article-data.ts';

type GlossaryData = ReturnType<typeof glossaryData>;
type ArticleData = ReturnType<typeof articleOffsets>;

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
export function entryRecord(entry: GlossaryData['entries'][number]): HeaderRecord {
	const type = entry.type as EntityType;
	return {
		url: siteRoutes.entry(entry.id),
		content: [entry.name, ...entry.native.map((n) => n.text), ...entry.aliases].join('. '),
		language: LANGUAGE,
		meta: { title: entry.name, type: type === 'outlet' ? 'Outlet' : 'Glossary entry', kind: ENTITY_TYPE_LABELS[type]?.one ?? '', role: entry.role },
	};
}

/** An article's record: its title and the distinct words of its text, in the order they first appear. */
export function articleRecord(article: ArticleData): HeaderRecord {
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
 * archive's articles are never all in memory at once.
 */
export function* headerRecords(dir: string): Generator<HeaderRecord> {
	for (const entry of readJson<GlossaryData>(dir, siteRoutes.glossaryData).entries) yield entryRecord(entry);
	// A site without articles (yet) has no folder of their data.
	const articleDir = path.join(dir, path.dirname(siteRoutes.articleData('x')));
	const articleFiles = fs.existsSync(articleDir)
		? fs
				.readdirSync(articleDir)
				.filter((file) => file.endsWith('.json'))
				.sort()
		: [];
	for (const file of articleFiles) yield articleRecord(readJson<ArticleData>(dir, siteRoutes.articleData(file.slice(0, -'.json'.length))));
}

function readJson<T>(dir: string, file: string): T {
	return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

/**
 * Indexes the articles and glossary entries of the built site in `dir` for the header box, into
 * `headerSearchDir(dir)`. Returns the number of records, or why it failed. Uses the running
 * Pagefind service (started on first use) and leaves it running: the caller closes it.
 */
export async function writeHeaderSearchIndex(dir: string): Promise<number | string> {
	const { index, errors } = await pagefind.createIndex({});
	if (!index || errors.length) return failure('could not start', errors);
	try {
		let count = 0;
		try {
			for (const record of headerRecords(dir)) {
				const added = await index.addCustomRecord(record);
				if (added.errors.length) return failure(`could not index ${record.url}`, added.errors);
				count++;
			}
		} catch (error) {
			return `The header search index could not read the site's open data: ${error instanceof Error ? error.message : String(error)}`;
		}
		if (count === 0) return failure('has nothing to index: no glossary entry and no article', []);
		const outputPath = headerSearchDir(dir);
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) return failure('could not write its files', written.errors);
		removeUnused(outputPath);
		return count;
	} finally {
		await index.deleteIndex();
	}
}

/**
 * Pagefind writes its scripts, ready-made interfaces and every language's WebAssembly into each
 * bundle: the box runs the full bundle's script, with the WebAssembly of this bundle's language.
 */
function removeUnused(bundle: string): void {
	const entry = readJson<{ languages: Record<string, { wasm?: string }> }>(bundle, 'pagefind-entry.json');
	const wasm = new Set(Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
	for (const file of fs.readdirSync(bundle)) {
		if (/\.(?:js|css)$/.test(file) || (/^wasm\..*\.pagefind$/.test(file) && !wasm.has(file))) fs.rmSync(path.join(bundle, file));
	}
}

function failure(what: string, errors: string[]): string {
	return `Pagefind (header search index) ${what}${errors.length ? `:\n  ${errors.join('\n  ')}` : ''}`;
}
