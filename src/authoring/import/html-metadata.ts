import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { readByline } from './byline.ts';
import { parseDate } from './dates.ts';
import type { FoundMetadata } from './document.ts';
import { attribute, findAll, findFirst, isTag, pruned } from './html-tree.ts';
import { outletNamed, type KnownOutlet } from './outlets.ts';

/** The parts of a news page that hold its metadata rather than its text. */
export interface PageParts {
	/** The element holding the article's text: `<article>`, `<main>` or `<body>`. */
	content: Element | Root;
	/** The headline element, left out of the body. */
	headline?: Element;
	/** Byline elements outside the text (rel/itemprop author, class byline or author), left out of the body. */
	bylines: Element[];
	/** `<time>` elements outside the text (not in a paragraph, list item or quote), left out of the body. */
	times: Element[];
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|Report|WebPage)$/;

/** The JSON-LD objects of a page that describe an article (`@graph` arrays included). */
function jsonLdArticles(tree: Root): JsonObject[] {
	const found: JsonObject[] = [];
	const visit = (value: unknown) => {
		if (Array.isArray(value)) return value.forEach(visit);
		if (!value || typeof value !== 'object') return;
		const object = value as JsonObject;
		const types = ([] as unknown[]).concat(object['@type'] ?? []).map(String);
		if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(object);
		if (object['@graph']) visit(object['@graph']);
	};
	for (const script of findAll(tree, (el) => isTag(el, 'script') && /ld\+json/i.test(attribute(el, 'type') ?? ''))) {
		try {
			visit(JSON.parse(toText(script)));
		} catch {
			// A broken JSON-LD block is ignored: the page's other metadata still counts.
		}
	}
	// Articles before generic pages.
	return found.sort((a, b) => Number(String(a['@type']).includes('WebPage')) - Number(String(b['@type']).includes('WebPage')));
}

/** A person or organisation as JSON-LD writes it: a string, `{ name }`, or a list of them. */
function nameOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (Array.isArray(value)) {
		const names = value.map(nameOf).filter(Boolean) as string[];
		return names.length ? names.join(' and ') : undefined;
	}
	if (value && typeof value === 'object') return nameOf((value as JsonObject).name);
	return undefined;
}

function clean(text: string | undefined): string | undefined {
	const value = text?.replace(/[\s]+/g, ' ').trim();
	return value || undefined;
}

function httpUrl(value: unknown): string | undefined {
	const url = typeof value === 'string' ? value.trim() : value && typeof value === 'object' ? String((value as JsonObject)['@id'] ?? '') : '';
	return /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

/** `<meta property|name=key content>` values by key, lower-cased. */
function metaTags(tree: Root): Map<string, string> {
	const metas = new Map<string, string>();
	for (const meta of findAll(tree, (el) => isTag(el, 'meta'))) {
		const key = (attribute(meta, 'property') ?? attribute(meta, 'name') ?? attribute(meta, 'itemProp'))?.toLowerCase();
		const content = clean(attribute(meta, 'content'));
		if (key && content && !metas.has(key)) metas.set(key, content);
	}
	return metas;
}

const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|author|by-line)(?:$|[\s_-])/i;

/** True for an element that holds a byline rather than the article's text. */
export function isByline(el: Element): boolean {
	if (isTag(el, 'html', 'body', 'article', 'main', 'p', 'blockquote') && !BYLINE_CLASS.test(attribute(el, 'className') ?? '')) return false;
	if (attribute(el, 'rel')?.split(/\s+/).includes('author')) return true;
	if (attribute(el, 'itemProp')?.split(/\s+/).includes('author')) return true;
	return BYLINE_CLASS.test(attribute(el, 'className') ?? '') || BYLINE_CLASS.test(attribute(el, 'id') ?? '');
}

/** Page furniture whose paragraphs are never the article's. */
const NOT_TEXT = new Set(['nav', 'aside', 'footer', 'header', 'form', 'script', 'style', 'noscript', 'template']);

/**
 * On a page that marks no `<article>` or `<main>`: the element that holds most of the page's
 * paragraph text, as reading modes find a story among menus and sidebars. Each paragraph (or
 * quote) counts fully for its parent and half for its grandparent, so a story whose paragraphs
 * each sit in a wrapper of their own is found as a whole.
 */
function densestContainer(tree: Root): Element | undefined {
	const scores = new Map<Element, number>();
	const add = (el: Element | Root | undefined, points: number) => {
		if (el?.type === 'element') scores.set(el, (scores.get(el) ?? 0) + points);
	};
	const walk = (el: Element | Root, ancestors: (Element | Root)[]) => {
		for (const child of el.children) {
			if (child.type !== 'element' || NOT_TEXT.has(child.tagName)) continue;
			if (isTag(child, 'p', 'blockquote')) {
				const length = toText(child).trim().length;
				add(el, length);
				add(ancestors.at(-1), length / 2);
				continue;
			}
			walk(child, [...ancestors, el]);
		}
	};
	walk(tree, []);
	let best: Element | undefined;
	for (const [el, score] of scores) if (!best || score > scores.get(best)!) best = el;
	return best;
}

