import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import type { AnnotationRecord } from '../schemas/annotations.ts';
import { annotationsIn, ENTITY_DIRECTIVES } from './annotations.ts';
import { diagnosticsFromFile, type Diagnostic, type Severity } from './diagnostics.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { headingPlaces, rehypeMentions, resolveHeadingAnchors } from './rehype-mentions.ts';
import { isPageId } from './page-ids.ts';
import { remarkControlCharacters } from './remark-control-characters.ts';
import { remarkEditorialNotes } from './remark-editorial-notes.ts';
import { remarkEntities } from './remark-entities.ts';
import { remarkForeignDirectives } from './remark-foreign-directives.ts';
import { remarkLanguage } from './remark-language.ts';
import { remarkNoRawHtml } from './remark-no-raw-html.ts';
import { remarkPlaceholders } from './remark-placeholders.ts';
import { remarkSafeUrls } from './remark-safe-urls.ts';
import { remarkQuotes } from './remark-quotes.ts';
import { remarkUnparsedDirectives } from './remark-unparsed-directives.ts';
import { remarkUnmarkedAliases } from './remark-unmarked-aliases.ts';
import { markWordsIn, remarkMarkWords } from './remark-mark-words.ts';
import { VFile } from 'vfile';

export interface PipelineOptions {
	glossary: GlossaryIndex;
	/** Base path of the site, ending in `/`. */
	base: string;
}

/** What rendering one article gives. */
export interface RenderedArticle {
	html: string;
	annotations: AnnotationRecord;
	diagnostics: Diagnostic[];
}

const MESSAGES = '__annotationMessages';

/**
 * Hands our plugins' vfile messages back through the frontmatter object, the one channel
 * `@astrojs/markdown-remark` returns to its caller.
 */
function remarkCollectMessages() {
	return (_tree: unknown, file: VFile) => {
		const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
		if (data.astro?.frontmatter) data.astro.frontmatter[MESSAGES] = file.messages;
	};
}

/**
 * The article pipeline: Astro's unified Markdown processor (GFM, no SmartyPants, which would
 * change the article's quotes and dashes) with remark-directive and our annotation plugins.
 * The same pipeline serves the build, `npm run check` and the tests.
 */
export async function createArticleRenderer({ glossary, base }: PipelineOptions) {
	const renderer: MarkdownRenderer = await createMarkdownProcessor({
		syntaxHighlight: false,
		smartypants: false,
		gfm: true,
		remarkPlugins: [
			remarkDirective,
			remarkForeignDirectives,
			remarkUnparsedDirectives,
			remarkPlaceholders,
			remarkNoRawHtml,
			remarkControlCharacters,
			remarkSafeUrls,
			remarkLanguage,
			[remarkEntities, { glossary, base }],
			[remarkQuotes, { glossary, base }],
			remarkEditorialNotes,
			[remarkUnmarkedAliases, { glossary }],
			remarkCollectMessages,
		],
		rehypePlugins: [rehypeMentions, rehypeExternalLinks],
	});

	/**
	 * Renders a Markdown body. `lineOffset` blank lines are put before it so that positions in
	 * messages are positions in the whole file, frontmatter included.
	 */
	return async function render(body: string, file: string, lineOffset = 0): Promise<RenderedArticle> {
		const frontmatter: Record<string, unknown> = {};
		const result = await renderer.render('\n'.repeat(lineOffset) + body, { frontmatter });
		const vfile = new VFile();
		vfile.messages = (frontmatter[MESSAGES] as VFile['messages'] | undefined) ?? [];
		const annotations = annotationsIn(result.metadata.frontmatter);
		const headingIds = result.metadata.headings.map((h) => h.slug);
		resolveHeadingAnchors(annotations.mentions, headingIds);
		return { html: result.code, annotations, diagnostics: [...diagnosticsFromFile(vfile, file), ...headingIdClashes(headingIds, headingPlaces(frontmatter), result.code, file)] };
	};
}

/**
 * Headings whose id (made from their words by Astro, after our plugins, which avoid every id
 * already taken) is one the article page uses for itself (`## Main` would take `main`, the skip
 * link's target) or that another element of the article has (a quote's `#quote-ap`).
 */
function headingIdClashes(ids: string[], places: ({ line: number; column: number } | undefined)[], html: string, file: string): Diagnostic[] {
	if (ids.length === 0) return [];
	const counts = new Map<string, number>();
	for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) counts.set(id!, (counts.get(id!) ?? 0) + 1);
	return ids.flatMap((id, i) => {
		const page = isPageId(id);
		if (!page && (counts.get(id) ?? 0) < 2) return [];
		const [why, hint] = page
			? ['an id the article page uses for itself', 'reword the heading (its anchor is made from its words)']
			: ['an id another element of the article has', 'reword the heading (its anchor is made from its words), or give the other element another `#id`'];
		return [{ severity: 'error' as const, file, line: places[i]?.line ?? 1, column: places[i]?.column ?? 1, rule: 'page-id', message: `this heading's anchor would be \`${id}\`, ${why}`, hint }];
	});
}

/** The directives a glossary note owns: marks only (`:e[Baghdad]`); every other name is text or an error, as in articles. */
const NOTE_DIRECTIVES = { text: ENTITY_DIRECTIVES, leaf: [], container: [] } as const;

/** What rendering one glossary note gives. */
export interface RenderedNote {
	html: string;
	/** The note's Markdown with each mark replaced by its words (`:e[the army]{#iraqi-army}` → `the army`). */
	markdown: string;
	diagnostics: Diagnostic[];
}

/**
 * The pipeline of glossary notes: Markdown with marked names (`:e[Baghdad]`,
 * `:e[the capital]{#baghdad}`), found, checked and reported as in articles, raw HTML refused.
 * A mark becomes a link to its entry (`<a class="entity" data-entity="baghdad" href="/glossary/baghdad/">`),
 * without a card (the entry page has none); other directives (`10:30`) stay text.
 * Returns the HTML, the Markdown without marks and the diagnostics, positions counted from the top of the entry's file.
 */
export async function createNoteRenderer({ glossary, base }: PipelineOptions) {
	const renderer = await createMarkdownProcessor({
		syntaxHighlight: false,
		smartypants: false,
		gfm: true,
		remarkPlugins: [
			remarkDirective,
			[remarkForeignDirectives, { own: NOTE_DIRECTIVES }],
			[remarkUnparsedDirectives, { own: NOTE_DIRECTIVES }],
			remarkNoRawHtml,
			remarkControlCharacters,
			remarkSafeUrls,
			[remarkEntities, { glossary, base, cards: false }],
			remarkMarkWords,
			remarkCollectMessages,
		],
		rehypePlugins: [rehypeExternalLinks],
	});
	return async function render(body: string, file: string, lineOffset = 0): Promise<RenderedNote> {
		const frontmatter: Record<string, unknown> = {};
		const result = await renderer.render('\n'.repeat(lineOffset) + body, { frontmatter });
		const vfile = new VFile();
		vfile.messages = (frontmatter[MESSAGES] as VFile['messages'] | undefined) ?? [];
		const markdown = markWordsIn(frontmatter)?.slice(lineOffset) ?? body;
		return { html: result.code, markdown, diagnostics: diagnosticsFromFile(vfile, file) };
	};
}

export type ArticleRenderer = Awaited<ReturnType<typeof createArticleRenderer>>;

/** True when any diagnostic has the given severity. */
export function hasSeverity(list: Diagnostic[], severity: Severity): boolean {
	return list.some((d) => d.severity === severity);
}
