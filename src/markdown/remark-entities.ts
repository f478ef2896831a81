import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visitParents } from 'unist-util-visit-parents';
import { normalizeName } from '../names.ts';
import type { GlossaryIndex } from '../schemas/glossary.ts';
import { failedEntryFor, suggestEntries } from './suggestions.ts';
import { createRoutes } from '../routes.ts';
import { cardElementId, ENTITY_DIRECTIVES } from './annotations.ts';
import { didYouMean, hasInvisible, report } from './diagnostics.ts';
import { canonicalLanguage, languageDirection } from './language.ts';

export interface RemarkEntitiesOptions {
	glossary: GlossaryIndex;
	/** Base path of the site, ending in `/`. */
	base: string;
	/**
	 * Whether the page holds each named entry's card (articles do): the name is then described by
	 * it (`aria-describedby`). False for glossary notes, whose page has no cards.
	 */
	cards?: boolean;
}

const ALLOWED_ATTRIBUTES = new Set(['id']);

/**
 * Turns a marked name into a link to its glossary entry, described by its card.
 *
 * ```md
 * :e[Nouri al-Maliki]{#nouri-al-maliki} met :e[Baghdad]'s mayor.
 * ```
 * becomes
 * ```html
 * <a href="/glossary/nouri-al-maliki/" class="entity" data-entity="nouri-al-maliki"
 *    aria-describedby="card-nouri-al-maliki">Nouri al-Maliki</a> met
 * <a href="/glossary/baghdad/" class="entity" data-entity="baghdad" …>Baghdad</a>'s mayor.
 * ```
 * The id may be left out when the label is the name, an alias or a name in its own script
 * (`native`) of exactly one entry; a label in its own script gets that language's `lang` and `dir`.
 * Unknown ids (with the closest ids), unknown names, ambiguous names (with the candidates)
 * and empty labels are errors; a label that is not among the entry's aliases is a warning.
 */
export const remarkEntities: Plugin<[RemarkEntitiesOptions], Root> = function ({ glossary, base, cards = true }) {
	const routes = createRoutes(base);
	return (tree: Root, file: VFile) => {
		visitParents(tree, 'textDirective', (node: TextDirective, ancestors) => {
			if (!(ENTITY_DIRECTIVES as readonly string[]).includes(node.name)) return;
			const place = node.position?.start;
			const label = toString(node);
			const written = `:${node.name}[${label}]`;
			if (ancestors.some((a) => a.type === 'textDirective' && (ENTITY_DIRECTIVES as readonly string[]).includes((a as TextDirective).name))) {
				report(file, 'error', 'nested-entity', place, `a marked name cannot contain another: ${written}`, 'mark the two names separately, side by side');
			}
			if (ancestors.some((a) => a.type === 'link')) {
				report(file, 'error', 'entity-in-link', place, `a marked name cannot sit inside a link: ${written}`, 'move the name out of the link text, or drop the link');
			}
			for (const key of Object.keys(node.attributes ?? {})) {
				if (!ALLOWED_ATTRIBUTES.has(key)) {
					report(file, 'error', 'unknown-attribute', place, `unknown attribute \`${key}\` on ${written}`, 'a marked name takes only its glossary id, written `{#the-id}`');
				}
			}
			if (!label.trim()) {
				report(file, 'error', 'empty-entity', place, `a marked name has no words: \`:${node.name}[]\``, 'put the name between the brackets, e.g. `:e[Baghdad]`');
				node.data = { hName: 'span' };
				return;
			}
			const explicit = node.attributes?.id ?? undefined;
			let id: string | undefined;
			if (explicit) {
				if (glossary.entries.has(explicit)) {
					id = explicit;
					const entry = glossary.entries.get(explicit)!;
					const known = [entry.name, ...entry.aliases, ...(entry.contextual ?? []), ...entry.native.map((n) => n.text)].map(normalizeName);
					if (!known.includes(normalizeName(label))) {
						report(
							file,
							'warning',
							'label-not-alias',
							place,
							`"${label}" is not a name or alias of \`${explicit}\``,
							`add "${label}" to the aliases in ${entry.file}, so search and lint know this spelling`,
						);
					}
				} else {
					const failed = failedEntryFor(glossary, { id: explicit });
					if (failed) {
						report(
							file,
							'error',
							'entry-has-errors',
							place,
							`the glossary entry \`${explicit}\` has errors (${failed.file}), so ${written}{#${explicit}} cannot link to it`,
							`fix the errors reported for ${failed.file}; this mark needs no change`,
							failed.file,
						);
					} else {
						const near = suggestEntries(glossary, { id: explicit, label });
						report(
							file,
							'error',
							'unknown-entity',
							place,
							`unknown glossary id \`${explicit}\` in ${written}{#${explicit}}`,
							near.length ? `did you mean ${didYouMean(near)}? Or add content/glossary/${explicit}.md` : `add content/glossary/${explicit}.md`,
						);
					}
				}
			} else {
				const candidates = glossary.byName.get(normalizeName(label)) ?? [];
				const failed = candidates.length === 0 ? failedEntryFor(glossary, { label }) : undefined;
				if (candidates.length === 1) {
					id = candidates[0];
				} else if (candidates.length > 1) {
					report(
						file,
						'error',
						'ambiguous-entity',
						place,
						`"${label}" is ambiguous: it names ${didYouMean(candidates)}`,
						`say which one with an id: ${candidates.map((c) => `\`${written}{#${c}}\``).join(' or ')}`,
					);
				} else if (failed) {
					report(
						file,
						'error',
						'entry-has-errors',
						place,
						`"${label}" names the glossary entry \`${failed.id}\`, which has errors (${failed.file}), so ${written} cannot link to it`,
						`fix the errors reported for ${failed.file}; this mark needs no change`,
						failed.file,
					);
				} else if (hasInvisible(label) && (glossary.byName.get(normalizeName(withoutInvisible(label)))?.length ?? 0) > 0) {
					report(
						file,
						'error',
						'unknown-name',
						place,
						`no glossary entry is named "${label}": the words hold an invisible character`,
						`delete the invisible character (shown as \\u…): \`${written.replace(label, withoutInvisible(label))}\``,
					);
				} else {
					const near = suggestEntries(glossary, { label });
					const names = near.map((n) => glossary.entries.get(n)!.name);
					report(
						file,
						'error',
						'unknown-name',
						place,
						`no glossary entry is named "${label}"`,
						`${near.length ? `give the id, e.g. \`${written}{#${near[0]}}\` (close names: ${didYouMean(names, (n) => `"${n}"`)})` : `give the id: \`${written}{#the-id}\``}, or add "${label}" to an entry's aliases`,
					);
				}
			}
			if (!id) {
				node.data = { hName: 'span', hProperties: { className: ['entity-unresolved'] } };
				return;
			}
			// A name written in its own script (`:e[نوري المالكي]`) is in that language.
			const native = glossary.entries.get(id)!.native.find((n) => normalizeName(n.text) === normalizeName(label));
			const language = native && canonicalLanguage(native.lang);
			node.data = {
				hName: 'a',
				hProperties: {
					href: routes.entry(id),
					className: ['entity'],
					dataEntity: id,
					...(cards ? { ariaDescribedBy: [cardElementId(id)] } : {}),
					...(language ? { lang: language, dir: languageDirection(language) } : {}),
				},
			};
		});
	};
};

/** The text without the characters that cannot be seen (zero-width spaces, soft hyphens, joiners…). */
function withoutInvisible(text: string): string {
	return text.replace(/[\p{Cf}]/gu, '');
}
