import type { APIRoute, GetStaticPaths } from 'astro';
import { articleHtml, articleStore } from '../../../corpus/loaders.ts';
import { articleOffsets, spansOf } from '../../../lib/article-data.ts';
import { ORIGIN, articlePaths, routes, siteIndex, withAnnotations, type ListedArticle } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/** `/data/articles/<slug>.json`: the article's text and the offsets of its marks and quoted blocks. */
export const GET: APIRoute<{ article: ListedArticle }> = async ({ props }) => {
	const article = withAnnotations(props.article);
	const { entries } = await siteIndex();
	const spans = spansOf(article.id, () => articleHtml(article.id), articleStore());
	const data = articleOffsets({ article, spans, entries, site: { routes, origin: ORIGIN } });
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
