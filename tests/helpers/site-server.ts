import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from './browser.ts';
import type { SiteBuild } from './build.ts';

export interface ServedSite extends SiteBuild {
	/** URL of the site's home page, ending in the base path. */
	url: string;
	close(): Promise<void>;
}

/** Serves a built site like a static host would (`_headers` included unless `hostHeaders` is false). */
export async function serveSite(site: SiteBuild, { hostHeaders = true } = {}): Promise<ServedSite> {
	const server = await startStaticServer({ dir: site.dir, base: site.base, hostHeaders });
	return { ...site, url: server.url, close: server.close };
}

/**
 * For a browser test file: before its tests, gets a build (shared by the run: see `buildSite`),
 * serves it and launches Chromium, handing both to `ready`; after them, closes both.
 */
export function siteInBrowser(build: () => Promise<SiteBuild>, ready: (site: ServedSite, browser: Browser) => void, { hostHeaders = true } = {}): void {
	let site: ServedSite | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		[site, browser] = await Promise.all([build().then((built) => serveSite(built, { hostHeaders })), launchBrowser()]);
		ready(site, browser);
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
}
