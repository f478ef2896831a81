import type { APIRoute, GetStaticPaths } from 'astro';
import { articlePlaces } from '../../../lib/article-map.ts';
import { articleOutlinesSvg } from '../../../lib/maps.ts';
import { siteIndex, withAnnotations, type ListedArticle } from '../../../lib/site.ts';

/** The outlines under each article map: `/maps/articles/<slug>.svg`, for articles that mention a place. */
export const getStaticPaths = (async () => {
	const { articles, entries, mentionCounts } = await siteIndex();
	// An article has a map when an entry it mentions is a place (`articlePlaces`): told from its
	// mention counts, without reading its annotations or drawing its map here.
	const mentionsPlace = (id: string) => [...(mentionCounts.get(id)?.keys() ?? [])].some((entity) => entries.get(entity)?.data.coordinates !== undefined);
	return articles.filter((article) => mentionsPlace(article.id)).map((article) => ({ params: { slug: article.id }, props: { article } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: ListedArticle }> = async ({ props }) => {
	const { map } = await articlePlaces(withAnnotations(props.article));
	return new Response(articleOutlinesSvg(map!), { headers: { 'Content-Type': 'image/svg+xml' } });
};
