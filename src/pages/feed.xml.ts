/** `feed.xml`: an Atom feed of the articles, newest first, with absolute addresses. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/feed.ts';
import { ORIGIN, routes, siteIndex } from '../lib/site.ts';

export const GET: APIRoute = async () => {
	const { articles } = await siteIndex();
	return new Response(atomFeed(articles, { routes, origin: ORIGIN }), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
