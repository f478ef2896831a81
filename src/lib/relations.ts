/**
 * Relations between glossary entries read from both ends: each relation is written once, on the
 * entry its sentence starts from, and the other entry shows the inverse ("Leads" / "Led by").
 */
import { RELATIONS, type Relation, type RelationType } from '../schemas/relation.ts';
import { holdsOn } from './periods.ts';

/** One relation as seen from one entry. */
export interface RelationStatement {
	type: RelationType;
	/** The words before the other entry's name: "Leads", "Led by". */
	label: string;
	/** The other entry's id. */
	other: string;
	start?: string;
	end?: string;
}

/**
 * Every entry's relations, both directions, by entry id: an entry's own relations first (in the
 * order written), then those other entries hold with it.
 */
export function relationIndex(entries: Iterable<{ id: string; relations: readonly Relation[] }>): Map<string, RelationStatement[]> {
	const index = new Map<string, RelationStatement[]>();
	const add = (id: string, statement: RelationStatement) => {
		const list = index.get(id);
		if (list) list.push(statement);
		else index.set(id, [statement]);
	};
	const inverse: [string, RelationStatement][] = [];
	for (const entry of entries) {
		for (const relation of entry.relations) {
			const words = RELATIONS[relation.type];
			const period = { ...(relation.start ? { start: relation.start } : {}), ...(relation.end ? { end: relation.end } : {}) };
			add(entry.id, { type: relation.type, label: words.verb, other: relation.target, ...period });
			inverse.push([relation.target, { type: relation.type, label: words.inverse, other: entry.id, ...period }]);
		}
	}
	for (const [id, statement] of inverse) add(id, statement);
	return index;
}

/** The statements that hold on a date (undated ones always do). */
export function relationsOn(statements: readonly RelationStatement[], date: string): RelationStatement[] {
	return statements.filter((s) => holdsOn(s, date));
}
