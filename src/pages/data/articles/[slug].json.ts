import type { APIRoute, GetStaticPaths } from 'astro';
import { articleOffsets } from '../../../lib/article-data.ts';
import { articlePaths, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/** `/data/articles/<slug>.json`: the article's text and the offsets of its marks and quoted blocks. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props, site }) => {
	const data = await articleOffsets(props.article, site ?? new URL('http://localhost/'));
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
