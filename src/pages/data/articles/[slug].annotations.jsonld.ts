import type { APIRoute, GetStaticPaths } from 'astro';
import { articleAnnotations } from '../../../lib/article-data.ts';
import { articlePaths, type ArticleEntry } from '../../../lib/site.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

/** `/data/articles/<slug>.annotations.jsonld`: the annotations as a W3C Web Annotation collection. */
export const GET: APIRoute<{ article: ArticleEntry }> = async ({ props, site }) => {
	const data = await articleAnnotations(props.article, site ?? new URL('http://localhost/'));
	return new Response(`${JSON.stringify(data, null, '\t')}\n`, {
		headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
	});
};
