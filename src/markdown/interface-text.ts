import type { Element, Root, RootContent } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * A copy of an element (or tree) without the interface text inside it (`data-pagefind-ignore`: editorial
 * marks, notes, captions, cards), leaving the article's own words: what search indexes, what
 * anchors and mention sentences are made of, and what the tests compare with the original.
 * An element that holds no interface text is returned as it is, not copied (most paragraphs: the
 * copies were a twentieth of a build's time); callers only read the result.
 */
export function withoutInterfaceText<T extends Root | Element>(element: T): T {
	if (!element.children.some(holdsInterfaceText)) return element;
	const copy = structuredClone(element);
	visit(copy, 'element', (node: Element, index, parent) => {
		if (parent && index !== undefined && node.properties.dataPagefindIgnore !== undefined) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
	});
	return copy;
}

/** Whether a node is interface text or holds some. */
function holdsInterfaceText(node: RootContent): boolean {
	if (node.type !== 'element') return false;
	return node.properties.dataPagefindIgnore !== undefined || node.children.some(holdsInterfaceText);
}
