/**
 * The article maps' country names: which countries fill a good part of a frame, and the centre of
 * their part inside it. The build measures only each country's polygons near the frame, cut to the
 * frame's box; these tests check that it finds what projecting every country whole finds (d3's own
 * measure), on frames where a shortcut could go wrong: wide frames far from the equator (a cut
 * along a parallel bows towards the pole), a country across the antimeridian, islands.
 */
import { describe, expect, it } from 'vitest';
import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import atlas50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import { framedCountries, projectionOf, regionParams, type GeoPlace, type ProjectionParams } from '../../src/lib/maps.ts';

const topology = atlas50m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = (feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>).features;

/** Every country projected whole, clipped to the frame by d3: the measure the build must match. */
function wholeCountries(params: ProjectionParams, share = 0.04) {
	const path = geoPath(projectionOf(params));
	return countries
		.map((country: Feature<Geometry, { name: string }>) => ({ name: country.properties.name, area: path.area(country), centre: path.centroid(country) }))
		.filter((c) => c.area > params.width * params.height * share);
}

const place = (name: string, lat: number, lon: number): GeoPlace => ({ id: name.toLowerCase(), name, lat, lon, approximate: false });

const frames: [string, GeoPlace[]][] = [
	['Iraq', [place('Baghdad', 33.31, 44.37), place('Mosul', 36.34, 43.13), place('Basra', 30.51, 47.81)]],
	['the Levant, a narrow frame', [place('Damascus', 33.51, 36.29), place('Beirut', 33.89, 35.5)]],
	['the far north, wide', [place('Oslo', 59.91, 10.75), place('Tromso', 69.65, 18.96), place('Murmansk', 68.97, 33.08), place('Arkhangelsk', 64.54, 40.54), place('Helsinki', 60.17, 24.94)]],
	['the Canadian Arctic, wide', [place('Inuvik', 68.36, -133.72), place('Cambridge Bay', 69.12, -105.06), place('Iqaluit', 63.75, -68.52)]],
	['Mongolia, with China across the southern edge', [place('Ulaanbaatar', 47.92, 106.92), place('Hovd', 48.0, 91.64), place('Choibalsan', 48.07, 114.5)]],
	['the south of South America, wide', [place('Santiago', -33.45, -70.67), place('Buenos Aires', -34.6, -58.38), place('Montevideo', -34.9, -56.16), place('Puerto Montt', -41.47, -72.94)]],
	['Kamchatka and Chukotka, a frame across the antimeridian', [place('Petropavlovsk', 53.02, 158.65), place('Anadyr', 64.73, 177.51)]],
	['islands by the equator', [place('Jakarta', -6.2, 106.85), place('Singapore', 1.35, 103.82), place('Pontianak', -0.03, 109.33)]],
];

describe('framedCountries', () => {
	it.each(frames)('finds the countries that fill the frame of %s, with the area and centre of their part in it', (_, places) => {
		const params = regionParams(places);
		const expected = wholeCountries(params);
		const found = framedCountries(params);
		expect(expected.length).toBeGreaterThan(0);
		expect(found.map((c) => c.name)).toEqual(expected.map((c) => c.name));
		found.forEach((country, i) => {
			const whole = expected[i]!;
			expect(Math.abs(country.area - whole.area) / whole.area).toBeLessThan(1e-9);
			expect(country.x).toBeCloseTo(whole.centre[0], 6);
			expect(country.y).toBeCloseTo(whole.centre[1], 6);
		});
	});

	it('leaves out a country whose part in the frame is under the share asked for', () => {
		const params = regionParams(frames[0]![1]);
		const all = wholeCountries(params, 0.001);
		const some = framedCountries(params, 0.2);
		expect(some.length).toBeGreaterThan(0);
		expect(some.length).toBeLessThan(all.length);
		expect(framedCountries(params, 0.001).map((c) => c.name)).toEqual(all.map((c) => c.name));
	});
});
