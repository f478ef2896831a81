/**
 * Maps drawn at build time: a locator map for each place and a map of every place an article
 * mentions. Outlines come from Natural Earth (via `world-atlas`, public domain), projected with
 * d3-geo's Mercator, clipped to the map's frame and thinned to whole pixels so that the SVG stays
 * a few kilobytes. No tiles, no network: everything here runs during the build.
 *
 * Pure module (no Astro imports) so that tests can re-project coordinates with the same
 * parameters the pages were drawn with.
 */
import { geoBounds, geoContains, geoDistance, geoMercator, geoNaturalEarth1, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, GeometryObject, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import atlas50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import land110m from 'world-atlas/land-110m.json' with { type: 'json' };
import { escapeXml } from '../escape.ts';

/** A place with coordinates, as the maps need it. */
export interface GeoPlace {
	id: string;
	name: string;
	lat: number;
	lon: number;
	/** A conventional centre (a country, a region) rather than a checked position. */
	approximate: boolean;
}

/**
 * Everything needed to re-create a map's projection: `geoMercator().scale(scale).translate(translate)`
 * (or `geoNaturalEarth1()` for the world inset) maps `[lon, lat]` to SVG user units in a
 * `0 0 width height` viewBox.
 */
export interface ProjectionParams {
	type: 'mercator' | 'natural-earth';
	scale: number;
	translate: [number, number];
	width: number;
	height: number;
}

/** The d3 projection of a map, clipped to its frame. */
export function projectionOf(params: ProjectionParams): GeoProjection {
	return (params.type === 'natural-earth' ? geoNaturalEarth1() : geoMercator())
		.scale(params.scale)
		.translate(params.translate)
		.clipExtent([
			[0, 0],
			[params.width, params.height],
		]);
}

/** A point in SVG user units, rounded as the SVG writes it (one decimal). */
export function projectPoint(params: ProjectionParams, lon: number, lat: number): [number, number] {
	const [x, y] = projectionOf(params)([lon, lat])!;
	return [round1(x), round1(y)];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const EARTH_RADIUS_KM = 6371;

// ---------------------------------------------------------------------------------------------
// Outlines, decoded once per build.

type CountryProps = { name: string };
const topology = atlas50m as unknown as Topology<{ countries: GeometryCollection<CountryProps>; land: GeometryCollection }>;

/** Longitude and latitude bounds, `[[west, south], [east, north]]` as d3's `geoBounds` gives them. */
type Bounds = [[number, number], [number, number]];
/** A piece of outline with its bounds, so a map only projects the pieces near its frame. */
interface Piece<G> {
	geometry: G;
	bounds: Bounds;
}

/** A country with its bounds, and each of its polygons with its own (a country's islands may lie far apart). */
type Country = Feature<Geometry, CountryProps> & { bounds: Bounds; pieces: Piece<Polygon>[] };

let decoded: { countries: Country[]; land: Piece<Polygon>[]; borders: Piece<LineString>[] } | undefined;

/** The polygons of a geometry, one by one. */
function polygonsOf(geometry: Geometry): Polygon[] {
	if (geometry.type === 'Polygon') return [geometry];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
	return [];
}

/** The atlas, decoded and cut into bounded pieces once per build. */
function atlas() {
	if (decoded) return decoded;
	const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProps>).features;
	const land = feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>;
	const landGeometries = 'features' in land ? land.features.map((f) => f.geometry) : [land.geometry];
	const polygons = landGeometries.flatMap(polygonsOf);
	// Each border between two countries once; coasts are drawn by the land outline.
	const borderMesh: MultiLineString = mesh(topology, topology.objects.countries, (a, b) => a !== b);
	const lines = borderMesh.coordinates.map((coordinates): LineString => ({ type: 'LineString', coordinates }));
	decoded = {
		countries: countries.map((c) => Object.assign(c, { bounds: geoBounds(c) as Bounds, pieces: polygonsOf(c.geometry).map((geometry) => ({ geometry, bounds: geoBounds(geometry) as Bounds })) })),
		land: polygons.map((geometry) => ({ geometry, bounds: geoBounds(geometry) as Bounds })),
		borders: lines.map((geometry) => ({ geometry, bounds: geoBounds(geometry) as Bounds })),
	};
	return decoded;
}

/** True when bounds may reach into a longitude/latitude box (pieces across the antimeridian always may). */
function mayIntersect(bounds: Bounds, box: Bounds): boolean {
	const [[west, south], [east, north]] = bounds;
	if (west > east) return true;
	return west <= box[1][0] && east >= box[0][0] && south <= box[1][1] && north >= box[0][1];
}

/** The longitude/latitude box a map's frame shows (Mercator frames are such boxes), with a margin. */
function frameBox(params: ProjectionParams, marginDeg = 1): Bounds {
	const projection = geoMercator().scale(params.scale).translate(params.translate);
	const [west, north] = projection.invert!([0, 0])!;
	const [east, south] = projection.invert!([params.width, params.height])!;
	return [
		[west - marginDeg, south - marginDeg],
		[east + marginDeg, north + marginDeg],
	];
}

/**
 * Cuts a polygon to a longitude/latitude box before it is projected, so a continent costs only
 * the points near the map. The cut edges lie in the frame's margin, outside what is drawn.
 */
function clipPolygon(polygon: Polygon, box: Bounds): Polygon | undefined {
	const [[west, south], [east, north]] = box;
	const rings: Polygon['coordinates'] = [];
	for (const ring of polygon.coordinates) {
		let points = ring as [number, number][];
		for (const [axis, limit, keepAbove] of [
			[0, west, true],
			[0, east, false],
			[1, south, true],
			[1, north, false],
		] as const) {
			const inside = (p: [number, number]) => (keepAbove ? p[axis] >= limit : p[axis] <= limit);
			const cut = (a: [number, number], b: [number, number]): [number, number] => {
				const t = (limit - a[axis]) / (b[axis] - a[axis]);
				return axis === 0 ? [limit, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), limit];
			};
			const next: [number, number][] = [];
			for (let i = 0; i < points.length; i++) {
				const current = points[i]!;
				const previous = points[(i + points.length - 1) % points.length]!;
				if (inside(current)) {
					if (!inside(previous)) next.push(cut(previous, current));
					next.push(current);
				} else if (inside(previous)) {
					next.push(cut(previous, current));
				}
			}
			points = next;
			if (points.length === 0) break;
		}
		if (points.length >= 3) {
			const [first, last] = [points[0]!, points[points.length - 1]!];
			if (first[0] !== last[0] || first[1] !== last[1]) points.push(first);
			rings.push(points);
		} else if (rings.length === 0) {
			// The outer ring does not reach the box: neither do its holes.
			return undefined;
		}
	}
	return rings.length ? { type: 'Polygon', coordinates: rings } : undefined;
}

