/**
 * The search page. Its state lives in the URL (`?q=words&type=Article&person=…&sort=newest`), so
 * results can be shared and the back button steps through searches. It searches as the reader
 * types, keeping `?q=` in step (replacing the history entry while typing; Enter, a filter or the
 * order adds one). It loads only what a query needs: Pagefind when the reader focuses the box or
 * there is something to search for, the filters' values and counts when a filter group is first opened (or the URL names a
 * filter). The groups themselves are drawn at build time, closed, so nothing moves as they load.
 */
import { countResults, loadPagefind, renderResult, toPagefindFilters, type FilterSelection, type Filters, type Search } from './search-core.ts';
import { FILTER_LABELS } from './search-filters.ts';

const PAGE_SIZE = 10;
/** Pause after a keystroke before searching, so a word typed quickly is searched once. */
const TYPING_DELAY = 100;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const filterSection = document.querySelector<HTMLElement>('[data-search-filters]')!;
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

/** The form's state; filters chosen in the URL but not drawn yet are kept. */
function readForm(): State {
	const filters: FilterSelection = filtersDrawn ? {} : readUrl().filters;
	for (const box of filterSection.querySelectorAll<HTMLInputElement>('input:checked')) (filters[box.name] ??= []).push(box.value);
	return { query: input.value.trim(), filters, sort: sortSelect.value };
}

function toUrl({ query, filters, sort }: State): URL {
	const url = new URL(location.pathname, location.href);
	if (query) url.searchParams.set('q', query);
	for (const [key, values] of Object.entries(filters)) for (const value of values) url.searchParams.append(key, value);
	if (sort) url.searchParams.set('sort', sort);
	return url;
}

let filtersDrawn = false;
let filtersLoading: Promise<void> | undefined;

/** Loads every filter's values and totals once, and fills the groups drawn at build time. */
function loadFilters(): Promise<void> {
	filtersLoading ??= (async () => {
		const totals = await (await loadPagefind()).filters();
		for (const details of filterSection.querySelectorAll<HTMLDetailsElement>('details[data-filter]')) {
			const key = details.dataset.filter!;
			const group = details.querySelector<HTMLElement>('[data-filter-values]')!;
			const values = Object.keys(totals[key] ?? {}).sort((a, b) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'en')));
			details.hidden = values.length === 0;
			group.replaceChildren(
				...values.map((value) => {
					const label = document.createElement('label');
					const box = document.createElement('input');
					box.type = 'checkbox';
					box.name = key;
					box.value = value;
					const count = document.createElement('span');
					count.className = 'count';
					count.dataset.count = '';
					label.append(box, value, ' ', count);
					return label;
				}),
			);
		}
		filtersDrawn = true;
		updateCounts(totals);
	})();
	filtersLoading.catch(() => (filtersLoading = undefined));
	return filtersLoading;
}

/** Shows how many results each filter value would leave. */
function updateCounts(counts: Filters) {
	for (const box of filterSection.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		const count = box.parentElement!.querySelector<HTMLElement>('[data-count]')!;
		count.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
	}
}

/** Ticks the boxes of a state's filters, opening their groups. */
function tick(state: State) {
	for (const box of filterSection.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
		box.checked = state.filters[box.name]?.includes(box.value) ?? false;
		if (box.checked) box.closest('details')!.open = true;
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
	const filters = toPagefindFilters(state.filters);
	const sort = state.sort === 'newest' ? { date: 'desc' as const } : state.sort === 'oldest' ? { date: 'asc' as const } : undefined;
	if (!state.query && Object.keys(filters).length === 0 && !sort) {
		current = undefined;
		list.replaceChildren();
		more.hidden = true;
		statusLine.textContent = 'Type words to search for, or choose a filter.';
		if (filtersDrawn) updateCounts(await (await loadPagefind()).filters());
		return;
	}
	statusLine.textContent = 'Searching…';
	let search;
	try {
		const engine = await loadPagefind();
		if (Object.keys(filters).length > 0) await loadFilters();
		if (mine !== ticket) return;
		tick(state);
		search = await engine.search(state.query || null, { filters, sort });
	} catch {
		if (mine === ticket) statusLine.textContent = 'Search could not load. Try reloading the page.';
		return;
	}
	if (mine !== ticket || !search) return;
	current = search;
	shown = 0;
	if (filtersDrawn) updateCounts(search.filters);
	await showMore(true);
	if (mine !== ticket) return;
	const about = describe(state);
	statusLine.textContent = search.results.length ? `${countResults(search.results.length)}${about ? ` ${about}` : ''}.` : `No results${about ? ` ${about}` : ''}.`;
	// Which words the list shows results for (tests and the benchmark wait for it).
	list.dataset.query = state.query;
}

/** Shows the next page of results; `fresh` replaces the list (a new search) instead of adding to it. */
async function showMore(fresh = false) {
	if (!current) return;
	const mine = ticket;
	const page = await Promise.all(current.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
	if (mine !== ticket) return;
	const items = page.map((data) => renderResult(data, { headingLevel: 2 }));
	if (fresh) list.replaceChildren(...items);
	else list.append(...items);
	shown += page.length;
	more.hidden = shown >= current.results.length;
}

/** Runs the form's search; `push` adds a history entry, otherwise the current one follows the form. */
function commit(push: boolean) {
	clearTimeout(typing);
	const state = readForm();
	const url = toUrl(state);
	if (url.href !== location.href) history[push ? 'pushState' : 'replaceState'](null, '', url);
	void run(state);
}

function restore() {
	const state = readUrl();
	input.value = state.query;
	sortSelect.value = state.sort;
	if (filtersDrawn) tick(state);
	void run(state);
}

/** Starts loading Pagefind and the index, so that the search after the typing pause finds them ready. */
function warmUp() {
	void loadPagefind()
		.then((engine) => engine.init())
		.catch(() => undefined);
}

let typing = 0;
// The reader is about to type: focusing the box (or the first keystroke) starts loading.
input.addEventListener('focus', warmUp, { once: true });
input.addEventListener('input', () => {
	warmUp();
	clearTimeout(typing);
	typing = window.setTimeout(() => commit(false), TYPING_DELAY);
});
form.addEventListener('submit', (event) => {
	event.preventDefault();
	commit(true);
});
sortSelect.addEventListener('change', () => commit(true));
filterSection.addEventListener('change', () => commit(true));
// A group's values load when it is first opened.
filterSection.addEventListener(
	'toggle',
	(event) => {
		if ((event.target as HTMLDetailsElement).open && !filtersDrawn) {
			void loadFilters()
				.then(() => tick(readUrl()))
				.catch(() => (statusLine.textContent = 'Filters could not load. Try reloading the page.'));
		}
	},
	true,
);
more.addEventListener('click', () => {
	const next = shown;
	void showMore().then(() => list.children[next]?.querySelector('a')?.focus());
});
window.addEventListener('popstate', restore);
restore();
