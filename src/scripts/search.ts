/**
 * The search page. Its state lives in the URL (`?q=words&type=Article&person=…&sort=newest`), so
 * results can be shared and the back button steps through searches. Filters are shown, with
 * counts, before anything is typed.
 */
import { countResults, loadPagefind, renderResult, toPagefindFilters, type FilterSelection, type Search } from './search-core.ts';

/** Filter keys in the order shown, with their labels (the keys come from SearchData.astro). */
const FILTER_LABELS: Record<string, string> = {
	type: 'Type',
	year: 'Year',
	person: 'People mentioned',
	place: 'Places mentioned',
	organization: 'Organizations and armed groups mentioned',
	outlet: 'Outlets quoted',
	kind: 'Kind of glossary entry',
};
const PAGE_SIZE = 20;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const filterSection = document.querySelector<HTMLElement>('[data-search-filters]')!;
const filterGroups = document.querySelector<HTMLElement>('[data-search-filter-groups]')!;
const statusLine = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;

interface State {
	query: string;
	filters: FilterSelection;
	sort: string;
}

function readUrl(): State {
	const params = new URLSearchParams(location.search);
	const filters: FilterSelection = {};
	for (const key of Object.keys(FILTER_LABELS)) if (params.has(key)) filters[key] = params.getAll(key);
	return { query: params.get('q') ?? '', filters, sort: params.get('sort') ?? '' };
}

function readForm(): State {
	const filters: FilterSelection = {};
	for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input:checked')) (filters[box.name] ??= []).push(box.value);
	return { query: input.value.trim(), filters, sort: sortSelect.value };
}

function toUrl({ query, filters, sort }: State): URL {
	const url = new URL(location.pathname, location.href);
	if (query) url.searchParams.set('q', query);
	for (const [key, values] of Object.entries(filters)) for (const value of values) url.searchParams.append(key, value);
	if (sort) url.searchParams.set('sort', sort);
	return url;
}

/** Draws the filter checkboxes once, from Pagefind's totals. */
function drawFilters(totals: Record<string, Record<string, number>>) {
	const keys = [...Object.keys(FILTER_LABELS).filter((k) => k in totals), ...Object.keys(totals).filter((k) => !(k in FILTER_LABELS))];
	filterGroups.replaceChildren(...keys.map((key) => {
		const details = document.createElement('details');
		details.open = key === 'type';
		const summary = document.createElement('summary');
		summary.textContent = FILTER_LABELS[key] ?? key;
		const group = document.createElement('div');
		group.className = 'filter-values';
		group.setAttribute('role', 'group');
		group.setAttribute('aria-label', FILTER_LABELS[key] ?? key);
		const values = Object.keys(totals[key]!).sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'en')));
		for (const value of values) {
			const label = document.createElement('label');
			const box = document.createElement('input');
			box.type = 'checkbox';
			box.name = key;
			box.value = value;
			const count = document.createElement('span');
			count.className = 'count';
			count.dataset.count = '';
			label.append(box, value, ' ', count);
			group.append(label);
		}
		details.append(summary, group);
		return details;
	}));
	filterSection.hidden = keys.length === 0;
}

/** Shows how many results each filter value would leave. */
function updateCounts(counts: Record<string, Record<string, number>>) {
	for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		const count = box.parentElement!.querySelector<HTMLElement>('[data-count]')!;
		count.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
	}
}

function describe({ query, filters }: State): string {
	const chosen = Object.values(filters).flat();
	return [query && `for “${query}”`, chosen.length > 0 && `filtered by ${chosen.join(', ')}`].filter(Boolean).join(', ');
}

let ticket = 0;
let shown = 0;
let current: Search | undefined;

async function run(state: State) {
	const mine = ++ticket;
	list.replaceChildren();
	more.hidden = true;
	statusLine.textContent = 'Searching…';
	let engine;
	try {
		engine = await loadPagefind();
		if (!filterGroups.hasChildNodes()) drawFilters(await engine.filters());
	} catch {
		statusLine.textContent = 'Search could not load. Try reloading the page.';
		return;
	}
	for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		box.checked = state.filters[box.name]?.includes(box.value) ?? false;
		if (box.checked) box.closest('details')!.open = true;
	}
	const filters = toPagefindFilters(state.filters);
	const sort = state.sort === 'newest' ? { date: 'desc' as const } : state.sort === 'oldest' ? { date: 'asc' as const } : undefined;
	if (!state.query && Object.keys(filters).length === 0 && !sort) {
		if (mine !== ticket) return;
		updateCounts(await engine.filters());
		statusLine.textContent = 'Type words to search for, or choose a filter.';
		return;
	}
	const search = await engine.search(state.query || null, { filters, sort });
	if (mine !== ticket || !search) return;
	current = search;
	shown = 0;
	updateCounts(search.filters);
	await showMore();
	const about = describe(state);
	statusLine.textContent = search.results.length ? `${countResults(search.results.length)}${about ? ` ${about}` : ''}.` : `No results${about ? ` ${about}` : ''}.`;
}

async function showMore() {
	if (!current) return;
	const mine = ticket;
	const page = await Promise.all(current.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
	if (mine !== ticket) return;
	list.append(...page.map((data) => renderResult(data, { headingLevel: 2 })));
	shown += page.length;
	more.hidden = shown >= current.results.length;
}

function commit() {
	const state = readForm();
	const url = toUrl(state);
	if (url.href !== location.href) history.pushState(null, '', url);
	void run(state);
}

function restore() {
	const state = readUrl();
	input.value = state.query;
	sortSelect.value = state.sort;
	void run(state);
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	commit();
});
sortSelect.addEventListener('change', commit);
filterGroups.addEventListener('change', commit);
more.addEventListener('click', () => {
	const next = shown;
	void showMore().then(() => list.children[next]?.querySelector('a')?.focus());
});
window.addEventListener('popstate', restore);
restore();
