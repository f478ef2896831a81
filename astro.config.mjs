// @ts-check
import { defineConfig } from 'astro/config';
import { basePath, outputDir, siteUrl } from './src/settings.ts';
import { contentErrorsInBrowser } from './src/corpus/dev-errors.ts';

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
	integrations: [contentErrorsInBrowser()],
	vite: {
		// Scripts and styles are files of their own, so a strict Content Security Policy holds.
		build: { assetsInlineLimit: 0 },
	},
});
