/**
 * The map model of an article, shared by the article page (points and labels, inline) and the
 * `/maps/articles/<slug>.svg` endpoint (the outlines under them), so both draw the same frame.
 */
import { articleMap, type ArticleMapModel, type GeoPlace } from './maps.ts';
import { siteIndex, type ArticleEntry } from './site.ts';

export interface ArticlePlaces {
	/** The places the article mentions, the most mentioned first (they get the best label positions). */
	places: GeoPlace[];
	/** The article's map, when it mentions any place. */
	map?: ArticleMapModel;
}

/** The places an article mentions and its map. */
export async function articlePlaces(article: ArticleEntry): Promise<ArticlePlaces> {
	const { entries, mentionCounts } = await siteIndex();
	const counts = mentionCounts.get(article.id) ?? new Map<string, number>();
	const places: GeoPlace[] = [...new Set(article.data.annotations.mentions.map((m) => m.entity))]
		.map((id) => entries.get(id))
		.filter((entry) => entry?.data.coordinates !== undefined)
		.sort((a, b) => (counts.get(b!.id) ?? 0) - (counts.get(a!.id) ?? 0))
		.map((entry) => {
			const { lat, lon, approximate } = entry!.data.coordinates!;
			return { id: entry!.id, name: entry!.data.name, lat, lon, approximate };
		});
	return { places, map: places.length > 0 ? articleMap(places) : undefined };
}
