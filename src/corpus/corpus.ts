import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import type { AnnotationRecord } from '../markdown/annotations.ts';
import { displayPath, type Diagnostic } from '../markdown/diagnostics.ts';
import { createArticleRenderer, createNoteRenderer } from '../markdown/pipeline.ts';
import { creditsOf } from './credits.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { listMarkdownFiles, loadGlossary, type Glossary } from './glossary.ts';

/** An article, validated and rendered. */
export interface Article {
	slug: string;
	data: ArticleData;
	html: string;
	annotations: AnnotationRecord;
	/** Markdown source of the body, frontmatter removed. */
	body: string;
	file: string;
}

/** The whole content folder, loaded and checked once. */
export interface Corpus {
	root: string;
	base: string;
	glossary: Glossary;
	/** Rendered long note of each glossary entry, by id. */
	notes: Map<string, string>;
	articles: Article[];
	diagnostics: Diagnostic[];
}

/** Where the content lives: `CONTENT_DIR`, or `content/` in the working directory. */
export function contentRoot(): string {
	return path.resolve(process.env.CONTENT_DIR ?? 'content');
}

/** The site's base path from `BASE_PATH`, normalised to start and end with `/`. */
export function basePath(raw = process.env.BASE_PATH): string {
	const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Loads the glossary and every article under `root`, renders the articles through the
 * annotation pipeline and gathers every diagnostic, plus corpus-wide warnings (entries never
 * mentioned).
 */
export async function loadCorpus(root = contentRoot(), base = basePath()): Promise<Corpus> {
	const glossary = loadGlossary(path.join(root, 'glossary'));
	const diagnostics: Diagnostic[] = [...glossary.diagnostics];
	const notes = new Map<string, string>();
	const renderNote = await createNoteRenderer();
	for (const entry of glossary.entries.values()) {
		const note = await renderNote(entry.note, entry.file, entry.noteLine);
		diagnostics.push(...note.diagnostics);
		notes.set(entry.id, note.html);
	}
	const render = await createArticleRenderer({ glossary, base });
	const articles: Article[] = [];
	const articleFiles = listMarkdownFiles(path.join(root, 'articles'));
	if (!fs.existsSync(path.join(root, 'articles'))) {
		diagnostics.push({ severity: 'error', file: displayPath(root), line: 1, column: 1, rule: 'no-articles-folder', message: `there is no articles folder in ${displayPath(root)}`, hint: 'create content/articles/ and put one Markdown file per article in it' });
	}
	for (const absolute of articleFiles) {
		const file = displayPath(absolute);
		const slug = path.basename(absolute, '.md');
		const source = fs.readFileSync(absolute, 'utf8');
		const parsed = parseFrontmatter(source, articleSchema, file);
		diagnostics.push(...parsed.diagnostics);
		if (!SLUG.test(slug)) {
			diagnostics.push({ severity: 'error', file, line: 1, column: 1, rule: 'invalid-slug', message: `the file name \`${slug}\` cannot be an article address`, hint: 'rename the file to lower-case words joined by hyphens' });
			continue;
		}
		const rendered = await render(parsed.body, file, parsed.bodyLineOffset);
		diagnostics.push(...rendered.diagnostics);
		if (!parsed.data) continue;
		articles.push({ slug, data: parsed.data, html: rendered.html, annotations: rendered.annotations, body: parsed.body, file });
	}
	const mentioned = new Set<string>();
	for (const article of articles) {
		for (const m of article.annotations.mentions) mentioned.add(m.entity);
		for (const q of article.annotations.quotes) mentioned.add(q.outlet);
		// A publisher or republisher named in the frontmatter is shown as a link to its outlet entry.
		for (const credit of creditsOf(article.data, glossary.entries)) if (credit.outlet) mentioned.add(credit.outlet);
	}
	for (const entry of glossary.entries.values()) {
		if (!mentioned.has(entry.id)) {
			diagnostics.push({ severity: 'warning', file: entry.file, line: 1, column: 1, rule: 'unused-entry', message: `glossary entry \`${entry.id}\` is never mentioned in an article`, hint: `mark a mention with \`:e[${entry.name}]\`, or delete the entry if it is not needed` });
		}
	}
	articles.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.slug.localeCompare(b.slug));
	return { root, base, glossary, notes, articles, diagnostics };
}
