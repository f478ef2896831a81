/**
 * Every public address of the site, in one place. Pages, components, Markdown plugins, data files,
 * feeds and the browser scripts all build their links here, so an address changes in one file.
 *
 * The module is pure (no environment, no Node APIs): the browser scripts use it too. The build's
 * instance, for the `BASE_PATH` it is run with, is `routes` in `src/lib/site.ts`.
 */

/** The addresses of the site under one base path. Every path starts with the base path. */
export interface Routes {
	/** The base path itself, starting and ending with `/`: the home page and list of articles. */
	home: string;
	/** An article page, or an anchor in it: `articles/<slug>/#<anchor>`. */
	article(slug: string, anchor?: string): string;
	/** The glossary's index page. */
	glossary: string;
	/** A glossary entry's page: `glossary/<id>/`. */
	entry(id: string): string;
	/** A page of an entry's mentions: the first is on the entry page (`#mentions`), the others `glossary/<id>/mentions/<n>/`. */
	entryMentions(id: string, page: number): string;
	/** A page of the quoted blocks from an outlet: the first on its entry page (`#quoted`), the others `glossary/<id>/quotes/<n>/`. */
	entryQuotes(id: string, page: number): string;
	/** The search page, with a query when one is given. */
	search(query?: string): string;
	/** The site's icon. */
	favicon: string;
	/** The Atom feed of the articles. */
	feed: string;
	/** The sitemap index that `@astrojs/sitemap` writes. */
	sitemap: string;
	/** Open data: every glossary entry. */
	glossaryData: string;
	/** Open data: the folder of every article's data files. */
	articleDataDir: string;
	/** Open data: an article's text and the offsets of its marks and quoted blocks. */
	articleData(slug: string): string;
	/** Open data: an article's annotations as W3C Web Annotations. */
	articleAnnotations(slug: string): string;
	/** Open data: the article as a schema.org `NewsArticle` with its mentions and quotations. */
	articleSchema(slug: string): string;
	/** The outlines under an article's map of places (an image). */
	articleMap(slug: string): string;
	/** The land under every article's world map (an image, one for the site). */
	worldMap: string;
	/** The locator map of a place entry. */
	placeMap(id: string): string;
	/** A file of the Pagefind bundle (`pagefind.js`, `pagefind-highlight.js`). */
	pagefind(file: string): string;
	/**
	 * The folder of a part of the full search index (src/search-parts.ts), counted from 1: the
	 * first is the bundle itself (`pagefind/`, with Pagefind's script), the others `pagefind/part-<n>/`.
	 */
	searchPart(part: number): string;
	/** The folder of the header search box's own, smaller Pagefind index (`scripts/lib/header-search-index.ts`). */
	headerSearch: string;
	/** The folder of a part of the header box's index, counted from 1: the first is `headerSearch`, the others `pagefind/header/part-<n>/`. */
	headerSearchPart(part: number): string;
}

/** The site's addresses under `base`, a base path that starts and ends with `/` (`/`, `/reader/`). */
export function createRoutes(base: string): Routes {
	const articleDataDir = `${base}data/articles/`;
	return {
		home: base,
		article: (slug, anchor) => `${base}articles/${slug}/${anchor ? `#${anchor}` : ''}`,
		glossary: `${base}glossary/`,
		entry: (id) => `${base}glossary/${id}/`,
		entryQuotes: (id, page) => (page <= 1 ? `${base}glossary/${id}/#quoted` : `${base}glossary/${id}/quotes/${page}/`),
		entryMentions: (id, page) => (page <= 1 ? `${base}glossary/${id}/#mentions` : `${base}glossary/${id}/mentions/${page}/`),
		search: (query) => `${base}search/${query === undefined ? '' : `?q=${encodeURIComponent(query)}`}`,
		favicon: `${base}favicon.svg`,
		feed: `${base}feed.xml`,
		sitemap: `${base}sitemap-index.xml`,
		glossaryData: `${base}data/glossary.json`,
		articleDataDir,
		articleData: (slug) => `${articleDataDir}${slug}.json`,
		articleAnnotations: (slug) => `${articleDataDir}${slug}.annotations.jsonld`,
		articleSchema: (slug) => `${articleDataDir}${slug}.schema.jsonld`,
		articleMap: (slug) => `${base}maps/articles/${slug}.svg`,
		worldMap: `${base}maps/world.svg`,
		placeMap: (id) => `${base}maps/places/${id}.svg`,
		pagefind: (file) => `${base}pagefind/${file}`,
		searchPart: (part) => `${base}pagefind/${part > 1 ? `part-${part}/` : ''}`,
		headerSearch: `${base}pagefind/header/`,
		headerSearchPart: (part) => `${base}pagefind/header/${part > 1 ? `part-${part}/` : ''}`,
	};
}

/** An absolute URL for a path of the site (one that already holds the base path), on `origin`. */
export function absoluteUrl(pathname: string, origin: string | URL): string {
	return new URL(pathname, origin).href;
}
