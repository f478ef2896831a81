/** `sitemap.xml`: every page of the site with its absolute address (`SITE_URL` + `BASE_PATH`). */
import type { APIRoute } from 'astro';
import { ORIGIN, routes, siteIndex } from '../lib/site.ts';
import { absoluteUrl } from '../routes.ts';
import { escapeXml } from '../escape.ts';

export const GET: APIRoute = async () => {
	const { articles, entries } = await siteIndex();
	const pages: { path: string; lastmod?: string }[] = [
		{ path: routes.home, lastmod: articles[0]?.data.published },
		...articles.map((a) => ({ path: routes.article(a.id), lastmod: a.data.published })),
		{ path: routes.glossary },
		...[...entries.keys()].sort().map((id) => ({ path: routes.entry(id) })),
		{ path: routes.search() },
	];
	const urls = pages.map(({ path, lastmod }) => {
		const loc = `<loc>${escapeXml(absoluteUrl(path, ORIGIN))}</loc>`;
		return `\t<url>${loc}${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
	});
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
	return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
