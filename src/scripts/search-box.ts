/**
 * The header search box as a combobox: Pagefind loads when the reader focuses the box (or presses
 * `/` or Ctrl/Cmd+K), results appear in a listbox below it, arrows move through them, Enter opens
 * one (or the full search page), Escape closes the list. Without JavaScript the box is a plain
 * form that opens the search page.
 */
import { countResults, loadPagefind, routes, type ResultData } from './search-core.ts';

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
		const engine = await loadPagefind();
		const search = await engine.debouncedSearch(query, {}, 200);
		if (!search || mine !== ticket) return;
		const results = await Promise.all(search.results.slice(0, 6).map((r) => r.data()));
		if (mine !== ticket) return;
		options = [];
		setActive(-1);
		const items = results.map((data: ResultData, i) =>
			option(`header-search-option-${i}`, data.url, (li) => {
				const title = document.createElement('span');
				title.className = 'result-title';
				title.textContent = data.meta.title ?? data.url;
				const type = document.createElement('span');
				type.className = 'result-type';
				type.textContent = data.meta.type ?? '';
				const excerpt = document.createElement('span');
				excerpt.className = 'result-excerpt';
				excerpt.innerHTML = data.excerpt; // Pagefind's escaped text with <mark>
				li.append(title, ' ', type, excerpt);
			}),
		);
		const all = routes.search(query);
		items.push(
			option('header-search-option-all', all, (li) => {
				li.className = 'search-all';
				li.textContent = search.results.length ? `All ${countResults(search.results.length)} on the search page` : 'Open the search page';
			}),
		);
		list.replaceChildren(...items);
		status.textContent = search.results.length ? `${countResults(search.results.length)} for “${query}”. Use the arrow keys to choose one.` : `No results for “${query}”.`;
		open(true);
	}

	input.addEventListener('focus', () => void loadPagefind().catch(() => (status.textContent = 'Search could not load.')));
	input.addEventListener('input', () => void run());
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
