/**
 * How heavy search is for a reader: the Pagefind index on disk, and the bytes a first query
 * downloads from `pagefind/` when typed into the header box of the home page of a built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from '../../scripts/lib/chromium.ts';

export interface SearchWeight {
	/** The searchable data: `index/`, `fragment/`, `filter/` and the `.pf_meta` files. */
	indexBytes: number;
	indexFiles: number;
	/** Everything in `pagefind/`, including the UI bundles Pagefind writes and we do not load. */
	bundleBytes: number;
	query: string;
	/** Results the first query found. */
	results: number;
	/** Response bodies under `pagefind/` from focusing the box to the results being shown. */
	firstQueryBytes: number;
	firstQueryRequests: number;
	/** The files of that first query, largest first. */
	firstQueryFiles: { path: string; bytes: number }[];
}

export interface SearchWeightOptions {
	/** The base path the site was built for (`BASE_PATH`). */
	base?: string;
	/** A word the site contains. */
	query?: string;
	/** A browser to reuse; by default one is launched and closed. */
	browser?: Browser;
}

function sizes(dir: string): { file: string; bytes: number }[] {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => {
			const file = path.join(e.parentPath, e.name);
			return { file: path.relative(dir, file), bytes: fs.statSync(file).size };
		});
}

/** Measures a built site in `distDir` (it must hold `pagefind/`). */
export async function measureSearchWeight(distDir: string, { base = '/', query = 'Baghdad', browser }: SearchWeightOptions = {}): Promise<SearchWeight> {
	const bundle = path.join(distDir, 'pagefind');
	if (!fs.existsSync(path.join(bundle, 'pagefind.js'))) throw new Error(`${bundle}/pagefind.js is missing: build the site first (npm run build).`);
	const files = sizes(bundle);
	const index = files.filter((f) => /^(index|fragment|filter)[\\/]/.test(f.file) || f.file.endsWith('.pf_meta'));

	const server = await startStaticServer({ dir: distDir, base });
	const ownBrowser = browser ? undefined : await launchBrowser();
	const page = await (browser ?? ownBrowser!).newPage();
	try {
		await page.goto(server.url, { waitUntil: 'load' });
		const bodies: Promise<{ path: string; bytes: number }>[] = [];
		page.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (pathname.startsWith(`${base}pagefind/`)) {
				bodies.push(
					response.body().then(
						(b) => ({ path: pathname.slice(base.length), bytes: b.length }),
						() => ({ path: pathname, bytes: 0 }),
					),
				);
			}
		});
		const box = page.locator('#header-search-input');
		await box.focus();
		// One input, so that what is fetched does not depend on the machine's speed (see search-bytes.ts).
		await box.fill(query);
		await page.locator(`#header-search-results[data-query="${query.replace(/["\\]/g, '\\$&')}"]`).waitFor({ state: 'attached', timeout: 15_000 });
		const results = await page.locator('#header-search-results [role="option"]:not(.search-all)').count();
		const fetched = (await Promise.all(bodies)).sort((a, b) => b.bytes - a.bytes);
		return {
			indexBytes: index.reduce((sum, f) => sum + f.bytes, 0),
			indexFiles: index.length,
			bundleBytes: files.reduce((sum, f) => sum + f.bytes, 0),
			query,
			results,
			firstQueryBytes: fetched.reduce((sum, f) => sum + f.bytes, 0),
			firstQueryRequests: fetched.length,
			firstQueryFiles: fetched,
		};
	} finally {
		await page.close();
		await ownBrowser?.close();
		await server.close();
	}
}
