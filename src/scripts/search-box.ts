/**
 * The header search box as a combobox: Pagefind and the box's own small index (articles, and
 * glossary entries by their names) load when the reader focuses the box (or presses `/` or
 * Ctrl/Cmd+K); the best few matches appear in a listbox below it, then "All results for …", which
 * opens the search page and its full index. Arrows move through the list, Enter opens the chosen
 * one (or, with none chosen, the search page), Escape closes the list. Without JavaScript the box
 * is a plain form that opens the search page.
 */
import { formatDate, loadHeaderSearch, routes, type ResultData } from './search-core.ts';

/** Results listed in the box: each costs a fragment fetch; the search page lists the rest. */
const RESULTS_SHOWN = 3;
/** Pause after a keystroke before searching, so a word typed quickly is searched once. */
const TYPING_DELAY = 100;

const form = document.querySelector<HTMLFormElement>('[data-header-search]');
if (form) setUp(form);

function setUp(form: HTMLFormElement) {
	const input = form.querySelector<HTMLInputElement>('input[role="combobox"]')!;
	const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
	const list = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
	const status = form.querySelector<HTMLElement>('[role="status"]')!;
	let options: { element: HTMLElement; url: string }[] = [];
	let active = -1;
	let ticket = 0;

	const open = (yes: boolean) => {
		panel.hidden = !yes;
		input.setAttribute('aria-expanded', String(yes));
		if (!yes) setActive(-1);
	};
	const setActive = (index: number) => {
		options[active]?.element.setAttribute('aria-selected', 'false');
		active = index;
		const option = options[active];
		if (option) {
			option.element.setAttribute('aria-selected', 'true');
			option.element.scrollIntoView({ block: 'nearest' });
			input.setAttribute('aria-activedescendant', option.element.id);
		} else {
			input.removeAttribute('aria-activedescendant');
		}
	};
	const option = (id: string, url: string, build: (li: HTMLLIElement) => void) => {
		const li = document.createElement('li');
		li.id = id;
		li.setAttribute('role', 'option');
		li.setAttribute('aria-selected', 'false');
		build(li);
		li.addEventListener('click', () => location.assign(url));
		options.push({ element: li, url });
		return li;
	};

	async function run() {
		const query = input.value.trim();
		const mine = ++ticket;
		if (!query) {
			options = [];
			list.replaceChildren();
			status.textContent = '';
			return open(false);
		}
		let found: ResultData[];
		try {
			const search = await (await loadHeaderSearch()).search(query);
			if (mine !== ticket) return;
			found = await Promise.all((search?.results ?? []).slice(0, RESULTS_SHOWN).map((r) => r.data()));
		} catch {
			if (mine === ticket) status.textContent = 'Search could not load. Press Enter to open the search page.';
			return;
		}
		if (mine !== ticket) return;
		options = [];
		setActive(-1);
		const items = found.map((data, i) => option(`header-search-option-${i}`, data.url, (li) => describe(li, data)));
		items.push(
			option('header-search-option-all', routes.search(query), (li) => {
				li.className = 'search-all';
				li.textContent = `All results for “${query}”`;
			}),
		);
		list.replaceChildren(...items);
		// Which words the list shows results for (tests and the benchmark wait for it).
		list.dataset.query = query;
		status.textContent = found.length
			? `${found.length === 1 ? 'A match' : `${found.length} matches`} for “${query}”, then all results. Use the arrow keys to choose one.`
			: `No name or article matches “${query}”. All results searches every page.`;
		open(true);
	}

	let typing = 0;
	input.addEventListener('focus', () => void loadHeaderSearch().catch(() => (status.textContent = 'Search could not load.')));
	input.addEventListener('input', () => {
		clearTimeout(typing);
		// Clearing the box closes the list at once; words are searched once typing pauses.
		if (!input.value.trim()) return void run();
		typing = window.setTimeout(() => void run(), TYPING_DELAY);
	});
	input.addEventListener('keydown', (event) => {
		const count = options.length;
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			event.preventDefault();
			if (panel.hidden) return void (count ? open(true) : run());
			const step = event.key === 'ArrowDown' ? 1 : -1;
			// -1 is the box itself: the arrows cycle through it and the options.
			const next = active + step;
			setActive(next >= count ? -1 : next < -1 ? count - 1 : next);
		} else if (event.key === 'Enter' && !panel.hidden && options[active]) {
			event.preventDefault();
			location.assign(options[active]!.url);
		} else if (event.key === 'Escape' && !panel.hidden) {
			event.preventDefault();
			open(false);
		}
	});
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node | null)) open(false);
	});
	// Keep focus in the box when an option is clicked.
	list.addEventListener('mousedown', (event) => event.preventDefault());

	document.addEventListener('keydown', (event) => {
		const target = event.target as HTMLElement;
		const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
		const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
		const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
		if (!slash && !k) return;
		event.preventDefault();
		input.focus();
		input.select();
	});
}

/**
 * One result in an option: its title, then for an article its date and summary, for a glossary
 * entry its kind and role. The box's index holds an article's words each once, not in order, so
 * an excerpt of it would not be the article's words (`scripts/lib/header-search-index.ts`).
 */
function describe(li: HTMLLIElement, { url, meta }: ResultData) {
	const title = document.createElement('span');
	title.className = 'result-title';
	title.textContent = meta.title ?? url;
	const type = document.createElement('span');
	type.className = 'result-type';
	type.textContent = meta.type === 'Article' ? ['Article', meta.date && formatDate(meta.date)].filter(Boolean).join(' · ') : (meta.kind ?? meta.type ?? '');
	const about = document.createElement('span');
	about.className = 'result-excerpt';
	about.textContent = meta.summary ?? meta.role ?? '';
	li.append(title, ' ', type, about);
}
