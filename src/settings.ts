/**
 * The site's settings, read from the environment. This module imports nothing of the Markdown
 * stack, so `astro.config.mjs` and the preview server can read the base path without loading it.
 */
import path from 'node:path';
import { DEFAULT_PART_SIZE } from './search-parts.ts';

/** Used for canonical addresses when `SITE_URL` is not set. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** The site's base path from `BASE_PATH`, normalised to start and end with `/` (`reader` → `/reader/`). */
export function basePath(raw = process.env.BASE_PATH): string {
	const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
	return trimmed ? `/${trimmed}/` : '/';
}

/** The canonical site address from `SITE_URL` (feeds, sitemap, link previews), or a local placeholder. */
export function siteUrl(raw = process.env.SITE_URL): string {
	return raw || DEFAULT_SITE_URL;
}

/**
 * The canonical origin from `SITE_URL` (only its scheme, host and port count: the path comes from
 * `BASE_PATH`), or the local placeholder when it is not set.
 */
export function siteOrigin(raw = process.env.SITE_URL): string {
	try {
		return new URL(siteUrl(raw)).origin;
	} catch {
		throw new Error(`SITE_URL must be an absolute address such as https://example.org, not \`${raw}\``);
	}
}

/** Where the content lives: `CONTENT_DIR`, or `content/` in the working directory. */
export function contentRoot(raw = process.env.CONTENT_DIR): string {
	return path.resolve(raw ?? 'content');
}

/**
 * The build's output folder: `READER_OUT_DIR`, or `dist/` in the working directory. `OUT_DIR`, the
 * name this setting had before, is still read when `READER_OUT_DIR` is not set.
 */
export function outputDir(env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.READER_OUT_DIR?.trim() || env.OUT_DIR?.trim() || 'dist');
}

/**
 * The most articles in one part of the search index, from `SEARCH_PART_SIZE` (a glossary entry
 * counts as an eighth; see src/search-parts.ts), or the default. A site larger than that is
 * indexed in parts, each by a Pagefind process of its own, so that indexing's memory stays that of
 * one part.
 */
export function searchPartSize(raw = process.env.SEARCH_PART_SIZE): number {
	if (raw === undefined || raw.trim() === '') return DEFAULT_PART_SIZE;
	const size = Number(raw);
	if (!Number.isInteger(size) || size < 1) throw new Error(`SEARCH_PART_SIZE must be a whole number of articles, 1 or more (default ${DEFAULT_PART_SIZE}), not \`${raw}\``);
	return size;
}
