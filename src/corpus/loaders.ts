import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError } from '../markdown/diagnostics.ts';
import { basePath, contentRoot } from '../settings.ts';
import { buildState, clearBuildState, type GlossaryNote } from './build-state.ts';
import { memoryArticleStore, type ArticleStore } from './article-store.ts';
import { loadCorpus, type ArticleListing, type Corpus } from './corpus.ts';
import { clearContentErrors, recordContentErrors } from './dev-errors.ts';

/**
 * The corpus for the current content folder and base path, loaded once and shared by both loaders
 * (in `astro dev`, or a bare `astro build`: its articles' rendered parts kept in memory).
 */
export function sharedCorpus(): Promise<Corpus<ArticleListing>> {
	const state = buildState();
	state.corpus ??= loadCorpus(contentRoot(), basePath()).then((corpus) => {
		state.articleStore = memoryArticleStore(corpus.articles);
		return corpus;
	});
	return state.corpus;
}

/** Hands a corpus that was already loaded (by the build script), and the store of its articles' rendered parts, to the loaders. */
export function provideCorpus(corpus: Corpus<ArticleListing>, store: ArticleStore): void {
	const state = buildState();
	state.corpus = Promise.resolve(corpus);
	state.articleStore = store;
}

/** Where the loaded articles' rendered parts are (see `BuildState.articleStore`). */
export function articleStore(): ArticleStore {
	const store = buildState().articleStore;
	if (!store) throw new Error('no rendered articles: the articles collection has not been loaded');
	return store;
}

/** The rendered HTML of an article's body (the annotation pipeline's output). */
export function articleHtml(slug: string): string {
	return articleStore().html(slug);
}

/** Drops the shared corpus and article HTML once a build has written its pages. */
export function releaseCorpus(): void {
	clearBuildState();
}

/**
 * The corpus, when it has no error. Otherwise a build stops with the errors; `astro dev` prints
 * them once (both loaders share one corpus) and shows them in the browser (dev-errors.ts), keeping
 * the last good content in the store.
 */
async function checkedCorpus(context: LoaderContext): Promise<Corpus<ArticleListing> | undefined> {
	const corpus = await sharedCorpus();
	const errors = corpus.diagnostics.filter((d) => d.severity === 'error');
	if (!errors.length) {
		clearContentErrors();
		return corpus;
	}
	const error = new ContentError(errors);
	if (!context.watcher) throw error;
	if (recordContentErrors(error)) context.logger.error(error.message);
	return undefined;
}

/** In `astro dev`, reloads the corpus once, and then every collection, when anything under the content folder changes. */
function watchContent(context: LoaderContext, name: string, reload: () => Promise<void>) {
	const { watcher } = context;
	if (!watcher) return;
	const state = buildState();
	const watch = (state.contentWatch ??= { reloads: new Map(), watchers: new WeakSet() });
	watch.reloads.set(name, reload);
	if (watch.watchers.has(watcher)) return;
	watch.watchers.add(watcher);
	const root = contentRoot();
	watcher.add(root);
	const onChange = async (changed: string) => {
		if (!changed.startsWith(root)) return;
		delete buildState().corpus;
		await Promise.all([...watch.reloads.values()].map((run) => run().catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)))));
	};
	watcher.on('change', onChange);
	watcher.on('add', onChange);
	watcher.on('unlink', onChange);
}

/**
 * A loader that fills its collection from the checked corpus, and in `astro dev` fills it again
 * whenever the content changes.
 */
function corpusLoader(name: string, fill: (corpus: Corpus<ArticleListing>, context: LoaderContext) => Promise<void>): Loader {
	return {
		name,
		async load(context) {
			const run = async () => {
				const corpus = await checkedCorpus(context);
				if (!corpus) return;
				context.store.clear();
				await fill(corpus, context);
			};
			await run();
			watchContent(context, name, run);
		},
	};
}

/**
 * A content file's path as Astro's store takes it (relative to the project), or none for a file
 * outside the project (`CONTENT_DIR` elsewhere), which Astro would refuse.
 */
function projectFilePath(file: string): string | undefined {
	const relative = path.relative(process.cwd(), path.resolve(file));
	return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative;
}

/**
 * Articles from `content/articles/`, rendered by the annotation pipeline. The store gets each
 * article's front matter; its HTML and annotations are in the article store (`articleStore`).
 */
export function articleLoader(): Loader {
	return corpusLoader('annotated-reader-articles', async (corpus, context) => {
		for (const article of corpus.articles) {
			const data = await context.parseData({ id: article.slug, data: article.data });
			context.store.set({ id: article.slug, data, filePath: projectFilePath(article.file), digest: article.digest });
		}
	});
}

/**
 * Glossary entries from `content/glossary/`. The store gets each entry's front matter; its note,
 * rendered and as words, is kept beside it in the build state (`glossaryNote`): Astro compiles its
 * store into a module and reads it back, so each byte in it is held three or four times over for
 * the whole build (the notes were half of the store).
 */
export function glossaryLoader(): Loader {
	return corpusLoader('annotated-reader-glossary', async (corpus, context) => {
		const notes = new Map<string, GlossaryNote>();
		for (const entry of corpus.glossary.entries.values()) {
			const { id, note, noteLine: _line, ...fields } = entry;
			const data = await context.parseData({ id, data: fields });
			const html = corpus.notes.get(id) ?? '';
			// The note's Markdown, its marks replaced by their words, is what the open-data export gives.
			notes.set(id, { html, words: (corpus.noteWords.get(id) ?? note).trim() });
			context.store.set({ id, data, filePath: projectFilePath(entry.file), digest: context.generateDigest({ ...fields, html, note }) });
		}
		buildState().glossaryNotes = notes;
		if (!context.watcher) releaseGlossary(corpus);
	});
}

/** A glossary entry's note: rendered by the note pipeline, and as Markdown with its marks replaced by their words. */
export function glossaryNote(id: string): GlossaryNote {
	const notes = buildState().glossaryNotes;
	if (!notes) throw new Error('no glossary notes: the glossary collection has not been loaded');
	return notes.get(id) ?? { html: '', words: '' };
}

/**
 * A build (or `astro sync`) fills the store once: from then on the glossary is in Astro's store and
 * its notes in the build state, and the corpus there (which the sitemap's dates read for its
 * articles) need not hold them a second time for the rest of the build.
 */
function releaseGlossary(corpus: Corpus<ArticleListing>): void {
	const glossary = { ...corpus.glossary, entries: new Map(), byName: new Map(), failed: new Map() };
	buildState().corpus = Promise.resolve({ ...corpus, glossary, notes: new Map(), noteWords: new Map() });
}
