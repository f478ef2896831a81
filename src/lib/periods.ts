/**
 * Dated periods of glossary entries (roles and relations) against a date, with partial ISO
 * dates (`2014`, `2014-09`, `2014-09-08`) compared at the precision both share: `2014-09` and
 * `2014-09-08` are the same time as far as the glossary knows. A period runs from its `start`
 * up to its `end`, which belongs to what came next, so `end: 2014-09` and `start: 2014-09` meet
 * without overlapping.
 */
import { formatDate } from '../markdown/text.ts';
import type { Role } from '../schemas/role.ts';

/** Anything with an optional start and end. */
export interface Period {
	start?: string;
	end?: string;
}

/** -1, 0 or 1: `a` before, at the same time as (at the shared precision), or after `b`. */
export function compareDates(a: string, b: string): number {
	const length = Math.min(a.length, b.length);
	const x = a.slice(0, length);
	const y = b.slice(0, length);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** True when the period holds on `date`: started on or before it, and not yet ended. */
export function holdsOn(period: Period, date: string): boolean {
	if (period.start && compareDates(period.start, date) > 0) return false;
	if (period.end && compareDates(date, period.end) >= 0) return false;
	return true;
}

/** True when the period ends before it starts. */
export function isInverted(period: Period): boolean {
	return !!period.start && !!period.end && compareDates(period.end, period.start) < 0;
}

/** True when two periods share some time (meeting at an end is not sharing). */
export function overlaps(a: Period, b: Period): boolean {
	const aBeforeB = a.end !== undefined && b.start !== undefined && compareDates(a.end, b.start) <= 0;
	const bBeforeA = b.end !== undefined && a.start !== undefined && compareDates(b.end, a.start) <= 0;
	return !aBeforeB && !bBeforeA;
}

/** "since 2007", "from 2006 to September 2014", "until 2010", or nothing for an undated period. */
export function describePeriod(period: Period, { present = true } = {}): string {
	if (period.start && period.end) return `from ${formatDate(period.start)} to ${formatDate(period.end)}`;
	if (period.start) return present ? `since ${formatDate(period.start)}` : `from ${formatDate(period.start)}`;
	if (period.end) return `until ${formatDate(period.end)}`;
	return '';
}

/** The roles sorted by start, earliest first (ties keep the written order). */
export function sortedRoles(roles: readonly Role[]): Role[] {
	return [...roles].sort((a, b) => compareDates(a.start, b.start) || a.start.length - b.start.length);
}

/** What a card dated `date` says about an entry's role. */
export interface RoleOnDate {
	/** The role to show, or undefined when the entry had none on that date. */
	title?: string;
	/** The date the role is given "as of": the article's date for a dated role, `asOf` otherwise. */
	asOf?: string;
	/** What came next, for the "Later:" line: a later role, or the end of this one. */
	later?: { title: string; start: string } | { ended: string };
	/** True when the entry has dated roles and none (nor its single role) holds on the date. */
	missing: boolean;
}

/**
 * The role an entry held on a date. A dated role that holds on the date wins; otherwise the
 * single `role` is used when the entry has no dated roles, or when its `asOf` is the same time
 * as the date (the one-line role is true then). The "Later:" line names the next role that
 * started after the date, or says when the shown role ended.
 */
export function roleOn(entry: { role: string; asOf: string; roles: readonly Role[] }, date: string): RoleOnDate {
	const roles = sortedRoles(entry.roles);
	const current = roles.filter((r) => holdsOn(r, date)).at(-1);
	const next = roles.find((r) => r !== current && compareDates(r.start, date) > 0 && (!current || compareDates(r.start, current.start) >= 0));
	const later = next ? { title: next.title, start: next.start } : current?.end ? { ended: current.end } : undefined;
	if (current) return { title: current.title, asOf: date, later, missing: false };
	const single = roles.length === 0 || compareDates(entry.asOf, date) === 0;
	if (single) return { title: entry.role, asOf: entry.asOf, later, missing: false };
	return { later, missing: true };
}

/** The "Later:" line's words: "Vice President of Iraq from September 2014", "left the role in July 2014". */
export function describeLater(later: NonNullable<RoleOnDate['later']>): string {
	return 'title' in later ? `${later.title} from ${formatDate(later.start)}` : `held until ${formatDate(later.ended)}`;
}
