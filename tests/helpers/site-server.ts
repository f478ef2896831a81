import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { buildSite, type SiteBuild } from './build.ts';

export interface ServedSite extends SiteBuild {
	/** URL of the site's home page, ending in the base path. */
	url: string;
	close(): Promise<void>;
}

/** Builds a content folder (once per test run) and serves it like a static host would. */
export async function serveSite(name: string, contentDir: string, base = '/', headers: Record<string, string> = {}): Promise<ServedSite> {
	const site = await buildSite(name, contentDir, base);
	const server = await startStaticServer({ dir: site.dir, base, headers });
	return { ...site, url: server.url, close: server.close };
}
