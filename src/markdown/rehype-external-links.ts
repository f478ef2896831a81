import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** Link relations of a link to another host: no `window.opener` for the page it opens, no referrer. */
export const EXTERNAL_REL = ['noopener', 'noreferrer', 'external'];

/**
 * Gives every link to an http(s) address `rel="noopener noreferrer external"`, however it was
 * written (`[words](https://…)`, a reference `[words][ref]`, an autolink).
 *
 * ```html
 * <a href="https://apnews.com/…">  →  <a href="https://apnews.com/…" rel="noopener noreferrer external">
 * ```
 */
export const rehypeExternalLinks: Plugin<[], Root> = function () {
	return (tree: Root) => {
		visit(tree, 'element', (node: Element) => {
			if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
			if (!/^https?:/i.test(node.properties.href.trim())) return;
			const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
			node.properties.rel = [...new Set([...rel, ...EXTERNAL_REL])];
		});
	};
};
