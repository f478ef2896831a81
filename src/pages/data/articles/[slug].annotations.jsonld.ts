import type { APIRoute, GetStaticPaths } from 'astro';
import { articleHtml } from '../../../corpus/loaders.ts';
import { articleAnnotations, spansOf } from '../../../lib/article-data.ts';
import { ORIGIN, articlePaths, routes, siteIndex, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/** `/data/articles/<slug>.annotations.jsonld`: the annotations as a W3C Web Annotation collection. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props }) => {
	const { article } = props;
	const { entries, articleTexts } = await siteIndex();
	const spans = spansOf(article.id, articleHtml(article.id), articleTexts);
	const data = articleAnnotations({ article, spans, entries, site: { routes, origin: ORIGIN } });
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
	});
};
