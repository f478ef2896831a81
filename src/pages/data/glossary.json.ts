import type { APIRoute } from 'astro';
import { glossaryData } from '../../lib/article-data.ts';
import { ORIGIN, routes, siteIndex } from '../../lib/site.ts';

/** `/data/glossary.json`: every glossary entry, with where the articles mention it. */
export const GET: APIRoute = async () => {
	const { entries, backlinks } = await siteIndex();
	const data = glossaryData({ entries, backlinks, site: { routes, origin: ORIGIN } });
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
