import type { APIRoute, GetStaticPaths } from 'astro';
import { articleAnnotations } from '../../../lib/article-data.ts';
import { siteIndex, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
	const { articles } = await siteIndex();
	return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

/** `/data/articles/<slug>.annotations.jsonld`: the annotations as a W3C Web Annotation collection. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props, site }) => {
	const data = await articleAnnotations(props.article, site ?? new URL('http://localhost/'));
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
	});
};
