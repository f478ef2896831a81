import type { APIRoute, GetStaticPaths } from 'astro';
import { locatorSvg } from '../../../lib/maps.ts';
import { siteIndex, type GlossaryEntry } from '../../../lib/site.ts';

/** One locator map per place: `/maps/places/<id>.svg`. */
export const getStaticPaths = (async () => {
	const { entries } = await siteIndex();
	return [...entries.values()].filter((entry) => entry.data.coordinates).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: GlossaryEntry }> = ({ props }) => {
	const { entry } = props;
	const { lat, lon, approximate } = entry.data.coordinates!;
	return new Response(locatorSvg({ id: entry.id, name: entry.data.name, lat, lon, approximate }), {
		headers: { 'Content-Type': 'image/svg+xml' },
	});
};
