// @ts-check
import { defineConfig } from 'astro/config';
import { basePath } from './src/corpus/corpus.ts';

const base = basePath();

// SITE_URL is the canonical origin for feeds, sitemap and link previews; a placeholder otherwise.
const site = process.env.SITE_URL || 'http://localhost:4321';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	outDir: process.env.OUT_DIR || './dist',
	// Each content folder (the site, test fixtures, benchmark corpora) gets its own cache.
	cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
	build: { format: 'directory', inlineStylesheets: 'never' },
	devToolbar: { enabled: false },
	vite: {
		// Scripts and styles are files of their own, so a strict Content Security Policy holds.
		build: { assetsInlineLimit: 0 },
	},
});
