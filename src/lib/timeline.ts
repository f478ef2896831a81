/**
 * An entry's time axis (issue 17): its dated roles, its dated relations, the date its one-line
 * role is given for, and the articles that mention it, laid out at build time as rows of bars
 * and points for a static SVG. The same items, in order, make the list that screen readers and
 * printers get; nothing here needs a script in the browser.
 */
import { formatDate } from '../markdown/text.ts';
import { describePeriod, sortedRoles } from './periods.ts';
import type { RelationStatement } from './relations.ts';
import type { Role } from '../schemas/role.ts';

/** One thing on the axis: a period (`end` may be open) or a point (`start` only, `point: true`). */
export interface TimelineItem {
	kind: 'role' | 'relation' | 'fact' | 'article';
	/** What it says, e.g. "Prime Minister of Iraq", "Leads Naqshbandi Army", an article's title. */
	label: string;
	start: string;
	end?: string;
	point?: boolean;
	/** A page to link to (an article, the other entry). */
	href?: string;
	/** The dates in words: "from 2006 to September 2014", "21 June 2014". */
	when: string;
}

export interface TimelineInput {
	roles: readonly Role[];
	role: string;
	asOf: string;
	relations: readonly RelationStatement[];
	/** Names of other entries, by id. */
	names: Map<string, string>;
	hrefOf: (id: string) => string;
	articles: readonly { title: string; published: string; href: string }[];
}

/** The items of an entry's timeline, in date order (periods before points on the same date). */
export function timelineItems(input: TimelineInput): TimelineItem[] {
	const items: TimelineItem[] = [];
	for (const role of sortedRoles(input.roles)) items.push({ kind: 'role', label: role.title, start: role.start, ...(role.end ? { end: role.end } : {}), when: describePeriod(role) });
	if (!input.roles.some((r) => r.title === input.role && r.start === input.asOf)) {
		items.push({ kind: 'fact', label: input.role, start: input.asOf, point: true, when: `as of ${formatDate(input.asOf)}` });
	}
	for (const s of input.relations) {
		if (!s.start && !s.end) continue;
		const label = `${s.label} ${input.names.get(s.other) ?? s.other}`;
		items.push({ kind: 'relation', label, start: s.start ?? s.end!, ...(s.start && s.end ? { end: s.end } : {}), point: !s.start, href: input.hrefOf(s.other), when: describePeriod(s) });
	}
	for (const a of input.articles) items.push({ kind: 'article', label: a.title, start: a.published, point: true, href: a.href, when: formatDate(a.published) });
	return items.sort((a, b) => a.start.localeCompare(b.start) || Number(!!a.point) - Number(!!b.point));
}

/** A partial date as a fractional year: 2014-07 → 2014.5. */
export function yearOf(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	return y! + ((m ?? 1) - 1) / 12 + ((d ?? 1) - 1) / 365;
}

export interface TimelineLayout {
	width: number;
	height: number;
	/** Axis ticks (years) and their x. */
	ticks: { x: number; label: string }[];
	/** One row per role, relation or fact: a bar (or a point) and its label. */
	rows: { y: number; item: TimelineItem; x1: number; x2: number; open: boolean; anchor: 'start' | 'end' }[];
	/** The articles, on one row of points (several articles on a day share a point). */
	articles: { y: number; points: { x: number; count: number }[] } | undefined;
	axisY: number;
	left: number;
	right: number;
}

const ROW = 30;
const TOP = 4;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Places the items on an axis from the first year to the year after the last date, `width`
 * wide: a row per role, relation and fact, and one row for the articles. An open-ended period
 * runs to `today` (the latest date the site knows of).
 */
export function layoutTimeline(items: readonly TimelineItem[], today: string, width = 640): TimelineLayout {
	const left = 18;
	const right = width - 18;
	const dates = items.flatMap((i) => [i.start, i.end ?? (i.point ? i.start : today)]);
	const first = Math.floor(Math.min(...dates.map(yearOf)));
	const last = Math.max(first + 1, Math.floor(Math.max(...dates.map(yearOf))) + 1);
	const x = (iso: string) => left + ((yearOf(iso) - first) / (last - first)) * (right - left);
	const bars = items.filter((i) => i.kind !== 'article');
	const rows = bars.map((item, i) => {
		const x1 = round(x(item.start));
		// An open period (still held, as far as the glossary knows) runs to the axis' end.
		const x2 = item.point ? x1 : item.end ? round(Math.max(x(item.end), x1 + 3)) : right;
		// Labels run right from the bar's start, or end at the bar's end when too near the edge.
		const anchor: 'start' | 'end' = x1 > width * 0.55 ? 'end' : 'start';
		return { y: TOP + i * ROW, item, x1, x2, open: !item.point && !item.end, anchor };
	});
	const published = items.filter((i) => i.kind === 'article');
	let articles: TimelineLayout['articles'];
	if (published.length) {
		const points = new Map<number, number>();
		for (const a of published) {
			const at = round(x(a.start));
			points.set(at, (points.get(at) ?? 0) + 1);
		}
		articles = { y: TOP + rows.length * ROW, points: [...points].map(([px, count]) => ({ x: px, count })) };
	}
	const span = last - first;
	const step = span <= 12 ? 1 : span <= 30 ? 5 : 10;
	const ticks: TimelineLayout['ticks'] = [];
	for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push({ x: round(x(String(year))), label: String(year) });
	const axisY = TOP + (rows.length + (articles ? 1 : 0)) * ROW + 4;
	return { width, height: axisY + 20, ticks, rows, articles, axisY, left, right };
}
