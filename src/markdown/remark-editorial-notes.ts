import type { Root } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { annotationsOf } from './annotations.ts';
import { report } from './diagnostics.ts';

/**
 * Editorial notes: the editors' words, always visible and always told apart from the article's.
 *
 * ```md
 * Mayor Hussein :sic[AIi]{fix="Ali"} al-Aujail said …
 * ::note[The repost ran the blogger's words into the quotation; the editors restored the break.]
 * ```
 * becomes
 * ```html
 * Mayor Hussein <span class="sic" data-editorial="sic">AIi<span class="editorial-mark" data-pagefind-ignore> [sic: Ali]</span></span> al-Aujail said …
 * <aside class="editorial-note" data-editorial="note" data-pagefind-ignore role="note"><strong>Editors’ note:</strong> The repost ran …</aside>
 * ```
 * The words inside `:sic[…]` are the article's own and stay as written; the mark and notes are
 * excluded from search so the indexed text is exactly the original. `:note[…]` is the inline form.
 */
export const remarkEditorialNotes: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		const record = annotationsOf(file);
		visit(tree, (node) => {
			if (node.type !== 'textDirective' && node.type !== 'leafDirective') return;
			const directive = node as TextDirective | LeafDirective;
			const place = directive.position?.start;
			const attrs = (directive.attributes ?? {}) as Record<string, string | null | undefined>;
			if (directive.name === 'sic' && directive.type === 'textDirective') {
				const text = toString(directive);
				if (!text) report(file, 'error', 'empty-sic', place, '`:sic[]` marks no words', 'put the words as written between the brackets: `:sic[AIi]{fix="Ali"}`');
				for (const key of Object.keys(attrs)) {
					if (key !== 'fix' && key !== 'note') report(file, 'error', 'unknown-attribute', place, `unknown attribute \`${key}\` on :sic`, 'use `fix="the correct words"` and/or `note="why"`');
				}
				const fix = attrs.fix?.trim();
				const note = attrs.note?.trim();
				if (!fix && !note) report(file, 'error', 'sic-without-fix', place, '`:sic` needs `fix` or `note`', 'add `fix="the correct words"`, or `note="what is wrong"`');
				record.editorial.push({ kind: 'sic', text, fix: fix || note });
				const label = fix ? ` [sic: ${fix}]` : ` [sic]`;
				directive.data = { hName: 'span', hProperties: { className: ['sic'], dataEditorial: 'sic', ...(note ? { title: note } : {}) } };
				directive.children = [
					...directive.children,
					{
						type: 'text',
						value: '',
						data: {
							hName: 'span',
							hProperties: { className: ['editorial-mark'], dataPagefindIgnore: '' },
							hChildren: [{ type: 'text', value: label }, ...(note ? [h('span.visually-hidden', ` (${note})`)] : [])],
						},
					} as never,
				];
				return;
			}
			if (directive.name === 'note') {
				const text = toString(directive);
				if (!text.trim()) {
					report(file, 'error', 'empty-note', place, 'an editorial note has no words', 'write the note between the brackets: `::note[…]`');
				}
				for (const key of Object.keys(attrs)) report(file, 'error', 'unknown-attribute', place, `unknown attribute \`${key}\` on :note`, 'a note takes no attributes');
				record.editorial.push({ kind: 'note', text });
				const block = directive.type === 'leafDirective';
				// role=note: an article may hold many block notes, and as complementary landmarks
				// (an aside's default role) they would all share one name.
				directive.data = {
					hName: block ? 'aside' : 'span',
					hProperties: { className: ['editorial-note'], dataEditorial: 'note', dataPagefindIgnore: '', ...(block ? { role: 'note', ariaLabel: 'Editors’ note' } : {}) },
				};
				directive.children = [
					{ type: 'strong', children: [{ type: 'text', value: block ? 'Editors’ note: ' : '[Editors: ' }] },
					...directive.children,
					...(block ? [] : [{ type: 'text' as const, value: ']' }]),
				];
			}
		});
	};
};
