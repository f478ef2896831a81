/**
 * The state one build shares, and the only module-level state of the site. The build script
 * loads and checks the corpus before Astro starts; Astro then loads the content loaders and pages
 * in its own module graph, where module variables of this process are other copies. So the state
 * lives on one `globalThis` slot, typed here, and nothing else reads that slot.
 */
import type { Article, Corpus } from './corpus.ts';
import type { DevErrorsState } from './dev-errors.ts';

export interface BuildState {
	/** The corpus for the current content folder and base path, loaded once and shared by both loaders. */
	corpus?: Promise<Corpus>;
	/**
	 * The loaded articles by slug, for what is kept out of Astro's content store: their rendered HTML,
	 * their annotations and their Markdown source. The store is serialized and compiled into a module
	 * during the build and read back by every page; those parts are nine tenths of it (52 of 54 MB at
	 * 1,000 articles) and its copies were the build's peak memory. The article loader sets it; the
	 * site index (src/lib/site.ts) and pages read it by slug.
	 */
	articles?: ReadonlyMap<string, Article>;
	/**
	 * In `astro dev`: each loader's reload, run together on one change of the content so that they
	 * share one new corpus, and the file watchers already listened to.
	 */
	contentWatch?: { reloads: Map<string, () => Promise<void>>; watchers: WeakSet<object> };
	/** In `astro dev`: the content's current errors and the dev server to show them in (dev-errors.ts). */
	devErrors?: DevErrorsState;
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