/** Finds the article's element, its headline and its bylines. */
export function pageParts(tree: Root): PageParts {
	const articles = findAll(tree, (el) => isTag(el, 'article'));
	const paragraphs = (el: Element) => findAll(el, (p) => isTag(p, 'p')).length;
	const article = articles.sort((a, b) => paragraphs(b) - paragraphs(a))[0];
	const content = article ?? findFirst(tree, (el) => isTag(el, 'main')) ?? densestContainer(tree) ?? findFirst(tree, (el) => isTag(el, 'body')) ?? tree;
	const headline = findFirst(content, (el) => isTag(el, 'h1')) ?? findFirst(tree, (el) => isTag(el, 'h1'));
	// Outermost byline elements only: a byline's `<a rel=author>` is part of it. A `<time>` in
	// the text ("on <time>8 September</time>") is the article's words, not its date.
	const bylines: Element[] = [];
	const times: Element[] = [];
	const walk = (el: Element | Root, inText: boolean) => {
		for (const child of el.children) {
			if (child.type !== 'element') continue;
			if (isByline(child) && !inText) bylines.push(child);
			else if (isTag(child, 'time') && !inText) times.push(child);
			else walk(child, inText || isTag(child, 'p', 'li', 'blockquote', 'td', 'h2', 'h3', 'h4', 'h5', 'h6'));
		}
	};
	walk(tree, false);
	return { content, headline, bylines, times };
}

/**
 * The frontmatter a news page gives: JSON-LD (`NewsArticle` and kin) first, then Open Graph and
 * other `<meta>` tags, then what the page shows (`<h1>`, the byline, `<time>`), then `<title>`.
 */
export function htmlMetadata(tree: Root, parts: PageParts, outlets: KnownOutlet[]): FoundMetadata {
	const metadata: FoundMetadata = { sources: {} };
	const ld = jsonLdArticles(tree)[0];
	const metas = metaTags(tree);
	const set = <K extends 'title' | 'author' | 'publisher' | 'published' | 'originalUrl'>(field: K, value: string | undefined, source: string) => {
		if (value && metadata[field] === undefined) {
			metadata[field] = value;
			metadata.sources[field] = source;
		}
	};

	set('title', clean(parts.headline && toText(parts.headline)), '<h1>');
	set('title', clean(typeof ld?.headline === 'string' ? ld.headline : undefined), 'JSON-LD headline');
	set('title', metas.get('og:title'), 'og:title');
	const titleElement = findFirst(tree, (el) => isTag(el, 'title'));
	set('title', clean(titleElement && toText(titleElement)), '<title>');

	set('author', nameOf(ld?.author), 'JSON-LD author');
	set('author', metas.get('author'), '<meta name=author>');
	const articleAuthor = metas.get('article:author');
	if (articleAuthor && !/^https?:/i.test(articleAuthor)) set('author', articleAuthor, 'article:author');
	set('publisher', nameOf(ld?.publisher), 'JSON-LD publisher');
	set('publisher', metas.get('og:site_name'), 'og:site_name');
	set('publisher', metas.get('publisher') ?? metas.get('application-name'), '<meta name=publisher>');

	set('published', parseDate(typeof ld?.datePublished === 'string' ? ld.datePublished : undefined), 'JSON-LD datePublished');
	set('published', parseDate(metas.get('article:published_time') ?? metas.get('date') ?? metas.get('pubdate') ?? metas.get('dc.date')), '<meta> published time');
	const time = parts.times[0];
	if (time) set('published', parseDate(attribute(time, 'dateTime') ?? toText(time)), '<time>');

	// What the page shows comes after its metadata: a byline's words are less exact than JSON-LD.
	for (const byline of parts.bylines) {
		const time = findFirst(byline, (el) => isTag(el, 'time'));
		if (time) set('published', parseDate(attribute(time, 'dateTime') ?? toText(time)), 'the byline');
		const text = clean(toText(pruned(byline, (el) => !isTag(el, 'time')))) ?? '';
		// "By Jane Doe · Reuters", "By Jane Doe, Reuters": the author is the first part.
		const [author, publisher] = text
			.replace(/^by\s+/i, '')
			.split(/\s+[·•|–—-]\s+|,\s+/u)
			.map((part) =>
				part
					.trim()
					.replace(/[·•|,]$/u, '')
					.trim(),
			);
		set('author', author && author.split(/\s+/).length <= 8 ? author : undefined, 'the byline');
		if (publisher && outletNamed(publisher, outlets)) set('publisher', publisher, 'the byline');
		set('published', readByline(text, outlets).published, 'the byline');
	}

	const canonical = findFirst(tree, (el) => isTag(el, 'link') && (attribute(el, 'rel') ?? '').split(/\s+/).includes('canonical'));
	set('originalUrl', httpUrl(canonical && attribute(canonical, 'href')), '<link rel=canonical>');
	set('originalUrl', httpUrl(metas.get('og:url')), 'og:url');
	set('originalUrl', httpUrl(ld?.url) ?? httpUrl(ld?.mainEntityOfPage), 'JSON-LD url');

	if (metadata.publisher) metadata.publisher = outletNamed(metadata.publisher, outlets)?.name ?? metadata.publisher;
	return metadata;
}
