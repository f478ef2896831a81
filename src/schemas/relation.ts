import { z } from 'zod';
import { partialDate } from './fields.ts';

/**
 * The closed set of relations between glossary entries. Each one reads "<this entry> <verb>
 * <target>"; the target's page shows the inverse. `from`/`to` list the entity types allowed on
 * each side (a place cannot lead a person). Symmetric relations read the same both ways.
 */
export const RELATIONS = {
	/** A person or group at the head of an organization or armed group. */
	leads: { verb: 'Leads', inverse: 'Led by', from: ['person', 'organization', 'armed-group'], to: ['organization', 'armed-group'], symmetric: false },
	/** Belonging to an organization or armed group. */
	'member-of': { verb: 'Member of', inverse: 'Members include', from: ['person', 'organization', 'armed-group'], to: ['organization', 'armed-group'], symmetric: false },
	/** A follower or lieutenant of a person (a cleric loyal to another). */
	'loyal-to': { verb: 'Loyal to', inverse: 'Followed by', from: ['person', 'armed-group'], to: ['person'], symmetric: false },
	/** A unit or branch of a larger organization. */
	'part-of': { verb: 'Part of', inverse: 'Includes', from: ['organization', 'armed-group'], to: ['organization', 'armed-group'], symmetric: false },
	/** A place (or a body's seat) inside a larger place. */
	'located-in': { verb: 'In', inverse: 'Includes', from: ['place', 'organization'], to: ['place'], symmetric: false },
	/** Fighting or working on the same side. */
	'allied-with': { verb: 'Allied with', inverse: 'Allied with', from: ['person', 'organization', 'armed-group'], to: ['person', 'organization', 'armed-group'], symmetric: true },
	/** Fighting or working against each other. */
	'opposed-to': { verb: 'Opposed to', inverse: 'Opposed to', from: ['person', 'organization', 'armed-group'], to: ['person', 'organization', 'armed-group'], symmetric: true },
} as const satisfies Record<string, { verb: string; inverse: string; from: readonly string[]; to: readonly string[]; symmetric: boolean }>;

export type RelationType = keyof typeof RELATIONS;
export const RELATION_TYPES = Object.keys(RELATIONS) as [RelationType, ...RelationType[]];

/**
 * A typed, optionally dated link from one glossary entry to another, written on the entry the
 * sentence starts from (`izzat-ibrahim-al-douri` leads `naqshbandi-army`); the target shows
 * the inverse by itself, so it is written once.
 *
 * ```yaml
 * relations:
 *   - { type: leads, target: baath-party, start: 2007 }
 * ```
 */
export const relationSchema = z.strictObject({
	type: z.enum(RELATION_TYPES),
	/** The glossary id of the other entry. */
	target: z.string().min(1),
	start: partialDate.optional(),
	end: partialDate.optional(),
});

export type Relation = z.output<typeof relationSchema>;
