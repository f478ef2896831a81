import type { APIRoute, GetStaticPaths } from 'astro';
import { articleOffsets } from '../../../lib/article-data.ts';
import { siteIndex, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
	const { articles } = await siteIndex();
	return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** `/data/articles/<slug>.json`: the article's text and the offsets of its marks and quoted blocks. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props, site }) => {
	const data = await articleOffsets(props.article, site ?? new URL('http://localhost/'));
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
