import type { Parent, Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { OWN_DIRECTIVES } from './annotations.ts';
import { placeAt, report, type Place } from './diagnostics.ts';
import type { OwnDirectives, RemarkForeignDirectivesOptions } from './remark-foreign-directives.ts';

/** One of the given directive names followed by `[` or `{`, with no backslash before its colon. */
function ownSyntax(own: OwnDirectives): RegExp {
	const names = [...new Set([...own.text, ...own.leaf, ...own.container])];
	return new RegExp(`(?<![\\\\:])(:{1,3})(${names.join('|')})(?=[[{])`, 'g');
}
/** Typographic quotes, which Markdown does not read as quotes around an attribute value. */
const CURLY = /[\u201C\u201D\u201E\u2018\u2019\u201A\u00AB\u00BB]/;

/**
 * Finds directive syntax that remark-directive could not read and that would otherwise be
 * published as text, and reports it where it is written:
 *
 * ```md
 * :e[the occupier]{#us-military today   → error: the attributes of :e[the occupier] are never closed
 * :::quote{outlet=ap via=“Zee News”}     → error: curly quotes around an attribute value
 * ```
 * Without this, the first publishes "the occupier{#us-military today" and the second leaves its
 * blockquote outside any `:::quote`. A colon escaped as `\:` is left alone: that is text on
 * purpose. A mark inside an image's description (`![:e[Baghdad] at night](…)`) is reported too:
 * the description is plain text, so the mark would be dropped.
 *
 * Runs after `remarkForeignDirectives` (which gives back directives that are not ours).
 */
export const remarkUnparsedDirectives: Plugin<[RemarkForeignDirectivesOptions?], Root> = function ({ own = OWN_DIRECTIVES as OwnDirectives } = {}) {
	const OWN_SYNTAX = ownSyntax(own);
	return (tree: Root, file: VFile) => {
		const source = String(file.value);
		// `![:e[Baghdad] at night](…)`: an image's description is plain text, the mark would vanish.
		visit(tree, (node) => {
			if (node.type !== 'image' && node.type !== 'imageReference') return;
			const from = node.position?.start.offset;
			const to = node.position?.end.offset;
			if (from === undefined || to === undefined) return;
			const match = new RegExp(OWN_SYNTAX.source).exec(source.slice(from, to));
			if (!match) return;
			report(
				file,
				'error',
				'mark-in-image',
				placeAt(source, from + match.index),
				`an image's description cannot hold \`${match[0]}[…]\`: the description is plain text, and the mark would be dropped`,
				`write the words without the mark (${node.alt ? `\`![${node.alt}](…)\`` : 'plain words'}), and mark the name in the text around the image`,
			);
		});
		// `fix=‘Ali’`: read as a value that starts and ends with curly quotes.
		visit(tree, (node) => {
			if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
			const colons = node.type === 'textDirective' ? ':' : node.type === 'leafDirective' ? '::' : ':::';
			for (const [key, value] of Object.entries(node.attributes ?? {})) {
				if (value && CURLY.test(value.charAt(0)) && CURLY.test(value.charAt(value.length - 1))) curly(file, node.position?.start, `${colons}${node.name}`, `${key}=${value}`, true);
			}
		});
		visitParents(tree, 'text', (node: Text, ancestors) => {
			const parent = ancestors.at(-1) as Parent | undefined;
			const start = node.position?.start.offset;
			const end = node.position?.end.offset;
			if (!parent || start === undefined || end === undefined) return;
			const written = source.slice(start, end);
			const index = parent.children.indexOf(node);
			const before = parent.children[index - 1];
			// `:e[words]{…` whose attributes could not be read: the brace and what follows are text.
			if (before?.type === 'textDirective' && written.startsWith('{')) {
				const line = written.split('\n')[0]!;
				const from = before.position?.start.offset;
				const name = from === undefined ? `:${before.name}[…]` : clip(source.slice(from, start));
				if (CURLY.test(line.slice(0, line.includes('}') ? line.indexOf('}') + 1 : undefined))) curly(file, node.position?.start, name, line);
				else if (!line.includes('}'))
					report(
						file,
						'error',
						'unclosed-attributes',
						node.position?.start,
						`the attributes of ${name} are never closed: \`${clip(line)}\` would be published as text`,
						`close them with \`}\`, e.g. \`${name}${/^\{[#.]?[\w-]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'}]*))?/.exec(line)?.[0] ?? '{'}}\``,
					);
				else
					report(
						file,
						'error',
						'unreadable-attributes',
						node.position?.start,
						`the attributes of ${name} cannot be read: \`${clip(line.slice(0, line.indexOf('}') + 1))}\` would be published as text`,
						'write them as `{#id}` or `{key=value key="two words"}`, with straight quotes',
					);
				return;
			}
			for (const match of written.matchAll(OWN_SYNTAX)) {
				const place = placeAt(source, start + match.index);
				const line = written.slice(match.index).split('\n')[0]!;
				const directive = `${match[1]}${match[2]}`;
				if (CURLY.test(line)) curly(file, place, directive, line);
				else
					report(
						file,
						'error',
						'unparsed-directive',
						place,
						`\`${clip(line)}\` is not a complete ${directive} and would be published as text`,
						`check its brackets and quotes (\`[words]\`, \`{key="value"}\`, every one closed, on one line); to write it literally, escape the colon: \`\\${directive}\``,
					);
			}
		});
	};
};

function curly(file: VFile, place: Place | undefined, directive: string, line: string, read = false) {
	const value = /\w+=[\u201C\u201E\u2018\u201A\u00AB][^\u201D\u2019\u00BB]*[\u201D\u2019\u00BB]?/u.exec(line)?.[0];
	report(
		file,
		'error',
		'curly-quotes',
		place,
		`curly quotes around an attribute value of ${directive}${value ? `: \`${value}\`` : ''}; ${read ? 'they would be published as part of the value' : 'the directive cannot be read'}`,
		`use straight quotes: ${value ? `\`${value.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019\u201A]/g, "'")}\`` : '`key="value"`'} (an editor's "smart quotes" setting makes curly ones)`,
	);
}

function clip(text: string): string {
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
