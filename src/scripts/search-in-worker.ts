/**
 * A Pagefind instance whose work is done in a worker (`search-worker.ts`): the search page's
 * searches, filters and results' data, asked for by message, so that loading and searching the
 * index never blocks the page. The worker is started at the first call.
 */
import type { PagefindInstance, ResultData, Search } from './search-core.ts';
import type { WorkerReply, WorkerRequest } from './search-worker.ts';

type Method = WorkerRequest['method'];
type Args<M extends Method> = Extract<WorkerRequest, { method: M }>['args'];

/**
 * Pagefind over the index `script` belongs to, with `options`, in a worker of its own, merged with
 * the indexes in the folders `parts` (the other parts of a large site's index, src/search-parts.ts).
 */
export function pagefindInWorker(script: string, options: Record<string, unknown>, parts: string[] = []): PagefindInstance {
	let worker: Worker | undefined;
	let calls = 0;
	const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
	const ask = <M extends Method>(method: M, ...args: Args<M>): Promise<unknown> => {
		if (!worker) {
			worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'search' });
			worker.addEventListener('message', ({ data }: MessageEvent<WorkerReply>) => {
				const call = waiting.get(data.call);
				waiting.delete(data.call);
				if (data.error === undefined) call?.resolve(data.value);
				else call?.reject(new Error(data.error));
			});
			// A worker that could not start (its script did not load): every call waiting fails, and the next call starts another.
			worker.addEventListener('error', () => {
				for (const call of waiting.values()) call.reject(new Error('the search worker failed'));
				waiting.clear();
				worker?.terminate();
				worker = undefined;
			});
			ask('init', script, options, parts).catch(() => undefined);
		}
		const call = ++calls;
		return new Promise((resolve, reject) => {
			waiting.set(call, { resolve, reject });
			worker!.postMessage({ call, method, args } as WorkerRequest);
		});
	};
	const ready = () => ask('init', script, options, parts);
	return {
		options: async () => undefined,
		// The parts are merged by the worker when it starts.
		mergeIndex: async () => undefined,
		init: async () => void (await ready()),
		preload: async () => void (await ready()),
		filters: async () => (await ask('filters')) as Search['filters'],
		async search(query: string | null, searchOptions?: { filters?: unknown; sort?: Record<string, 'asc' | 'desc'> }) {
			const found = (await ask('search', query, searchOptions)) as { search: number; ids: string[]; filters: Search['filters']; unfilteredResultCount: number } | null;
			if (!found) return null;
			return {
				results: found.ids.map((id) => ({ id, data: async () => (await ask('data', found.search, id)) as ResultData })),
				filters: found.filters,
				unfilteredResultCount: found.unfilteredResultCount,
			};
		},
	};
}
