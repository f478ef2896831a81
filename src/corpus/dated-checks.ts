/**
 * Checks of the dated parts of the glossary, run once the glossary and the articles are read:
 * roles whose periods are inverted or overlap, relations that point nowhere, join the wrong kinds
 * of entry or contradict their inverse, and articles dated when an entry they mark held no role.
 * Every finding points at the field to change (file:line:column) and says how to fix it.
 */
import { ENTITY_TYPE_LABELS, type EntityType } from '../schemas/glossary.ts';
import { RELATIONS, type Relation } from '../schemas/relation.ts';
import { didYouMean, type Diagnostic } from '../markdown/diagnostics.ts';
import { compareDates, isInverted, overlaps, roleOn, sortedRoles } from '../lib/periods.ts';
import { formatDate } from '../markdown/text.ts';
import { fieldPosition } from './field-position.ts';
import type { Glossary, GlossaryEntry } from './glossary.ts';
import { failedEntryFor, suggestEntries } from '../markdown/suggestions.ts';
import { normalizeName } from '../names.ts';

/** What the article check needs to know of an article. */
export interface DatedArticle {
	file: string;
	published: string;
	/** Ids of the entries the article marks. */
	marked: Iterable<string>;
}

const range = (p: { start?: string; end?: string }) => `${p.start ? formatDate(p.start) : '…'} – ${p.end ? formatDate(p.end) : 'now'}`;