/** True when bounds hold a point (on their edge included), bounds across the antimeridian too. */
function boundsHold([[west, south], [east, north]]: Bounds, lon: number, lat: number): boolean {
	if (lat < south || lat > north) return false;
	return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

const countryCache = new Map<string, string | undefined>();

/** The Natural Earth country that contains a point, if any. */
export function countryAt(lon: number, lat: number): string | undefined {
	const key = `${lon},${lat}`;
	if (countryCache.has(key)) return countryCache.get(key);
	// Only the polygons whose bounds hold the point are tested: a country's islands, and the whole of
	// Russia (its bounds cross the antimeridian), are far from most places.
	const name = atlas().countries.find((c) => c.pieces.some((p) => boundsHold(p.bounds, lon, lat) && geoContains(p.geometry, [lon, lat])))?.properties.name;
	countryCache.set(key, name);
	return name;
}

/**
 * A stream that drops projected points closer than `tolerance` user units to the last one kept,
 * and rings that shrink to nothing: at map scale, Natural Earth 50m has many points per pixel.
 */
function thinned(out: GeoStream, tolerance: number): GeoStream {
	let ring: [number, number][] = [];
	// The last point dropped, kept to end a line exactly where it ended.
	let pending: [number, number] | undefined;
	let inPolygon = false;
	return {
		point(x, y) {
			const last = ring[ring.length - 1];
			if (last && Math.hypot(x - last[0], y - last[1]) < tolerance) {
				pending = [x, y];
				return;
			}
			ring.push([x, y]);
			pending = undefined;
		},
		lineStart() {
			ring = [];
			pending = undefined;
		},
		lineEnd() {
			if (pending) ring.push(pending);
			if (ring.length >= (inPolygon ? 3 : 2)) {
				out.lineStart();
				for (const [x, y] of ring) out.point(x, y);
				out.lineEnd();
			}
			ring = [];
		},
		polygonStart() {
			inPolygon = true;
			out.polygonStart();
		},
		polygonEnd() {
			inPolygon = false;
			out.polygonEnd();
		},
		sphere() {
			out.sphere?.();
		},
	};
}

/** SVG path data of the outlines in a map's frame. */
export interface Outlines {
	land: string;
	borders: string;
	/** The country to highlight, when asked for. */
	focus: string;
}

const outlineCache = new Map<string, Outlines>();

/**
 * Land, borders and (optionally) one country, projected, clipped and thinned to `tolerance` user
 * units; cached per frame.
 */
export function outlines(params: ProjectionParams, focusCountry?: string, tolerance = 1.5): Outlines {
	const key = JSON.stringify([params, focusCountry ?? '', tolerance]);
	const cached = outlineCache.get(key);
	if (cached) return cached;
	const projection = projectionOf(params);
	const path = geoPath({ stream: (out: GeoStream) => projection.stream(thinned(out, tolerance)) }).digits(0);
	const { land, borders, countries } = atlas();
	const box = frameBox(params);
	const near = <G extends GeometryObject>(pieces: Piece<G>[], clip?: (g: G) => G | undefined) => ({
		type: 'GeometryCollection' as const,
		geometries: pieces
			.filter((p) => mayIntersect(p.bounds, box))
			.map((p) => (clip ? clip(p.geometry) : p.geometry))
			.filter((g): g is G => g !== undefined),
	});
	const focusFeature = focusCountry ? countries.find((c) => c.properties.name === focusCountry) : undefined;
	const result: Outlines = {
		land: compact(path(near(land, (polygon) => clipPolygon(polygon, box))) ?? ''),
		borders: compact(path(near(borders)) ?? ''),
		focus: focusFeature ? compact(path(focusFeature) ?? '') : '',
	};
	outlineCache.set(key, result);
	return result;
}

/** Drops repeated points that rounding to whole units creates (`L3,4L3,4`). */
function compact(d: string): string {
	return d.replace(/L(-?\d+),(-?\d+)(?=L\1,\2(?!\d))/g, '');
}

// ---------------------------------------------------------------------------------------------
// Locator maps: one place, the region around it.

export const LOCATOR_SIZE = { width: 240, height: 150 } as const;

/** The frame of a place's locator: about 13° of longitude across, 40° for a country's centre. */
export function locatorParams(place: Pick<GeoPlace, 'lat' | 'lon' | 'approximate'>): ProjectionParams {
	const { width, height } = LOCATOR_SIZE;
	const span = ((place.approximate ? 40 : 13) * Math.PI) / 180;
	const scale = round2(width / span);
	const centred = geoMercator()
		.scale(scale)
		.center([place.lon, place.lat])
		.translate([width / 2, height / 2]);
	const [tx, ty] = centred([0, 0])!;
	return { type: 'mercator', scale, translate: [round2(tx), round2(ty)], width, height };
}

/** Colours of the maps drawn as image files (page CSS cannot reach into an `<img>`). */
export const MAP_COLOURS = { sea: '#dce7f2', land: '#f7f4ec', focus: '#e6dcc3', line: '#7d7a72', point: '#b3261e', halo: '#ffffff' } as const;

/** A locator map as a standalone SVG file. */
export function locatorSvg(place: GeoPlace): string {
	const params = locatorParams(place);
	const { width, height } = params;
	const country = countryAt(place.lon, place.lat);
	const shapes = outlines(params, country, 2);
	const [x, y] = projectPoint(params, place.lon, place.lat);
	const c = MAP_COLOURS;
	const marker = place.approximate
		? `<circle cx="${x}" cy="${y}" r="7" fill="none" stroke="${c.halo}" stroke-width="5"/><circle cx="${x}" cy="${y}" r="7" fill="none" stroke="${c.point}" stroke-width="2.5"/>`
		: `<circle cx="${x}" cy="${y}" r="5" fill="${c.point}" stroke="${c.halo}" stroke-width="2"/>`;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" data-place="${escapeXml(place.id)}" data-projection="${escapeXml(JSON.stringify(params))}">`,
		`<rect width="${width}" height="${height}" fill="${c.sea}"/>`,
		`<path d="${shapes.land}" fill="${c.land}" stroke="${c.line}" stroke-width=".6"/>`,
		shapes.focus && `<path d="${shapes.focus}" fill="${c.focus}"/>`,
		`<path d="${shapes.borders}" fill="none" stroke="${c.line}" stroke-width=".6" stroke-dasharray="2 1.5"/>`,
		marker,
		`</svg>\n`,
	].join('');
}

