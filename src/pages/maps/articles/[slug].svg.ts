import type { APIRoute, GetStaticPaths } from 'astro';
import { articlePlaces } from '../../../lib/article-map.ts';
import { articleOutlinesSvg } from '../../../lib/maps.ts';
import { siteIndex, fullArticle, type ListedArticle } from '../../../lib/site.ts';

/** The outlines under each article map: `/maps/articles/<slug>.svg`, for articles that mention a place. */
export const getStaticPaths = (async () => {
	const { articles } = await siteIndex();
	const paths = [];
	for (const article of articles) {
		if ((await articlePlaces(fullArticle(article))).map) paths.push({ params: { slug: article.id }, props: { article } });
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ListedArticle }> = async ({ props }) => {
	const { map } = await articlePlaces(fullArticle(props.article));
	return new Response(articleOutlinesSvg(map!), { headers: { 'Content-Type': 'image/svg+xml' } });
};