/** "a person", "an armed group". */
function kind(type: EntityType): string {
	const label = ENTITY_TYPE_LABELS[type].one.toLowerCase();
	return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

function kinds(types: readonly string[]): string {
	const list = types.map((t) => kind(t as EntityType));
	const last = list.pop()!;
	return list.length ? `${list.join(', ')} or ${last}` : last;
}

/** Inverted and overlapping role periods of one entry. */
function checkRoles(entry: GlossaryEntry): Diagnostic[] {
	const found: Diagnostic[] = [];
	const at = (keys: (string | number)[]) => ({ file: entry.file, ...fieldPosition(entry.file, keys) });
	entry.roles.forEach((role, i) => {
		if (isInverted(role)) {
			found.push({
				severity: 'error',
				...at(['roles', i, 'end']),
				rule: 'inverted-period',
				message: `role “${role.title}” ends (${role.end}) before it starts (${role.start})`,
				hint: 'swap `start` and `end`, or correct the date that is wrong against the source',
			});
		}
	});
	const order = sortedRoles(entry.roles);
	for (let j = 1; j < order.length; j++) {
		const later = order[j]!;
		const earlier = order.slice(0, j).find((r) => !isInverted(r) && overlaps(r, later));
		if (!earlier || isInverted(later)) continue;
		const index = entry.roles.indexOf(later);
		found.push({
			severity: 'error',
			...at(['roles', index, 'start']),
			rule: 'overlapping-roles',
			message: `role “${later.title}” (${range(later)}) overlaps role “${earlier.title}” (${range(earlier)}): a card could not tell which one held`,
			hint: `end the earlier role when the later one starts (\`end: ${later.start}\` on “${earlier.title}”), or correct the dates against the source`,
		});
	}
	return found;
}

/** Unknown targets, wrong kinds of entry, self-references, inverted periods and contradictions. */
function checkRelations(glossary: Glossary): Diagnostic[] {
	const found: Diagnostic[] = [];
	const seen: { from: GlossaryEntry; relation: Relation; index: number }[] = [];
	for (const entry of glossary.entries.values()) {
		const at = (keys: (string | number)[]) => ({ file: entry.file, ...fieldPosition(entry.file, keys) });
		entry.relations.forEach((relation, i) => {
			const rule = RELATIONS[relation.type];
			const target = glossary.entries.get(relation.target);
			if (relation.target === entry.id) {
				found.push({
					severity: 'error',
					...at(['relations', i, 'target']),
					rule: 'self-relation',
					message: `\`${entry.id}\` cannot be \`${relation.type}\` itself`,
					hint: 'point `target` at the other entry, or remove the relation',
				});
				return;
			}
			if (!target) {
				const failed = failedEntryFor(glossary, { id: relation.target });
				if (failed) {
					found.push({
						severity: 'error',
						...at(['relations', i, 'target']),
						rule: 'invalid-relation-target',
						message: `relation target \`${relation.target}\` is a glossary entry that has errors of its own`,
						hint: `fix ${failed.file} first; this relation then works as written`,
						causedBy: failed.file,
					});
					return;
				}
				const near = suggestEntries(glossary, { id: relation.target });
				found.push({
					severity: 'error',
					...at(['relations', i, 'target']),
					rule: 'unknown-relation-target',
					message: `relation target \`${relation.target}\` is not a glossary id`,
					hint: near.length ? `did you mean ${didYouMean(near)}?` : 'write the id (file name) of an existing entry, or add an entry for it to content/glossary/',
				});
				return;
			}
			if (!(rule.from as readonly string[]).includes(entry.type)) {
				found.push({
					severity: 'error',
					...at(['relations', i, 'type']),
					rule: 'relation-types',
					message: `\`${relation.type}\` cannot start from ${kind(entry.type)} (\`${entry.id}\`): it goes from ${kinds(rule.from)}`,
					hint: `write the relation on the other entry the other way round, or choose another type (${Object.keys(RELATIONS).join(', ')})`,
				});
				return;
			}
			if (!(rule.to as readonly string[]).includes(target.type)) {
				found.push({
					severity: 'error',
					...at(['relations', i, 'target']),
					rule: 'relation-types',
					message: `\`${relation.type}\` cannot point at ${kind(target.type)} (\`${target.id}\`): it points at ${kinds(rule.to)}`,
					hint: `choose another type (${Object.keys(RELATIONS).join(', ')}), or check the target id`,
				});
				return;
			}
			if (isInverted(relation)) {
				found.push({
					severity: 'error',
					...at(['relations', i, 'end']),
					rule: 'inverted-period',
					message: `relation \`${relation.type}\` \`${relation.target}\` ends (${relation.end}) before it starts (${relation.start})`,
					hint: 'swap `start` and `end`, or correct the date that is wrong against the source',
				});
				return;
			}
			const clash = seen.find(({ from, relation: other }) => contradicts(entry, relation, from, other));
			if (clash) {
				const { from, relation: other, index } = clash;
				const repeated = other.type === relation.type && (RELATIONS[relation.type].symmetric || from.id === entry.id);
				found.push({
					severity: repeated ? 'warning' : 'error',
					...at(['relations', i, 'type']),
					rule: repeated ? 'repeated-relation' : 'contradicting-relation',
					message: `\`${entry.id}\` \`${relation.type}\` \`${relation.target}\` ${repeated ? 'repeats' : 'contradicts'} \`${from.id}\` \`${other.type}\` \`${other.target}\` (${from.file}, relations item ${index + 1})${overlapNote(relation, other)}`,
					hint: repeated
						? `the entries already say it (${RELATIONS[relation.type].symmetric ? 'it reads both ways' : 'it is written twice'}): write it once, on one of the two entries`
						: 'keep the one the sources support and remove the other, or date them so their periods do not overlap',
				});
			}
			seen.push({ from: entry, relation, index: i });
		});
	}
	return found;
}

function overlapNote(a: Relation, b: Relation): string {
	return a.start || a.end || b.start || b.end ? ' over the same period' : '';
}

/**
 * Two relations contradict when they join the same two entries over overlapping periods and say
 * incompatible things: the same one-way relation both ways (A leads B, B leads A), allied and
 * opposed at once, or a symmetric relation written twice.
 */
function contradicts(a: GlossaryEntry, ra: Relation, b: GlossaryEntry, rb: Relation): boolean {
	if (!overlaps(ra, rb)) return false;
	const samePair = a.id === b.id && ra.target === rb.target;
	const reversed = a.id === rb.target && ra.target === b.id;
	if (!samePair && !reversed) return false;
	const pair = new Set([ra.type, rb.type]);
	if (pair.has('allied-with') && pair.has('opposed-to')) return true;
	if (ra.type !== rb.type) return false;
	// The same relation twice on one entry is a repetition; reversed, a one-way relation is a loop
	// and a symmetric one is written twice.
	return reversed || samePair;
}

/** Articles dated when an entry they mark, which has dated roles, held none. */
function checkArticleDates(glossary: Glossary, articles: Iterable<DatedArticle>): Diagnostic[] {
	const found: Diagnostic[] = [];
	for (const article of articles) {
		for (const id of new Set(article.marked)) {
			const entry = glossary.entries.get(id);
			if (!entry || entry.roles.length === 0) continue;
			if (!roleOn(entry, article.published).missing) continue;
			const roles = sortedRoles(entry.roles);
			const before = compareDates(article.published, roles[0]!.start) < 0;
			found.push({
				severity: 'warning',
				file: article.file,
				...fieldPosition(article.file, ['published']),
				rule: 'no-role-on-date',
				message: `the article is dated ${formatDate(article.published)}, when \`${id}\` (marked in it) held none of its roles (${roles.map((r) => `${r.title}, ${range(r)}`).join('; ')}): its card can show no role`,
				hint: `add the role ${id} held then to ${entry.file} (\`roles: - { title: …, start: …, end: ${before ? roles[0]!.start : '…'} }\`), or check the article's \`published\` date`,
			});
		}
	}
	return found;
}

/**
 * The entries the marks in summaries name (`:e[Baghdad]`, `:e[the capital]{#baghdad}`): each mark
 * found by name gets its id, so the cards can link it; unknown and ambiguous ones are reported.
 */
function resolveSummaryMarks(glossary: Glossary): Diagnostic[] {
	const found: Diagnostic[] = [];
	for (const entry of glossary.entries.values()) {
		for (const mark of entry.summaryMarks ?? []) {
			const written = `:e[${mark.label}]${mark.id ? `{#${mark.id}}` : ''}`;
			const at = { file: entry.file, ...fieldPosition(entry.file, ['summary'], written) };
			if (mark.id) {
				if (glossary.entries.has(mark.id)) continue;
				const near = suggestEntries(glossary, { id: mark.id, label: mark.label });
				found.push({
					severity: 'error',
					...at,
					rule: 'unknown-entity',
					message: `unknown glossary id \`${mark.id}\` in ${written} in the summary`,
					hint: near.length ? `did you mean ${didYouMean(near)}?` : 'write the id (file name) of an existing entry, or add an entry for it',
				});
				delete mark.id;
				continue;
			}
			const ids = glossary.byName.get(normalizeName(mark.label)) ?? [];
			if (ids.length === 1) {
				mark.id = ids[0];
				continue;
			}
			if (ids.length > 1) {
				found.push({
					severity: 'error',
					...at,
					rule: 'ambiguous-entity',
					message: `"${mark.label}" in the summary is ambiguous: it names ${didYouMean(ids)}`,
					hint: `say which with an id: ${ids.map((id) => `:e[${mark.label}]{#${id}}`).join(' or ')}`,
				});
				continue;
			}
			const near = suggestEntries(glossary, { label: mark.label });
			found.push({
				severity: 'error',
				...at,
				rule: 'unknown-entity',
				message: `no glossary entry is named "${mark.label}" (${written} in the summary)`,
				hint: near.length ? `did you mean ${didYouMean(near)}? Write :e[${mark.label}]{#${near[0]}}` : "add the name to an entry's aliases, or an entry for it",
			});
		}
	}
	return found;
}

/**
 * Every finding about dated roles, relations and summary marks in a glossary and the articles
 * that mark it. Fills in the ids of summary marks written by name.
 */
export function checkDatedFacts(glossary: Glossary, articles: Iterable<DatedArticle>): Diagnostic[] {
	const found: Diagnostic[] = [];
	for (const entry of glossary.entries.values()) found.push(...checkRoles(entry));
	found.push(...checkRelations(glossary));
	found.push(...resolveSummaryMarks(glossary));
	found.push(...checkArticleDates(glossary, articles));
	return found;
}
