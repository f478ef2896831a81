import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { closeContexts, workerBrowser } from './browser.ts';
import { buildSite, type SiteBuild } from './build.ts';

export interface ServedSite extends SiteBuild {
	/** URL of the site's home page, ending in the base path. */
	url: string;
	close(): Promise<void>;
}

interface ServeOptions {
	/** Send the site's `_headers` (its Content Security Policy…), as Netlify or Cloudflare Pages do (default true). */
	hostHeaders?: boolean;
}

/**
 * Serves a built site like a static host would (`_headers` included unless `hostHeaders` is
 * false). Given a name, a content folder and a base path instead of a build, builds it first
 * (shared by the run: see `buildSite`).
 */
export async function serveSite(site: SiteBuild, options?: ServeOptions): Promise<ServedSite>;
export async function serveSite(name: string, contentDir: string, base?: string, options?: ServeOptions): Promise<ServedSite>;
export async function serveSite(first: SiteBuild | string, ...rest: unknown[]): Promise<ServedSite> {
	const site = typeof first === 'string' ? await buildSite(first, rest[0] as string, (rest[1] as string | undefined) ?? '/') : first;
	const { hostHeaders = true } = ((typeof first === 'string' ? rest[2] : rest[0]) ?? {}) as ServeOptions;
	const server = await startStaticServer({ dir: site.dir, base: site.base, hostHeaders });
	return { ...site, url: server.url, close: server.close };
}

type Ready = (site: ServedSite, browser: Browser) => void;

/**
 * For a browser test file: before its tests, gets a build (shared by the run: see `buildSite`),
 * serves it and gets the worker's Chromium (`workerBrowser`), handing both to `ready`; after them,
 * stops serving and closes the file's pages. The build is
 * a function that returns it (`() => seedSite('/')`), or a name, content folder and base path.
 */
export function siteInBrowser(build: () => Promise<SiteBuild>, ready: Ready, options?: ServeOptions): void;
export function siteInBrowser(name: string, contentDir: string, base: string, ready: Ready, options?: ServeOptions): void;
export function siteInBrowser(first: (() => Promise<SiteBuild>) | string, ...rest: unknown[]): void {
	const build = typeof first === 'string' ? () => buildSite(first, rest[0] as string, rest[1] as string) : first;
	const [ready, options] = (typeof first === 'string' ? rest.slice(2) : rest) as [Ready, ServeOptions | undefined];
	let site: ServedSite | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[site, browser] = await Promise.all([build().then((built) => serveSite(built, options)), workerBrowser()]);
		ready(site, browser);
	});
	afterAll(async () => {
		await closeContexts(browser);
		await site?.close();
	});
}
