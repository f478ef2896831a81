/** `feed.xml`: an Atom feed of the articles, newest first, with absolute addresses. */
import type { APIRoute } from 'astro';
import { ORIGIN, routes, siteIndex } from '../lib/site.ts';
import { SITE_NAME } from '../lib/seo.ts';
import { absoluteUrl } from '../routes.ts';
import { escapeXml } from '../escape.ts';

/** A feed timestamp for a YYYY-MM-DD date: midnight UTC, so two builds of the same content agree. */
const atomDate = (date: string) => `${date}T00:00:00Z`;

export const GET: APIRoute = async () => {
	const { articles } = await siteIndex();
	const home = absoluteUrl(routes.home, ORIGIN);
	const self = absoluteUrl(routes.feed, ORIGIN);
	// The newest article's date, not the build time: the feed only changes when the articles do.
	const updated = atomDate(articles.map((a) => a.data.published).sort().at(-1) ?? '1970-01-01');
	const entries = articles.map((article) => {
		const { data } = article;
		const url = absoluteUrl(routes.article(article.id), ORIGIN);
		return [
			'\t<entry>',
			`\t\t<id>${escapeXml(url)}</id>`,
			`\t\t<title>${escapeXml(data.title)}</title>`,
			`\t\t<link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
			`\t\t<published>${atomDate(data.published)}</published>`,
			`\t\t<updated>${atomDate(data.published)}</updated>`,
			`\t\t<author><name>${escapeXml(data.author)}</name></author>`,
			`\t\t<summary>${escapeXml(data.summary)}</summary>`,
			'\t</entry>',
		].join('\n');
	});
	const body = [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`\t<id>${escapeXml(home)}</id>`,
		`\t<title>${escapeXml(SITE_NAME)}</title>`,
		`\t<link rel="alternate" type="text/html" href="${escapeXml(home)}"/>`,
		`\t<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
		`\t<updated>${updated}</updated>`,
		...entries,
		'</feed>',
		'',
	].join('\n');
	return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
