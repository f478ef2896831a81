import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * A copy of an element (or tree) without the interface text inside it (`data-pagefind-ignore`: editorial
 * marks, notes, captions, cards), leaving the article's own words: what search indexes, what
 * anchors and mention sentences are made of, and what the tests compare with the original.
 */
export function withoutInterfaceText<T extends Root | Element>(element: T): T {
	const copy = structuredClone(element);
	visit(copy, 'element', (node: Element, index, parent) => {
		if (parent && index !== undefined && node.properties.dataPagefindIgnore !== undefined) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
	});
	return copy;
}
