import type { Glossary } from '../../corpus/glossary.ts';
import { parseFrontmatter } from '../../corpus/frontmatter.ts';
import { articleText } from '../../lib/open-data.ts';
import type { Diagnostic } from '../../markdown/diagnostics.ts';
import { createArticleRenderer } from '../../markdown/pipeline.ts';
import { articleSchema } from '../../schemas/article.ts';
import type { MetadataField } from './document.ts';

/** The result of comparing the input's words with the written article's. */
export interface WordCheck {
	/** Number of words in the input's body. */
	inputWords: number;
	/** Number of words in the article's text. */
	articleWords: number;
	/** The first difference, with a few words of context from each side; absent when equal. */
	difference?: { index: number; input: string; article: string };
	/** What the content check says about the written article (placeholders included). */
	diagnostics: Diagnostic[];
	/** Frontmatter fields found in the input that the written file does not give back as found. */
	fieldsChanged: string[];
}

/** The words of a text: runs of characters between white space (no-break spaces included). */
export function wordsOf(text: string): string[] {
	return text
		.normalize('NFC')
		.split(/[\s\u00A0]+/u)
		.filter(Boolean);
}

/**
 * Renders a written article with the site's own pipeline and compares the words of its text
 * (the text search indexes and the open data counts in: notes, captions and `[sic]` marks left
 * out) with the words of the input's body, in order; and that each frontmatter field found in the
 * input reads back exactly as found.
 */
export async function checkWordsKept(source: string, file: string, inputBody: string, glossary: Glossary, found: Partial<Record<MetadataField, string>> = {}): Promise<WordCheck> {
	const parsed = parseFrontmatter(source, articleSchema, file);
	const written = (parsed.raw ?? {}) as Record<string, unknown>;
	const fieldsChanged = (Object.keys(found) as MetadataField[]).filter((field) => found[field] !== undefined && written[field] !== found[field]);
	const render = await createArticleRenderer({ glossary, base: '/' });
	const rendered = await render(parsed.body, file, parsed.bodyLineOffset);
	const expected = wordsOf(inputBody);
	const actual = wordsOf(articleText(rendered.html).text);
	const check: WordCheck = { inputWords: expected.length, articleWords: actual.length, diagnostics: [...parsed.diagnostics, ...rendered.diagnostics], fieldsChanged };
	const length = Math.max(expected.length, actual.length);
	for (let i = 0; i < length; i++) {
		if (expected[i] !== actual[i]) {
			const context = (words: string[]) => words.slice(Math.max(0, i - 3), i + 4).join(' ') || '(end of text)';
			check.difference = { index: i, input: context(expected), article: context(actual) };
			break;
		}
	}
	return check;
}
