/**
 * The search page: Pagefind, loaded from the site's own base path, with the query kept in the
 * URL (`?q=`) so results can be shared and the back button works.
 */
interface PagefindResult {
	data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
	search(query: string): Promise<{ results: PagefindResult[] }>;
	options?(options: Record<string, unknown>): Promise<void>;
}

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
const statusLine = document.querySelector<HTMLElement>('[data-search-status]')!;
const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
	const bundle = `${document.documentElement.dataset.base ?? "/"}pagefind/pagefind.js`;
	pagefind ??= import(/* @vite-ignore */ bundle) as Promise<Pagefind>;
	return pagefind;
}

let latest = 0;
async function run(query: string) {
	const ticket = ++latest;
	list.replaceChildren();
	if (!query.trim()) {
		statusLine.textContent = '';
		return;
	}
	statusLine.textContent = 'Searching…';
	const engine = await loadPagefind();
	const { results } = await engine.search(query);
	const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
	if (ticket !== latest) return;
	for (const item of data) {
		const li = document.createElement('li');
		const link = document.createElement('a');
		link.href = item.url;
		link.textContent = item.meta.title ?? item.url;
		const excerpt = document.createElement('p');
		// Pagefind's excerpt is escaped text with <mark> around the matched words.
		excerpt.innerHTML = item.excerpt;
		li.append(link, excerpt);
		list.append(li);
	}
	statusLine.textContent = results.length === 0 ? `No results for “${query}”.` : `${results.length} result${results.length === 1 ? '' : 's'} for “${query}”.`;
}

function fromUrl() {
	const query = new URLSearchParams(location.search).get('q') ?? '';
	input.value = query;
	void run(query);
}

form.addEventListener('submit', (event) => {
	event.preventDefault();
	const url = new URL(location.href);
	url.searchParams.set('q', input.value);
	history.pushState(null, '', url);
	void run(input.value);
});
window.addEventListener('popstate', fromUrl);
fromUrl();

export {};
