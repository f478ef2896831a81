/**
 * The search page's Pagefind, run in a worker (`search-in-worker.ts` talks to it). Pagefind's own
 * script (`pagefind.js`, with `noWorker`, so it searches where it runs) is loaded here rather than
 * on the page: decompressing the index and fragments and running the WebAssembly search took the
 * page's main thread for hundreds of milliseconds on a phone (Lighthouse: 340 to 720 ms of total
 * blocking time on `/search/?q=…`). Pagefind's bundled worker would do the same, but fetches a
 * second 12 KB copy of its code; this one is Pagefind's single script and a few lines.
 *
 * Messages in: `{ call, method, args }`, where `init` takes the script's address and the instance's
 * options; out: `{ call, value }` or `{ call, error }`. A result's data is asked for by the number
 * of the search that found it and its id (a result's excerpt depends on the query).
 */
import type { Filters, ResultData } from './search-core.ts';

interface Result {
	id: string;
	data(): Promise<ResultData>;
}
interface Instance {
	search(query: string | null, options?: unknown): Promise<{ results: Result[]; filters: Filters; unfilteredResultCount: number } | null>;
	filters(): Promise<Filters>;
}
export type WorkerRequest =
	| { call: number; method: 'init'; args: [script: string, options: Record<string, unknown>] }
	| { call: number; method: 'search'; args: [query: string | null, options?: unknown] }
	| { call: number; method: 'filters'; args: [] }
	| { call: number; method: 'data'; args: [search: number, id: string] };
export type WorkerReply = { call: number; value?: unknown; error?: string };

/** Searches kept for their results' data: the page asks for data of the latest ones only. */
const KEPT = 4;
let setup: [script: string, options: Record<string, unknown>] | undefined;
let instance: Promise<Instance> | undefined;
let searches = 0;
const found = new Map<number, Map<string, Result>>();

/** Pagefind, loaded on first use; loaded again at the next call when that failed (a network error). */
function engine(): Promise<Instance> {
	if (!setup) return Promise.reject(new Error('the search worker was not initialised'));
	const [script, options] = setup;
	instance ??= (import(/* @vite-ignore */ script) as Promise<{ createInstance(options: Record<string, unknown>): Instance }>).then((module) => module.createInstance(options));
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
	return { search: number, ids: search.results.map((r) => r.id), filters: search.filters, unfilteredResultCount: search.unfilteredResultCount };
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
	const { call } = event.data;
	handle(event.data).then(
		(value) => self.postMessage({ call, value } satisfies WorkerReply),
		(error: unknown) => self.postMessage({ call, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
	);
});
