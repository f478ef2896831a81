import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { articleText } from '../../lib/open-data.ts';
import { readByline } from './byline.ts';
import { parseDate } from './dates.ts';
import type { Block, FoundMetadata, ImportedDocument, TextBlock } from './document.ts';
import { ImportError } from './errors.ts';
import { outletNamed, type KnownOutlet } from './outlets.ts';

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** Renders plain Markdown (CommonMark and GFM, nothing of ours) and hands back its syntax tree too. */
async function renderPlain(markdown: string): Promise<{ tree: Root; html: string }> {
	let tree: Root | undefined;
	const processor = await createMarkdownProcessor({
		syntaxHighlight: false,
		smartypants: false,
		gfm: true,
		remarkPlugins: [() => (root: Root) => void (tree = structuredClone(root))],
	});
	const { code } = await processor.render(markdown);
	return { tree: tree!, html: code };
}

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (value && typeof value === 'object' && 'name' in value) return text((value as { name: unknown }).name);
	return undefined;
}

/** Fields of a Markdown file's own frontmatter, under the names blogs and static sites use. */
function frontmatterMetadata(yaml: string, metadata: FoundMetadata): void {
	let data: unknown;
	try {
		data = parseYaml(yaml);
	} catch {
		return;
	}
	if (!data || typeof data !== 'object') return;
	const record = data as Record<string, unknown>;
	const pick = (...keys: string[]) => keys.map((k) => text(record[k])).find(Boolean);
	const set = (field: 'title' | 'author' | 'publisher' | 'published' | 'originalUrl', value: string | undefined) => {
		if (value) {
			metadata[field] = value;
			metadata.sources[field] = 'the frontmatter';
		}
	};
	set('title', pick('title', 'headline'));
	set('author', pick('author', 'byline', 'authors'));
	set('publisher', pick('publisher', 'site', 'source', 'outlet'));
	set('published', parseDate(pick('published', 'date', 'datePublished', 'pubDate')));
	const url = pick('originalUrl', 'url', 'canonical', 'link');
	set('originalUrl', url && /^https?:\/\/\S+$/i.test(url) ? url : undefined);
}

/**
 * Reads an article written in Markdown: its own frontmatter if it has one (title, author,
 * publisher, date), a first `# heading` as the title, a credit line at the top of the body, and
 * the body as written, every `>` blockquote (adjacent ones together) becoming a quoted block.
 * Raw HTML is refused: the site does not publish it.
 */
export async function parseMarkdown(file: string, source: string, outlets: KnownOutlet[]): Promise<ImportedDocument> {
	const metadata: FoundMetadata = { sources: {} };
	let markdown = source;
	const frontmatter = FRONTMATTER.exec(source);
	if (frontmatter) {
		frontmatterMetadata(frontmatter[1]!, metadata);
		// Blank lines keep the body's line numbers those of the input.
		markdown = '\n'.repeat(frontmatter[0].split('\n').length - 1) + source.slice(frontmatter[0].length);
	}
	let { tree, html: rendered } = await renderPlain(markdown);
	const raw = tree.children.find((node) => node.type === 'html');
	if (raw) {
		throw new ImportError(
			`${file}:${raw.position?.start.line ?? 1}: raw HTML in a Markdown article is not imported (the site does not publish raw HTML): save the page as .html and import that, or rewrite it in Markdown`,
		);
	}
	const first = tree.children[0];
	if (first?.type === 'heading' && first.depth === 1) {
		if (!metadata.title) {
			metadata.title = toString(first).trim();
			metadata.sources.title = 'the first heading';
		}
		const end = first.position!.end.offset!;
		markdown = markdown.slice(0, first.position!.start.offset!) + markdown.slice(end);
		({ tree, html: rendered } = await renderPlain(markdown));
	}
	const bodyText = articleText(rendered).text;
	const slice = (node: RootContent) => markdown.slice(node.position!.start.offset!, node.position!.end.offset!);
	const blocks: Block[] = [];
	for (const node of tree.children) {
		if (node.type === 'definition') continue;
		const block: TextBlock = { kind: 'paragraph', markdown: slice(node), text: toString(node, { includeImageAlt: false }), line: node.position?.start.line };
		if (node.type !== 'blockquote') {
			blocks.push(block);
			continue;
		}
		const paragraphs = node.children.map((child) => ({ kind: 'paragraph' as const, markdown: '', text: toString(child, { includeImageAlt: false }), line: child.position?.start.line }));
		const previous = blocks.at(-1);
		if (previous?.kind === 'quote' && previous.source !== undefined) {
			previous.paragraphs.push(...paragraphs);
			previous.source += `\n>\n${block.markdown}`;
		} else {
			blocks.push({ kind: 'quote', paragraphs, source: block.markdown, line: block.line });
		}
	}
	// Definitions of reference links go last, where they do not split a quoted block.
	for (const node of tree.children) if (node.type === 'definition') blocks.push({ kind: 'paragraph', markdown: slice(node), text: '' });
	if (!metadata.author || !metadata.publisher || !metadata.published) {
		const firstParagraph = blocks.find((b) => b.kind === 'paragraph' && b.text);
		if (firstParagraph?.kind === 'paragraph') {
			const byline = readByline(firstParagraph.text, outlets);
			for (const field of ['author', 'publisher', 'published'] as const) {
				if (byline[field] && !metadata[field]) {
					metadata[field] = byline[field];
					metadata.sources[field] = 'the credit line';
				}
			}
		}
	}
	if (metadata.publisher) metadata.publisher = outletNamed(metadata.publisher, outlets)?.name ?? metadata.publisher;
	return { metadata, blocks, bodyText };
}
