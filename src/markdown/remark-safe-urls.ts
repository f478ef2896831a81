import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from './diagnostics.ts';

/** U+0000 to U+0020: the C0 control characters and the space. */
const BELOW_SPACE = /(?![\u007f-\u009f])[\p{Cc} ]/gu;

/** The scheme of an address as a browser reads it (it ignores control characters, tabs and newlines). */
export function urlScheme(url: string): string | undefined {
	const cleaned = url.replace(BELOW_SPACE, '');
	return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * True for an address with no scheme that still names another host: `//host/x.png`, and the
 * forms browsers read the same way (`\\host`, `/\host`, with spaces or tabs mixed in).
 */
export function isProtocolRelative(url: string): boolean {
	return /^[/\\]{2}/.test(url.replace(BELOW_SPACE, ''));
}

/**
 * Refuses addresses that could run script or load from another host. A link is
 * `[words](https://…)`, `mailto:` or a path of the site; `javascript:`, `data:`, `vbscript:` and
 * every other scheme are errors. An image must be a file of the site (`![map](/images/map.png)`):
 * one from another host would tell that host who reads the page.
 *
 * ```md
 * [the agency](javascript:alert(1))   → error: a link to `javascript:` … [unsafe-url]
 * ![photo](https://cdn.example/a.jpg) → error: an image from another host … [remote-image]
 * ```
 * An address that starts with `//` names another host too. A refused address is replaced by `#` so that the rest of
 * the file still renders for `npm run check`.
 */
export const remarkSafeUrls: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		visit(tree, (node) => {
			if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
			const scheme = urlScheme(node.url);
			const place = node.position?.start;
			if (isProtocolRelative(node.url)) {
				report(
					file,
					'error',
					node.type === 'image' ? 'remote-image' : 'protocol-relative-url',
					place,
					`\`${node.url.slice(0, 60)}\` is an address on another host${node.type === 'image' ? ': an image must be a file of this site' : ' without its scheme'}`,
					node.type === 'image'
						? 'put the image in public/ and write its path, e.g. `![a map](/images/map.png)`'
						: `write the full address, e.g. \`https:${node.url.trim().replace(/^[/\\]+/, '//')}\``,
				);
				node.url = '#';
				return;
			}
			if (node.type === 'image') {
				if (scheme) {
					report(
						file,
						'error',
						'remote-image',
						place,
						`an image must be a file of this site, not \`${node.url.slice(0, 60)}\``,
						'put the image in public/ and write its path, e.g. `![a map](/images/map.png)`',
					);
					node.url = '#';
				}
				return;
			}
			if (scheme && scheme !== 'http' && scheme !== 'https' && scheme !== 'mailto') {
				report(file, 'error', 'unsafe-url', place, `a link to \`${scheme}:\` is not allowed: \`${node.url.slice(0, 60)}\``, 'link to an http(s) address, a mailto: address or a page of this site');
				node.url = '#';
			}
		});
	};
};
