import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { report } from './diagnostics.ts';
import { canonicalLanguage, languageDirection } from './language.ts';

/**
 * Marks the language of words in another language, so that screen readers pronounce them in it
 * and right-to-left scripts are laid out apart from the English around them.
 *
 * ```md
 * the prime minister (:lang[نوري المالكي]{ar}) said …   or   :lang[نوري المالكي]{lang=ar}
 * ```
 * becomes
 * ```html
 * the prime minister (<span lang="ar" dir="rtl">نوري المالكي</span>) said …
 * ```
 * The direction comes from the language (`rtl` for Arabic, Sorani Kurdish `ckb`, Persian, Hebrew,
 * Urdu…). A missing or invalid language tag, other attributes and empty words are errors.
 */
export const remarkLanguage: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		visit(tree, 'textDirective', (node: TextDirective) => {
			if (node.name !== 'lang') return;
			const place = node.position?.start;
			const attributes = Object.entries(node.attributes ?? {});
			// `{lang=ar}`, or the language alone: `{ar}` reads as an attribute `ar` with no value.
			const given = node.attributes?.lang || attributes.find(([key, value]) => key !== 'lang' && key !== 'id' && key !== 'class' && !value)?.[0];
			const others = attributes.filter(([key]) => key !== 'lang' && key !== given);
			for (const [key] of others) report(file, 'error', 'unknown-attribute', place, `unknown attribute \`${key}\` on :lang`, 'give only the language, e.g. `:lang[نوري المالكي]{ar}`');
			if (!toString(node).trim()) report(file, 'error', 'empty-lang', place, '`:lang[]` marks no words', 'put the words between the brackets: `:lang[نوري المالكي]{ar}`');
			const tag = given ? canonicalLanguage(given) : undefined;
			if (!given)
				report(file, 'error', 'missing-language', place, ':lang does not say which language', 'add the language tag: `:lang[…]{ar}` (ar Arabic, ckb Sorani Kurdish, fa Persian, tr Turkish…)');
			else if (!tag) report(file, 'error', 'invalid-language', place, `\`${given}\` is not a language tag`, 'write a BCP 47 language tag such as `ar`, `ckb`, `fa` or `ku-Arab`');
			node.data = { hName: 'span', hProperties: tag ? { lang: tag, dir: languageDirection(tag) } : {} };
		});
	};
};
