import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { launchBrowser } from './browser.ts';
import { buildSite, type SiteBuild } from './build.ts';

export interface ServedSite extends SiteBuild {
	/** URL of the site's home page, ending in the base path. */
	url: string;
	close(): Promise<void>;
}

/** Builds a content folder (once per test run) and serves it like a static host would (`_headers` included). */
export async function serveSite(name: string, contentDir: string, base = '/', { hostHeaders = true } = {}): Promise<ServedSite> {
	const site = await buildSite(name, contentDir, base);
	const server = await startStaticServer({ dir: site.dir, base, hostHeaders });
	return { ...site, url: server.url, close: server.close };
}

/**
 * For a browser test file: before its tests, builds and serves a site and launches Chromium,
 * handing both to `ready`; after them, closes both.
 */
export function siteInBrowser(name: string, contentDir: string, base: string, ready: (site: ServedSite, browser: Browser) => void, { hostHeaders = true } = {}): void {
	let site: ServedSite | undefined;
	let browser: Browser | undefined;
	beforeAll(async () => {
		site = await serveSite(name, contentDir, base, { hostHeaders });
		browser = await launchBrowser();
		ready(site, browser);
	});
	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});
}
