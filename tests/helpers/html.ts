import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { withoutInterfaceText } from '../../src/markdown/interface-text.ts';
import { visit } from 'unist-util-visit';

/** Parses a built page. */
export function readPage(dir: string, page: string): Root {
	return fromHtml(fs.readFileSync(path.join(dir, page), 'utf8'));
}

/** Every element matching a predicate, in document order. */
export function findAll(tree: Root | Element, test: (el: Element) => boolean): Element[] {
	const found: Element[] = [];
	visit(tree, 'element', (el: Element) => {
		if (test(el)) found.push(el);
	});
	return found;
}

/** The text a search engine indexes: inside `data-pagefind-body`, minus `data-pagefind-ignore`. */
export function indexedText(tree: Root): string {
	const bodies = findAll(tree, (el) => el.properties.dataPagefindBody !== undefined);
	return bodies.map((body) => toText(withoutIgnored(body))).join('\n');
}

/** A copy of an element without its `data-pagefind-ignore` descendants (the pipeline's own helper). */
export const withoutIgnored = withoutInterfaceText;