/** Alternative text of a locator map. */
export function locatorAlt(place: GeoPlace): string {
	const country = countryAt(place.lon, place.lat);
	const where = country && country !== place.name ? `, in ${country}` : '';
	return `Map of the region around ${place.name}${where}, with ${place.name} marked${place.approximate ? ' at its conventional centre' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Article maps: every place an article mentions.

/** Places further than this from the middle of an article's places are listed rather than drawn. */
export const REGION_RADIUS_KM = 1100;
export const ARTICLE_MAP_WIDTH = 640;
const PAD = { x: 84, y: 30 };
/** The map never zooms closer than this many degrees of longitude across its points. */
const MIN_SPAN_DEG = 4;

const km = (a: GeoPlace, b: { lon: number; lat: number }) => geoDistance([a.lon, a.lat], [b.lon, b.lat]) * EARTH_RADIUS_KM;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Splits places into those near the middle of the group (the map) and the far ones (the list). */
export function splitByRegion(places: GeoPlace[], radiusKm = REGION_RADIUS_KM): { inside: GeoPlace[]; outside: GeoPlace[] } {
	if (places.length === 0) return { inside: [], outside: [] };
	const middle = { lon: median(places.map((p) => p.lon)), lat: median(places.map((p) => p.lat)) };
	const inside = places.filter((p) => km(p, middle) <= radiusKm);
	return { inside, outside: places.filter((p) => !inside.includes(p)) };
}

/** The frame of an article map: the inside places' extent, padded for labels. */
export function regionParams(places: GeoPlace[], width = ARTICLE_MAP_WIDTH): ProjectionParams {
	const unit = geoMercator().scale(1).translate([0, 0]);
	const xy = places.map((p) => unit([p.lon, p.lat])!);
	const xs = xy.map(([x]) => x);
	const ys = xy.map(([, y]) => y);
	const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
	let scale = (width - 2 * PAD.x) / Math.max(x1 - x0, (MIN_SPAN_DEG * Math.PI) / 180);
	const height = Math.round(Math.min(Math.max((y1 - y0) * scale + 2 * PAD.y, 0.5 * width), 1.1 * width));
	if ((y1 - y0) * scale > height - 2 * PAD.y) scale = (height - 2 * PAD.y) / (y1 - y0);
	scale = round2(scale);
	return {
		type: 'mercator',
		scale,
		translate: [round2(width / 2 - (scale * (x0 + x1)) / 2), round2(height / 2 - (scale * (y0 + y1)) / 2)],
		width,
		height,
	};
}

/** A box in user units. */
interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}
/** Area two boxes share; boxes that merely touch (up to rounding error) share none. */
function overlap(a: Box, b: Box): number {
	const x = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
	const y = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
	return x > 0.01 && y > 0.01 ? x * y : 0;
}

/** Label size estimate for the map's font (13px system-ui). */
export const LABEL = { fontSize: 13, charWidth: 7.2, height: 24 } as const;

export interface MapLabel {
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	/** The label's hit area (a box 24 units tall around the text, the WCAG 2.5.8 minimum). */
	box: Box;
}

export interface MappedPlace extends GeoPlace {
	x: number;
	y: number;
	label: MapLabel;
}

export interface FarPlace extends GeoPlace {
	/** "about 1,400 km south-east of Basra". */
	whereabouts: string;
}

export interface ContextLabel {
	name: string;
	x: number;
	y: number;
}

export interface ArticleMapModel {
	params: ProjectionParams;
	outlines: Outlines;
	places: MappedPlace[];
	outside: FarPlace[];
	/** Country names for orientation. */
	countries: ContextLabel[];
	/** The far places on a world map, when there are any. */
	world?: WorldInsetModel;
}

/**
 * Places labels next to their points without overlaps where possible: each place in turn (the
 * most mentioned first) takes the first free spot of right, left, above, below and further out.
 */
export function layoutLabels(points: { id: string; name: string; x: number; y: number }[], width: number, height: number): Map<string, MapLabel> {
	const taken: Box[] = points.map((p) => ({ x0: p.x - 5, y0: p.y - 5, x1: p.x + 5, y1: p.y + 5 }));
	const labels = new Map<string, MapLabel>();
	const h = LABEL.height;
	for (const p of points) {
		const w = p.name.length * LABEL.charWidth + 6;
		const candidates: MapLabel[] = [];
		for (const d of [0, 12, 24]) {
			const spots: [MapLabel['anchor'], number, number][] = [
				['start', p.x + 8 + d, p.y],
				['end', p.x - 8 - d, p.y],
				['middle', p.x, p.y - 14 - d],
				['middle', p.x, p.y + 14 + d],
				['start', p.x + 6 + d, p.y - 12 - d],
				['end', p.x - 6 - d, p.y - 12 - d],
				['start', p.x + 6 + d, p.y + 12 + d],
				['end', p.x - 6 - d, p.y + 12 + d],
			];
			for (const [anchor, ax, ay] of spots) {
				const x0 = anchor === 'start' ? ax - 3 : anchor === 'end' ? ax - w + 3 : ax - w / 2;
				candidates.push({ x: round1(ax), y: round1(ay + LABEL.fontSize * 0.35), anchor, box: { x0, y0: ay - h / 2, x1: x0 + w, y1: ay + h / 2 } });
			}
		}
		const cost = (l: MapLabel) => {
			const outside = l.box.x0 < 0 || l.box.y0 < 0 || l.box.x1 > width || l.box.y1 > height ? 1e6 : 0;
			return outside + taken.reduce((sum, b) => sum + overlap(b, l.box), 0);
		};
		let best = candidates[0]!;
		let bestCost = cost(best);
		for (const c of candidates) {
			const value = cost(c);
			if (value < bestCost) [best, bestCost] = [c, value];
			if (value === 0) break;
		}
		taken.push(best.box);
		labels.set(p.id, best);
	}
	return labels;
}

const DIRECTIONS = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** "about 1,400 km south-east of Basra": where a far place lies from the nearest mapped one. */
export function whereabouts(far: GeoPlace, mapped: GeoPlace[]): string {
	// A town is a better landmark than a country's conventional centre.
	const landmarks = mapped.some((p) => !p.approximate) ? mapped.filter((p) => !p.approximate) : mapped;
	const nearest = [...landmarks].sort((a, b) => km(a, far) - km(b, far))[0];
	if (!nearest) return 'far from the other places';
	const rad = Math.PI / 180;
	const [f1, f2, dl] = [nearest.lat * rad, far.lat * rad, (far.lon - nearest.lon) * rad];
	const bearing = Math.atan2(Math.sin(dl) * Math.cos(f2), Math.cos(f1) * Math.sin(f2) - Math.sin(f1) * Math.cos(f2) * Math.cos(dl)) / rad;
	const direction = DIRECTIONS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8];
	const distance = km(nearest, far);
	const rounded = Math.round(distance / (distance > 2000 ? 500 : 100)) * (distance > 2000 ? 500 : 100);
	return `about ${rounded.toLocaleString('en')} km ${direction} of ${nearest.name}`;
}

const articleMaps = new Map<string, ArticleMapModel>();

/**
 * The map of an article's places, computed once per build for a given set of places: projection,
 * outlines clipped to the frame, points, labels and the list of places too far away to draw.
 * `places` should be in order of importance (labels are placed in that order).
 */
export function articleMap(places: GeoPlace[]): ArticleMapModel {
	const key = JSON.stringify(places);
	const cached = articleMaps.get(key);
	if (cached) return cached;
	const { inside, outside } = splitByRegion(places);
	const params = regionParams(inside.length > 0 ? inside : places);
	const points = inside.map((p) => {
		const [x, y] = projectPoint(params, p.lon, p.lat);
		return { ...p, x, y };
	});
	const labels = layoutLabels(points, params.width, params.height);
	const mapped = points.map((p) => ({ ...p, label: labels.get(p.id)! }));
	const model: ArticleMapModel = {
		params,
		outlines: outlines(params),
		places: mapped,
		outside: outside.map((p) => ({ ...p, whereabouts: whereabouts(p, inside) })),
		world: outside.length > 0 ? worldInset(outside, params) : undefined,
		countries: contextLabels(params, mapped.map((p) => p.label.box).concat(mapped.map((p) => ({ x0: p.x - 6, y0: p.y - 6, x1: p.x + 6, y1: p.y + 6 })))),
	};
	articleMaps.set(key, model);
	return model;
}

/** A country that fills a good part of a map's frame: its area inside the frame and the centre of that part. */
export interface FramedCountry {
	name: string;
	/** In square user units. */
	area: number;
	x: number;
	y: number;
}

/**
 * The countries that fill at least `share` of a Mercator frame, in the atlas's order, measured on
 * their part inside it as d3 projects and clips them.
 *
 * Only a country's polygons near the frame are measured, each cut to the frame's box with a margin
 * first (as the land is), and a country whose near polygons' boxes cannot cover the share is not
 * projected at all: projecting every nearby country whole, for every article, was a fifth of the
 * CPU time of a 1,000-article build.
 */
export function framedCountries(params: ProjectionParams, share = 0.04): FramedCountry[] {
	const path = geoPath(projectionOf(params));
	const minArea = params.width * params.height * share;
	const box = frameBox(params, 0);
	const cutBox = frameBox(params);
	// A frame across the antimeridian (rare) measures every country whole.
	const acrossAntimeridian = box[0][0] > box[1][0];
	const result: FramedCountry[] = [];
	for (const country of atlas().countries) {
		const near = acrossAntimeridian ? country.pieces : country.pieces.filter((p) => mayIntersect(p.bounds, box));
		if (near.length === 0 || (!acrossAntimeridian && areaAtMost(near, params, box) < minArea * 0.999)) continue;
		const geometry: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: near
				.map((p) => (acrossAntimeridian || crossesAntimeridian(p.bounds) ? p.geometry : cutToBox(p.geometry, cutBox)))
				.filter((g): g is Polygon => g !== undefined)
				.map((g) => g.coordinates),
		};
		const area = path.area(geometry);
		if (!(area > minArea)) continue;
		const [x, y] = path.centroid(geometry);
		result.push({ name: country.properties.name, area, x, y });
	}
	return result;
}

/** Names of the countries that fill a good part of the frame, where they do not hide a label. */
function contextLabels(params: ProjectionParams, taken: Box[]): ContextLabel[] {
	const result: ContextLabel[] = [];
	for (const { name: countryName, x: cx, y: cy } of framedCountries(params)) {
		const name = countryName.toUpperCase();
		const w = name.length * 8.2;
		for (const [dx, dy] of [
			[0, 0],
			[0, -30],
			[0, 30],
			[-40, 0],
			[40, 0],
			[0, -60],
			[0, 60],
		] as const) {
			const box = { x0: cx + dx - w / 2, y0: cy + dy - 9, x1: cx + dx + w / 2, y1: cy + dy + 9 };
			if (box.x0 < 2 || box.y0 < 2 || box.x1 > params.width - 2 || box.y1 > params.height - 2) continue;
			if (taken.some((b) => overlap(b, box) > 0)) continue;
			taken.push(box);
			result.push({ name, x: round1(cx + dx), y: round1(cy + dy + 4) });
			break;
		}
	}
	return result;
}

/** True for bounds that go across the antimeridian (d3 gives them west of their east). */
const crossesAntimeridian = (bounds: Bounds) => bounds[0][0] > bounds[1][0];

/**
 * An upper bound of the area (in user units) that polygons can cover in a Mercator frame whose
 * box does not cross the antimeridian: the sum of their boxes' parts inside it (a Mercator map
 * draws a longitude/latitude box as a rectangle).
 */
function areaAtMost(pieces: Piece<Polygon>[], params: ProjectionParams, box: Bounds): number {
	const projection = geoMercator().scale(params.scale).translate(params.translate);
	let sum = 0;
	for (const { bounds } of pieces) {
		const [[west, south], [east, north]] = bounds;
		for (const [from, to] of crossesAntimeridian(bounds)
			? [
					[west, 180],
					[-180, east],
				]
			: [[west, east]]) {
			if (from! > box[1][0] || to! < box[0][0]) continue;
			const [x0, y0] = projection([Math.max(from!, box[0][0]), Math.min(north, box[1][1])])!;
			const [x1, y1] = projection([Math.min(to!, box[1][0]), Math.max(south, box[0][1])])!;
			sum += Math.max(0, Math.min(x1, params.width) - Math.max(x0, 0)) * Math.max(0, Math.min(y1, params.height) - Math.max(y0, 0));
		}
	}
	return sum;
}

/**
 * A polygon cut to a box by `clipPolygon`, with a point every degree along the cuts that follow a
 * parallel: d3 joins two points by the great circle, which bows towards the pole, and a long cut
 * through the southern margin would bow into the frame.
 */
function cutToBox(polygon: Polygon, box: Bounds): Polygon | undefined {
	const cut = clipPolygon(polygon, box);
	if (!cut) return undefined;
	const parallels = [box[0][1], box[1][1]];
	const coordinates = cut.coordinates.map((ring) => {
		const out: [number, number][] = [];
		for (let i = 0; i < ring.length; i++) {
			const [lon, lat] = ring[i] as [number, number];
			const next = ring[i + 1];
			out.push([lon, lat]);
			if (!next || next[1] !== lat || !parallels.includes(lat)) continue;
			const steps = Math.floor(Math.abs(next[0]! - lon));
			for (let k = 1; k <= steps; k++) out.push([lon + ((next[0]! - lon) * k) / (steps + 1), lat]);
		}
		return out;
	});
	return { type: 'Polygon', coordinates };
}

// ---------------------------------------------------------------------------------------------
// World inset: the places too far away for the regional map, on a small map of the world.

export const WORLD_INSET_WIDTH = 360;
/** Points of the world's outline closer than this (user units) are merged: the inset is small. */
const WORLD_TOLERANCE = 2;
/** The world inset shows the land north of this latitude. */
const SOUTHERN_LIMIT = -58;

/** The world inset's frame: the whole sphere in Natural Earth projection. */
export function worldParams(width = WORLD_INSET_WIDTH): ProjectionParams {
	const fitted = geoNaturalEarth1().fitWidth(width, { type: 'Sphere' });
	const [tx, ty] = fitted.translate();
	// The frame ends below the southern tip of South America (Antarctica is not drawn).
	const [, bottom] = fitted([0, SOUTHERN_LIMIT])!;
	return { type: 'natural-earth', scale: round2(fitted.scale()), translate: [round2(tx), round2(ty)], width, height: Math.ceil(bottom) + 4 };
}

export interface WorldInsetModel {
	params: ProjectionParams;
	/** Land, from Natural Earth 1:110m. */
	land: string;
	/** The outline of the regional map's frame. */
	region: string;
	places: MappedPlace[];
}

let worldLand: string | undefined;

/**
 * A small world map with the far places of an article and the frame of its regional map, so that
 * every place the article mentions is drawn somewhere.
 */
export function worldInset(far: GeoPlace[], region: ProjectionParams): WorldInsetModel {
	const params = worldParams();
	const projection = projectionOf(params);
	if (worldLand === undefined) {
		const topology = land110m as unknown as Topology<{ land: GeometryCollection }>;
		const path = geoPath({ stream: (out: GeoStream) => projection.stream(thinned(out, WORLD_TOLERANCE)) }).digits(0);
		const land = feature(topology, topology.objects.land) as FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>;
		// Antarctica is left out: no news place is there, and its outline would double the bytes.
		const inhabited: Bounds = [
			[-180, SOUTHERN_LIMIT],
			[180, 90],
		];
		const polygons = ('features' in land ? land.features.map((f) => f.geometry) : [land.geometry])
			.flatMap((g): Polygon[] => (g.type === 'Polygon' ? [g] : g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }))))
			.map((polygon) => clipPolygon(polygon, inhabited))
			.filter((polygon): polygon is Polygon => polygon !== undefined);
		worldLand = compact(path({ type: 'GeometryCollection', geometries: polygons }) ?? '');
	}
	const [[west, south], [east, north]] = frameBox(region, 0);
	const edge: [number, number][] = [];
	for (let i = 0; i <= 8; i++) edge.push([west + ((east - west) * i) / 8, north]);
	for (let i = 0; i <= 8; i++) edge.push([east, north - ((north - south) * i) / 8]);
	for (let i = 0; i <= 8; i++) edge.push([east - ((east - west) * i) / 8, south]);
	for (let i = 0; i <= 8; i++) edge.push([west, south + ((north - south) * i) / 8]);
	const region2d = edge.map(([lon, lat]) => projectPoint(params, lon, lat));
	const points = far.map((p) => {
		const [x, y] = projectPoint(params, p.lon, p.lat);
		return { ...p, x, y };
	});
	const labels = layoutLabels(points, params.width, params.height);
	return {
		params,
		land: worldLand,
		region: `M${region2d.map(([x, y]) => `${x},${y}`).join('L')}Z`,
		places: points.map((p) => ({ ...p, label: labels.get(p.id)! })),
	};
}

// ---------------------------------------------------------------------------------------------
// Outlines as image files: an article page draws its maps' points and labels inline (they are
// links that open cards) over an `<img>` of the outlines, loaded lazily with fixed dimensions, so
// the page's first load does not carry coastlines.

/** Colours of the article maps' outlines, light and dark (the same as `--map-*` in src/styles/maps.css). */
const OUTLINE_STYLE = [
	'.sea{fill:#dce7f2}.land{fill:#f7f4ec;stroke:#8a867c;stroke-width:.8}.world .land{stroke-width:.4}',
	'.borders{fill:none;stroke:#8a867c;stroke-width:.8;stroke-dasharray:3 2}',
	'.country{fill:#6b675f;font:11px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:.12em}',
	'@media (prefers-color-scheme:dark){.sea{fill:#1b2633}.land{fill:#2a2b2c;stroke:#7c7a75}.borders{stroke:#7c7a75}.country{fill:#a9a59c}}',
].join('');

/** The sea, land, borders and country names of an article's regional map, as an SVG file. */
export function articleOutlinesSvg(model: Pick<ArticleMapModel, 'params' | 'outlines' | 'countries'>): string {
	const { width, height } = model.params;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" data-projection="${escapeXml(JSON.stringify(model.params))}">`,
		`<style>${OUTLINE_STYLE}</style>`,
		`<rect class="sea" width="${width}" height="${height}"/>`,
		`<path class="land" d="${model.outlines.land}"/>`,
		`<path class="borders" d="${model.outlines.borders}"/>`,
		...model.countries.map((c) => `<text class="country" x="${c.x}" y="${c.y}" text-anchor="middle">${escapeXml(c.name)}</text>`),
		`</svg>\n`,
	].join('');
}

/** The land of the world inset, the same for every article: one file the browser caches. */
export function worldOutlinesSvg(): string {
	const inset = worldInset([], worldParams());
	const { width, height } = inset.params;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" class="world" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" data-projection="${escapeXml(JSON.stringify(inset.params))}">`,
		`<style>${OUTLINE_STYLE}</style>`,
		`<rect class="sea" width="${width}" height="${height}"/>`,
		`<path class="land" d="${inset.land}"/>`,
		`</svg>\n`,
	].join('');
}
