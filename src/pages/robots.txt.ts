/**
 * `robots.txt`: everything may be crawled; points at the sitemap. Crawlers read it only at a
 * domain's root, so a subfolder deploy has to copy its line into the domain's own robots.txt.
 */
import type { APIRoute } from 'astro';
import { ORIGIN, routes } from '../lib/site.ts';
import { absoluteUrl } from '../routes.ts';

export const GET: APIRoute = () =>
	new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(routes.sitemap, ORIGIN)}\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
