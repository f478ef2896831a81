import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { articleSchema, type ArticleData } from '../schemas/article.ts';
import type { AnnotationRecord } from '../schemas/annotations.ts';
import { displayPath, showInvisible, type Diagnostic } from '../markdown/diagnostics.ts';
import { createArticleRenderer, createNoteRenderer } from '../markdown/pipeline.ts';
import { basePath, contentRoot } from '../settings.ts';
import { authorMention, creditsOf } from '../credits.ts';
import { checkDatedFacts, type DatedArticle } from './dated-checks.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { listMarkdownFiles, loadGlossary, type Glossary } from './glossary.ts';
import { checkSources, loadSourcePolicy, POLICY_FILE as SOURCING_POLICY_FILE } from './source-policy.ts';
import { unmarkedLaterDates } from './dated-facts.ts';

/** What the pages hold of an article in memory: its front matter; its rendered parts are in an article store. */
export interface ArticleListing {
	slug: string;
	data: ArticleData;
	file: string;
	/** A digest of the rendered HTML (Astro's store tells changed entries by it). */
	digest: string;
}

/** An article, validated and rendered. */
export interface Article extends ArticleListing {
	html: string;
	annotations: AnnotationRecord;
	/** Markdown source of the body, frontmatter removed. */
	body: string;
}

/**
 * The whole content folder, loaded and checked once. Its articles are whole (`Article`), or, when
 * the loading kept their rendered parts elsewhere (`loadCorpus`'s `keep`), what it gave back.
 */
export interface Corpus<A extends ArticleListing = Article> {
	root: string;
	base: string;
	glossary: Glossary;
	/** Rendered long note of each glossary entry, by id. */
	notes: Map<string, string>;
	/** Each entry's note as Markdown with its marks replaced by their words (for open data), by id. */
	noteWords: Map<string, string>;
	articles: A[];
	diagnostics: Diagnostic[];
}

/** Where a top-level frontmatter field starts (read again only when a message needs it). */
function fieldPlace(file: string, field: string): { line: number; column: number } {
	try {
		const lines = fs.readFileSync(path.resolve(file), 'utf8').split('\n');
		const index = lines.findIndex((l) => l.startsWith(`${field}:`));
		return index < 0 ? { line: 1, column: 1 } : { line: index + 1, column: field.length + 3 };
	} catch {
		return { line: 1, column: 1 };
	}
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Other spellings of Markdown: only `.md` files are articles and entries. */
const OTHER_MARKDOWN = /\.(markdown|mdown|mkdn|mkd|mdx|md\.txt|md)$/i;

/**
 * Files under the content folder that the build does not read, each a warning, so that nothing
 * an author meant to publish is left out without a word: in `articles/` and `glossary/` every
 * file that is not `.md` (an entry saved as `.markdown`, an image), at the top every file but the
 * sourcing policy (`sources.yml`), and in any other folder every Markdown file (an article put
 * beside the folders). Hidden files (`.gitkeep`) are skipped.
 */
function unreadFiles(root: string): Diagnostic[] {
	if (!fs.existsSync(root)) return [];
	const found: Diagnostic[] = [];
	for (const item of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!item.isFile()) continue;
		const absolute = path.join(item.parentPath, item.name);
		const relative = path.relative(root, absolute);
		if (relative.split(path.sep).some((part) => part.startsWith('.'))) continue;
		const [folder] = relative.split(path.sep);
		const inFolder = relative.includes(path.sep) && (folder === 'articles' || folder === 'glossary');
		const markdown = OTHER_MARKDOWN.test(item.name);
		const atTop = !relative.includes(path.sep);
		if (atTop ? relative === SOURCING_POLICY_FILE : inFolder ? item.name.endsWith('.md') : !markdown) continue;
		const stem = item.name.replace(OTHER_MARKDOWN, '');
		const message = inFolder
			? `this file is not read: only \`.md\` files in ${folder}/ are`
			: atTop && !markdown
				? `this file is not read: the content folder holds articles/, glossary/ and ${SOURCING_POLICY_FILE}`
				: 'this file is not read: it is outside articles/ and glossary/';
		const hint =
			!inFolder && markdown
				? `move it into ${displayPath(path.join(root, 'articles'))}/ (an article) or ${displayPath(path.join(root, 'glossary'))}/ (a glossary entry), as a \`.md\` file`
				: markdown
					? `rename it to \`${stem}.md\``
					: atTop
						? `files the site serves (images, downloads) belong in public/; keep other files outside ${displayPath(root)}/`
						: `only \`.md\` files are read here; images and other files belong in public/`;
		found.push({ severity: 'warning', file: displayPath(absolute), line: 1, column: 1, rule: 'unread-file', message, hint });
	}
	return found;
}

/** The author field of a frontmatter that failed validation, where it is still readable. */
function authorField(raw: unknown): { author: string } {
	const author = raw && typeof raw === 'object' ? (raw as { author?: unknown }).author : undefined;
	return { author: typeof author === 'string' ? author : '' };
}

/** The publisher fields of a frontmatter that failed validation, where they are still readable. */
function creditFields(raw: unknown): { publisher: string; republished?: { by: string } } | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const { publisher, republished } = raw as { publisher?: unknown; republished?: { by?: unknown } };
	if (typeof publisher !== 'string') return undefined;
	const by = republished && typeof republished === 'object' ? republished.by : undefined;
	return { publisher, ...(typeof by === 'string' ? { republished: { by } } : {}) };
}

