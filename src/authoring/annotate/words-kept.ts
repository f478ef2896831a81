import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Glossary } from '../../corpus/glossary.ts';
import { withoutInterfaceText } from '../../markdown/interface-text.ts';
import { createArticleRenderer } from '../../markdown/pipeline.ts';

/** Whether two versions of an article body show the same words, and where they first differ. */
export interface WordsComparison {
	same: boolean;
	/** The first difference, with some text around it, when they differ. */
	before?: string;
	after?: string;
}

/**
 * Renders two versions of a body through the site's own pipeline and compares the article's own
 * words (the rendered text without interface text: cards, notes, `[sic]` corrections, captions),
 * character for character. Marks add no word, so an annotated body must read exactly as before.
 */
export async function compareWords(before: string, after: string, glossary: Glossary): Promise<WordsComparison> {
	const render = await rendererFor(glossary);
	const words = async (body: string) => toText(withoutInterfaceText(fromHtml((await render(body, 'article.md')).html, { fragment: true })));
	const a = await words(before);
	const b = await words(after);
	if (a === b) return { same: true };
	let at = 0;
	while (at < a.length && a[at] === b[at]) at++;
	return { same: false, before: a.slice(Math.max(0, at - 40), at + 40), after: b.slice(Math.max(0, at - 40), at + 40) };
}

// One renderer per glossary: `npm run check -- --fix` compares every article of a corpus.
const renderers = new WeakMap<Glossary, ReturnType<typeof createArticleRenderer>>();

function rendererFor(glossary: Glossary): ReturnType<typeof createArticleRenderer> {
	let renderer = renderers.get(glossary);
	if (!renderer) {
		renderer = createArticleRenderer({ glossary, base: '/' });
		renderers.set(glossary, renderer);
	}
	return renderer;
}
