// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { basePath, outputDir, siteUrl } from './src/settings.ts';
import { contentErrorsInBrowser } from './src/corpus/dev-errors.ts';
import { sitemapDates } from './src/corpus/sitemap-dates.ts';

/** @type {Promise<Map<string, string>> | undefined} */
let pageDates;

export default defineConfig({
	// SITE_URL is the canonical origin for feeds, sitemap and link previews; a placeholder otherwise.
	site: siteUrl(),
	base: basePath(),
	trailingSlash: 'always',
	outDir: outputDir(),
	// Each content folder (the site, test fixtures, benchmark corpora) gets its own cache.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
	integrations: [
		contentErrorsInBrowser(),
		// sitemap-index.xml and sitemap-0.xml: the pages (addresses ending in /), not the data files,
		// maps or feed; articles and the home page with their date.
		sitemap({
			filter: (page) => page.endsWith('/'),
			namespaces: { news: false, xhtml: false, image: false, video: false },
			serialize: async (item) => {
				pageDates ??= sitemapDates(siteUrl(), basePath());
				const lastmod = (await pageDates).get(item.url);
				return lastmod ? { ...item, lastmod } : item;
			},
		}),
	],
	vite: {
		// Scripts and styles are files of their own, so a strict Content Security Policy holds. One
		// stylesheet for the whole site (3.1 KB gzipped, cached from page to page): pages waited for
		// up to three before their first paint (Lighthouse on a phone, issue 16).
		build: { assetsInlineLimit: 0, cssCodeSplit: false },
	},
});
