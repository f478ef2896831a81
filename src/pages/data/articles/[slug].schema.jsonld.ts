import type { APIRoute, GetStaticPaths } from 'astro';
import { articleHtml } from '../../../corpus/loaders.ts';
import { articleJsonLd, mentionedIn } from '../../../lib/seo.ts';
import { ORIGIN, articlePaths, routes, siteIndex, withAnnotations, type ListedArticle } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/**
 * `/data/articles/<slug>.schema.jsonld`: the article as a schema.org `NewsArticle` with every
 * entity it mentions and every quoted block as a `Quotation` credited to its outlet. The page's
 * head carries only the part search engines read (`articleHeadJsonLd`).
 */
export const GET: APIRoute<{ article: ListedArticle }> = async ({ props }) => {
	const article = withAnnotations(props.article);
	const { entries } = await siteIndex();
	const graph = articleJsonLd({ article, html: articleHtml(article.id), entries, mentioned: mentionedIn(article), site: { routes, origin: ORIGIN } });
	return new Response(`${JSON.stringify(graph, null, '\t')}\n`, { headers: { 'Content-Type': 'application/ld+json' } });
};
