/**
 * The state one build shares, and the only module-level state of the site. The build script
 * loads and checks the corpus before Astro starts; Astro then loads the content loaders and pages
 * in its own module graph, where module variables of this process are other copies. So the state
 * lives on one `globalThis` slot, typed here, and nothing else reads that slot.
 */
import type { ArticleStore } from './article-store.ts';
import type { ArticleListing, Corpus } from './corpus.ts';
import type { DevErrorsState } from './dev-errors.ts';

export interface BuildState {
	/**
	 * The corpus for the current content folder and base path, loaded once and shared by both loaders:
	 * its articles' front matter (their rendered parts are in `articleStore`).
	 */
	corpus?: Promise<Corpus<ArticleListing>>;
	/**
	 * The articles' rendered HTML, annotations and text, kept out of Astro's content store (which is
	 * serialized and compiled into a module during the build and read back by every page: those
	 * parts were nine tenths of it, 52 of 54 MB at 1,000 articles) and, in a build, out of memory:
	 * on disk in the build's cache folder. The site index (src/lib/site.ts) and pages read them by
	 * slug. Set with the corpus.
	 */
	articleStore?: ArticleStore;
	/** Each glossary entry's note by id, kept out of Astro's content store (see `glossaryLoader`). */
	glossaryNotes?: ReadonlyMap<string, GlossaryNote>;
	/**
	 * In `astro dev`: each loader's reload, run together on one change of the content so that they
	 * share one new corpus, and the file watchers already listened to.
	 */
	contentWatch?: { reloads: Map<string, () => Promise<void>>; watchers: WeakSet<object> };
	/** In `astro dev`: the content's current errors and the dev server to show them in (dev-errors.ts). */
	devErrors?: DevErrorsState;
}

/** A glossary entry's note: its HTML, and its Markdown with each mark replaced by its words (for open data). */
export interface GlossaryNote {
	html: string;
	words: string;
}

const SLOT = Symbol.for('annotated-reader.build-state');
type Holder = { [SLOT]?: BuildState };

/** This build's shared state (created empty on first use). */
export function buildState(): BuildState {
	const holder = globalThis as Holder;
	holder[SLOT] ??= {};
	return holder[SLOT];
}

/** Forgets the shared state, once a build has written its pages (or the content changed in `astro dev`). */
export function clearBuildState(): void {
	delete (globalThis as Holder)[SLOT];
}
