import type { APIRoute } from 'astro';
import { entryHref } from '../../markdown/annotations.ts';
import { BASE, href, siteIndex } from '../../lib/site.ts';
import { sourceRecordOf } from '../../lib/citations.ts';

/** `/data/glossary.json`: every glossary entry, with where the articles mention it. */
export const GET: APIRoute = async ({ site }) => {
	const { entries, backlinks } = await siteIndex();
	const origin = site ?? new URL('http://localhost/');
	const absolute = (path: string) => new URL(path, origin).href;
	const data = [...entries.values()]
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((entry) => {
			const { file: _file, ...fields } = entry.data;
			const mentions = backlinks.get(entry.id) ?? [];
			const articles = [...new Set(mentions.map((m) => m.article.id))];
			return {
				id: entry.id,
				url: absolute(entryHref(BASE, entry.id)),
				...fields,
				// Always records, whichever form the entry was written in.
				sources: fields.sources.map(sourceRecordOf),
				note: entry.body?.trim() ?? '',
				mentions: articles.map((slug) => ({ article: absolute(href(`articles/${slug}/`)), count: mentions.filter((m) => m.article.id === slug).length })),
			};
		});
	return new Response(`${JSON.stringify({ count: data.length, entries: data }, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