/**
 * Loads the glossary and every article under `root`, renders the articles through the
 * annotation pipeline and gathers every diagnostic, plus corpus-wide warnings (entries never
 * mentioned). Each rendered article goes through `keep`, whose result the corpus holds: the
 * article itself by default; the build writes its rendered parts to disk there and keeps its
 * front matter (`DiskArticleStore.put`), so that the whole corpus is never in memory at once.
 */
export async function loadCorpus(root?: string, base?: string): Promise<Corpus>;
export async function loadCorpus<A extends ArticleListing>(root: string, base: string, keep: (article: Article) => A): Promise<Corpus<A>>;
export async function loadCorpus<A extends ArticleListing>(root = contentRoot(), base = basePath(), keep?: (article: Article) => A): Promise<Corpus<A | Article>> {
	const glossary = loadGlossary(path.join(root, 'glossary'));
	const diagnostics: Diagnostic[] = [...glossary.diagnostics];
	const sourcing = loadSourcePolicy(root);
	diagnostics.push(...sourcing.diagnostics);
	if (sourcing.policy) diagnostics.push(...checkSources(glossary.entries.values(), sourcing.policy));
	for (const entry of glossary.entries.values()) diagnostics.push(...unmarkedLaterDates(entry, (field) => fieldPlace(entry.file, field)));
	const notes = new Map<string, string>();
	const noteWords = new Map<string, string>();
	const renderNote = await createNoteRenderer({ glossary, base });
	for (const entry of glossary.entries.values()) {
		const note = await renderNote(entry.note, entry.file, entry.noteLine);
		diagnostics.push(...note.diagnostics);
		notes.set(entry.id, note.html);
		noteWords.set(entry.id, note.markdown);
	}
	const render = await createArticleRenderer({ glossary, base });
	const articles: (A | Article)[] = [];
	/** What the dated checks need of each article: read before `keep` takes the article. */
	const dated: DatedArticle[] = [];
	const articleFiles = listMarkdownFiles(path.join(root, 'articles'));
	if (!fs.existsSync(path.join(root, 'articles'))) {
		diagnostics.push({
			severity: 'error',
			file: displayPath(root),
			line: 1,
			column: 1,
			rule: 'no-articles-folder',
			message: `there is no articles folder in ${displayPath(root)}`,
			hint: 'create content/articles/ and put one Markdown file per article in it',
		});
	}
	const mentioned = new Set<string>();
	// Whether every article could be read far enough to know what it mentions: if one could not,
	// "never mentioned" cannot be judged, and the warnings would only bury the real error.
	let mentionsKnown = true;
	for (const absolute of articleFiles) {
		const file = displayPath(absolute);
		const slug = path.basename(absolute, '.md');
		const source = fs.readFileSync(absolute, 'utf8');
		const parsed = parseFrontmatter(source, articleSchema, file);
		diagnostics.push(...parsed.diagnostics);
		const validSlug = SLUG.test(slug);
		if (!validSlug) {
			diagnostics.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				rule: 'invalid-slug',
				message: `the file name \`${slug}\` cannot be an article address`,
				hint: 'rename the file to lower-case words joined by hyphens',
			});
		}
		const rendered = await render(parsed.body, file, parsed.bodyLineOffset);
		diagnostics.push(...rendered.diagnostics);
		// An article whose frontmatter is invalid is not published, but what its body marks still
		// counts: the entries it names are not unused.
		for (const m of rendered.annotations.mentions) mentioned.add(m.entity);
		for (const q of rendered.annotations.quotes) mentioned.add(q.outlet);
		// A frontmatter that is never closed swallows the body.
		if (parsed.diagnostics.some((d) => d.rule === 'unclosed-frontmatter')) mentionsKnown = false;
		const credited = parsed.data ?? creditFields(parsed.raw);
		if (credited) for (const credit of creditsOf(credited, glossary.entries)) if (credit.outlet) mentioned.add(credit.outlet);
		// The author, like the publisher, links to their entry from the byline: a mention of it.
		const author = authorMention(parsed.data ?? authorField(parsed.raw), glossary.entries);
		if (author) {
			mentioned.add(author.entity);
			rendered.annotations.mentions.unshift(author);
		}
		if (!parsed.data || !validSlug) continue;
		const digest = createHash('sha1').update(rendered.html).digest('base64url');
		const article: Article = { slug, data: parsed.data, html: rendered.html, annotations: rendered.annotations, body: parsed.body, file, digest };
		dated.push({ file, published: article.data.published, marked: new Set(article.annotations.mentions.map((m) => m.entity)) });
		articles.push(keep ? keep(article) : article);
	}
	diagnostics.push(...unreadFiles(root));
	diagnostics.push(...checkDatedFacts(glossary, dated));
	for (const entry of glossary.entries.values()) {
		if (mentionsKnown && !mentioned.has(entry.id)) {
			diagnostics.push({
				severity: 'warning',
				file: entry.file,
				line: 1,
				column: 1,
				rule: 'unused-entry',
				message: `glossary entry \`${entry.id}\` is never mentioned in an article`,
				hint: `mark a mention with \`:e[${entry.name}]\`, or delete the entry if it is not needed`,
			});
		}
	}
	articles.sort((a, b) => b.data.published.localeCompare(a.data.published) || a.slug.localeCompare(b.slug));
	// Every message shows the invisible characters it quotes (`\u200b`), wherever it was made.
	return { root, base, glossary, notes, noteWords, articles, diagnostics: diagnostics.map(showInvisible) };
}
