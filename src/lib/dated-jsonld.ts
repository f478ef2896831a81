/**
 * An entry's dated roles and relations in schema.org terms (issue 17), added to the entity node
 * of its page's JSON-LD. schema.org dates a property with a `Role` node that wraps the value and
 * carries `startDate`/`endDate`:
 *
 * - a person's roles: `hasOccupation` Roles (`roleName` and an `Occupation`);
 * - `member-of`: `memberOf`, and `member` on the other entry;
 * - `leads`: the same, with `roleName: "leader"` (schema.org has no "leads");
 * - `part-of`: `parentOrganization`, and `subOrganization` on the other entry;
 * - `located-in`: `containedInPlace` for a place (`location` for an organization), and
 *   `containsPlace` on the other entry.
 *
 * `loyal-to`, `allied-with` and `opposed-to` have no schema.org term: they are in
 * `data/glossary.json` only.
 */
import type { Role } from '../schemas/role.ts';
import type { RelationStatement } from './relations.ts';
import { absoluteUrl } from '../routes.ts';
import { schemaType, type SiteAddress } from './seo.ts';
import type { GlossaryEntry } from './site.ts';

type Node = Record<string, unknown>;

const dates = (period: { start?: string; end?: string }): Node => ({ ...(period.start ? { startDate: period.start } : {}), ...(period.end ? { endDate: period.end } : {}) });

/** A value, wrapped in a dated `Role` when the period has a date. */
function dated(property: string, value: Node, period: { start?: string; end?: string }, roleName?: string): Node {
	const when = dates(period);
	if (!Object.keys(when).length && !roleName) return value;
	return { '@type': 'Role', [property]: value, ...(roleName ? { roleName } : {}), ...when };
}

/** The schema.org properties for an entry's roles and its own (outgoing) relations. */
export function datedFactsJsonLd(
	entry: { id: string; data: { type: string; roles: readonly Role[] } },
	statements: readonly RelationStatement[],
	entries: Map<string, GlossaryEntry>,
	{ routes, origin }: SiteAddress,
): Node {
	const props: Record<string, Node[]> = {};
	const add = (property: string, value: Node) => (props[property] ??= []).push(value);
	if (entry.data.type === 'person') {
		for (const role of entry.data.roles) add('hasOccupation', dated('hasOccupation', { '@type': 'Occupation', name: role.title }, role, role.title));
	}
	for (const s of statements) {
		const other = entries.get(s.other);
		const type = other && schemaType(other.data.type);
		if (!other || !type) continue;
		const node: Node = { '@type': type, name: other.data.name, url: absoluteUrl(routes.entry(other.id), origin) };
		const property = isOwn(entry.id, s, entries) ? OWN[s.type]?.(entry.data.type) : INVERSE[s.type]?.(entry.data.type);
		if (property) add(property, dated(property, node, s, s.type === 'leads' ? 'leader' : undefined));
	}
	return Object.fromEntries(Object.entries(props).map(([key, list]) => [key, list.length === 1 ? list[0]! : list]));
}

/** The schema.org property for a relation the entry wrote, by the entry's own type. */
const OWN: Partial<Record<RelationStatement['type'], (type: string) => string | undefined>> = {
	'member-of': () => 'memberOf',
	leads: () => 'memberOf',
	'part-of': () => 'parentOrganization',
	'located-in': (type) => (type === 'place' ? 'containedInPlace' : 'location'),
};

/** The schema.org property for the inverse of a relation another entry wrote about this one. */
const INVERSE: Partial<Record<RelationStatement['type'], (type: string) => string | undefined>> = {
	'member-of': () => 'member',
	leads: () => 'member',
	'part-of': () => 'subOrganization',
	'located-in': (type) => (type === 'place' ? 'containsPlace' : undefined),
};

/** True when the entry itself wrote the relation (not the inverse another entry wrote). */
function isOwn(id: string, statement: RelationStatement, entries: Map<string, GlossaryEntry>): boolean {
	const own = entries.get(id)?.data.relations ?? [];
	return own.some((r) => r.type === statement.type && r.target === statement.other && r.start === statement.start && r.end === statement.end);
}
