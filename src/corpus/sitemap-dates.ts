/**
 * Last-modified dates for the sitemap that `@astrojs/sitemap` writes: each article page's
 * publication date, and the newest one for the home page. Read from the corpus the build script
 * loaded (through the build state, so the Astro config imports nothing of the Markdown stack).
 */
import { absoluteUrl, createRoutes } from '../routes.ts';
import { buildState } from './build-state.ts';

/**
 * Dates by absolute page address, for a site at `site` under the base path `base`. Empty when no
 * corpus was loaded in this process (a bare `astro build` rather than `npm run build`).
 */
export async function sitemapDates(site: string, base: string): Promise<Map<string, string>> {
	const corpus = await buildState().corpus;
	const dates = new Map<string, string>();
	if (!corpus) return dates;
	const routes = createRoutes(base);
	for (const article of corpus.articles) dates.set(absoluteUrl(routes.article(article.slug), site), article.data.published);
	const newest = corpus.articles
		.map((a) => a.data.published)
		.sort()
		.at(-1);
	if (newest) dates.set(absoluteUrl(routes.home, site), newest);
	return dates;
}
