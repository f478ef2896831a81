/**
 * Where an article's rendered parts are kept between the content check and the pages that show
 * them: its HTML, its annotations (every mention with its sentence, every quoted block), its
 * Markdown source and its text with the spans of its marks (made once for its two open-data files). Together they are most
 * of a corpus's memory (about 1.2 GB at 10,000 articles), so a build keeps them on disk, one set of
 * files per article in the build's cache folder, and a page reads its article's by slug; `astro
 * dev` keeps them in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnnotationRecord } from '../schemas/annotations.ts';
import type { ArticleText } from '../lib/open-data.ts';
import type { Article, ArticleListing } from './corpus.ts';

/** An article's rendered parts, by slug. */
export interface ArticleStore {
	/** The rendered HTML of the article's body. */
	html(slug: string): string;
	/** What the annotation plugins found in the article. */
	annotations(slug: string): AnnotationRecord;
	/** The Markdown source of the article's body. */
	body(slug: string): string;
	/** The article's text and the spans of its marks and quoted blocks, when already made. */
	text(slug: string): ArticleText | undefined;
	/** Keeps the article's text and spans for the next page that needs them. */
	keepText(slug: string, text: ArticleText): void;
}

/** A store that holds what it is given (`astro dev`, where the corpus is loaded in the server's process). */
export function memoryArticleStore(articles: Iterable<Article>): ArticleStore {
	const bySlug = new Map<string, Article>();
	for (const article of articles) bySlug.set(article.slug, article);
	const texts = new Map<string, ArticleText>();
	const article = (slug: string) => {
		const found = bySlug.get(slug);
		if (!found) throw new Error(`no rendered article "${slug}" in the loaded corpus`);
		return found;
	};
	return {
		html: (slug) => article(slug).html,
		annotations: (slug) => article(slug).annotations,
		body: (slug) => article(slug).body,
		text: (slug) => texts.get(slug),
		keepText: (slug, text) => void texts.set(slug, text),
	};
}

/** A store on disk that the content check fills, article by article, as it renders them. */
export interface DiskArticleStore extends ArticleStore {
	/** Writes a rendered article's parts and gives back what stays in memory. */
	put(article: Article): ArticleListing;
	/** The folder the parts are in. */
	readonly dir: string;
}

/**
 * A store in `dir` (created empty): per article `<slug>.html`, `<slug>.annotations.json`, `<slug>.md`
 * (its Markdown source) and, once made, `<slug>.text.json`. Slugs are checked before an article is kept (lower-case words and
 * hyphens), so a slug is a safe file name.
 */
export function diskArticleStore(dir: string): DiskArticleStore {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const file = (slug: string, kind: string) => path.join(dir, `${slug}.${kind}`);
	const read = (slug: string, kind: string) => {
		try {
			return fs.readFileSync(file(slug, kind), 'utf8');
		} catch (error) {
			throw new Error(`no rendered article "${slug}" in ${dir} (${error instanceof Error ? error.message : String(error)})`, { cause: error });
		}
	};
	return {
		dir,
		put({ html, annotations, body, ...listing }) {
			fs.writeFileSync(file(listing.slug, 'html'), html);
			fs.writeFileSync(file(listing.slug, 'annotations.json'), JSON.stringify(annotations));
			fs.writeFileSync(file(listing.slug, 'md'), body);
			return listing;
		},
		html: (slug) => read(slug, 'html'),
		annotations: (slug) => JSON.parse(read(slug, 'annotations.json')) as AnnotationRecord,
		body: (slug) => read(slug, 'md'),
		text(slug) {
			const kept = file(slug, 'text.json');
			return fs.existsSync(kept) ? (JSON.parse(fs.readFileSync(kept, 'utf8')) as ArticleText) : undefined;
		},
		keepText: (slug, text) => fs.writeFileSync(file(slug, 'text.json'), JSON.stringify(text)),
	};
}
