import type { APIRoute, GetStaticPaths } from 'astro';
import { articleHtml } from '../../../corpus/loaders.ts';
import { articleOffsets, spansOf } from '../../../lib/article-data.ts';
import { ORIGIN, articlePaths, routes, siteIndex, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/** `/data/articles/<slug>.json`: the article's text and the offsets of its marks and quoted blocks. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props }) => {
	const { article } = props;
	const { entries, articleTexts } = await siteIndex();
	const spans = spansOf(article.id, articleHtml(article.id), articleTexts);
	const data = articleOffsets({ article, spans, entries, site: { routes, origin: ORIGIN } });
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
