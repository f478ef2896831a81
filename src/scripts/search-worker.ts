/**
 * The search page's Pagefind, run in a worker (`search-in-worker.ts` talks to it). Pagefind's own
 * script (`pagefind.js`, with `noWorker`, so it searches where it runs) is loaded here rather than
 * on the page: decompressing the index and fragments and running the WebAssembly search took the
 * page's main thread for hundreds of milliseconds on a phone (Lighthouse: 340 to 720 ms of total
 * blocking time on `/search/?q=…`). Pagefind's bundled worker would do the same, but fetches a
 * second 12 KB copy of its code; this one is Pagefind's single script and a few lines.
 *
 * Messages in: `{ call, method, args }`, where `init` takes the script's address, the instance's
 * options and the folders of the index's other parts (merged into it: src/search-parts.ts); out:
 * `{ call, value }` or `{ call, error }`. A result's data is asked for by the number of the search
 * that found it and its id (a result's excerpt depends on the query).
 */
import type { Filters, ResultData } from './search-core.ts';
import { inDateOrder, PART_SORT_KEY } from '../search-parts.ts';

interface Result {
	id: string;
	score: number;
	data(): Promise<ResultData>;
}
interface SearchOptions {
	filters?: unknown;
	sort?: Record<string, 'asc' | 'desc'>;
}
interface Instance {
	search(query: string | null, options?: SearchOptions): Promise<{ results: Result[]; filters: Filters; unfilteredResultCount: number } | null>;
	filters(): Promise<Filters>;
	mergeIndex(basePath: string, options?: Record<string, unknown>): Promise<void>;
}
export type WorkerRequest =
	| { call: number; method: 'init'; args: [script: string, options: Record<string, unknown>, parts: string[]] }
	| { call: number; method: 'search'; args: [query: string | null, options?: SearchOptions] }
	| { call: number; method: 'filters'; args: [] }
	| { call: number; method: 'data'; args: [search: number, id: string] };
export type WorkerReply = { call: number; value?: unknown; error?: string };

/** Searches kept for their results' data: the page asks for data of the latest ones only. */
const KEPT = 4;
let setup: [script: string, options: Record<string, unknown>, parts: string[]] | undefined;
let instance: Promise<Instance> | undefined;
let searches = 0;
const found = new Map<number, Map<string, Result>>();

/** Pagefind, loaded on first use; loaded again at the next call when that failed (a network error). */
function engine(): Promise<Instance> {
	if (!setup) return Promise.reject(new Error('the search worker was not initialised'));
	const [script, options, parts] = setup;
	// A part takes the first's options but the worker choice, which is the first's alone.
	const { noWorker: _, ...partOptions } = options;
	instance ??= (import(/* @vite-ignore */ script) as Promise<{ createInstance(options: Record<string, unknown>): Instance }>).then(async (module) => {
		const created = module.createInstance(options);
		await Promise.all(parts.map((part) => created.mergeIndex(part, partOptions)));
		return created;
	});
	instance.catch(() => (instance = undefined));
	return instance;
}

async function handle(request: WorkerRequest): Promise<unknown> {
	if (request.method === 'init') {
		setup ??= request.args;
		await engine();
		return null;
	}
	if (request.method === 'filters') return (await engine()).filters();
	if (request.method === 'data') {
		const [search, id] = request.args;
		const result = found.get(search)?.get(id);
		if (!result) throw new Error(`no result ${id} in search ${search}`);
		return result.data();
	}
	const search = await (await engine()).search(...request.args);
	if (!search) return null;
	const number = ++searches;
	found.set(number, new Map(search.results.map((r) => [r.id, r])));
	found.delete(number - KEPT);
	// Merged parts come back by score; sorted by date, their order needs one more step (src/search-parts.ts).
	const direction = request.args[1]?.sort?.[PART_SORT_KEY];
	const results = direction && setup?.[2].length ? inDateOrder(search.results, direction) : search.results;
	return { search: number, ids: results.map((r) => r.id), filters: search.filters, unfilteredResultCount: search.unfilteredResultCount };
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	const { call } = event.data;
	handle(event.data).then(
		(value) => self.postMessage({ call, value } satisfies WorkerReply),
		(error: unknown) => self.postMessage({ call, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
	);
});
