/** What the build's processes share to say what they do: timed phases with a progress line, and counts in words. */

/** How often a long phase says it is still running (`READER_PROGRESS_MS` to change, e.g. for a test). */
const PROGRESS_EVERY_MS = Number(process.env.READER_PROGRESS_MS) > 0 ? Number(process.env.READER_PROGRESS_MS) : 15_000;

/** Runs one phase of the build, saying every so often that it still runs, then what it did and how long it took. */
export async function phase<T>(log: (line: string) => void, doing: string, run: () => Promise<T>, done: (result: T) => string, record?: (ms: number) => void): Promise<T> {
	const start = performance.now();
	const ticker = setInterval(() => log(`  … still ${doing} (${seconds(performance.now() - start)})`), PROGRESS_EVERY_MS);
	try {
		const result = await run();
		const ms = performance.now() - start;
		record?.(ms);
		log(`${done(result)} in ${seconds(ms)}`);
		return result;
	} finally {
		clearInterval(ticker);
	}
}

/** `12.3 s`. */
export function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** `1 article`, `1,000 articles`. */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
