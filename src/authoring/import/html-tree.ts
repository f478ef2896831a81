/** Small helpers to look through a hast tree (an HTML page parsed by `hast-util-from-html`). */
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type HastNode = Root | RootContent | ElementContent;

/** Every element under `node` (itself included) that passes `test`, in document order. */
export function findAll(node: HastNode, test: (el: Element) => boolean): Element[] {
	const found: Element[] = [];
	const walk = (n: HastNode) => {
		if (n.type === 'element' && test(n)) found.push(n);
		if ('children' in n) for (const child of n.children) walk(child);
	};
	walk(node);
	return found;
}

/** The first element under `node` that passes `test`. */
export function findFirst(node: HastNode, test: (el: Element) => boolean): Element | undefined {
	return findAll(node, test)[0];
}

/** An attribute as a string (class lists joined with spaces). */
export function attribute(el: Element, name: string): string | undefined {
	const value = el.properties[name];
	if (value === undefined || value === null || value === false) return undefined;
	return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Tests whether an element is one of the given tag names. */
export function isTag(el: Element, ...names: string[]): boolean {
	return names.includes(el.tagName);
}

/** A deep copy of a tree without the elements that fail `keep`. */
export function pruned<T extends Root | Element>(node: T, keep: (el: Element) => boolean): T {
	const copy = (n: HastNode): HastNode | undefined => {
		if (n.type === 'element' && !keep(n)) return undefined;
		if (!('children' in n)) return { ...n };
		const children = n.children.map((child) => copy(child)).filter((child): child is ElementContent => child !== undefined);
		return { ...n, children } as HastNode;
	};
	return copy(node) as T;
}
