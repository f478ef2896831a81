/**
 * Maps and open data (issue 9), on the seed article built under /reader/: the article's map puts
 * every place at its coordinates, place cards and entry pages carry their locator maps, and the
 * /data/ files are produced, linked from the article and valid Web Annotations.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { geoMercator, geoNaturalEarth1 } from 'd3-geo';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_URL, seedSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, readPage, withoutIgnored } from '../helpers/html.ts';
import { locatorParams, regionParams, splitByRegion, worldParams, type GeoPlace, type ProjectionParams } from '../../src/lib/maps.ts';

const BASE = '/reader/';
const SLUG = 'kurds-seize-jalula-to-attack-isis';
const ARTICLE_PAGE = `articles/${SLUG}/index.html`;
/** The seed builds are made for `SITE_URL`, as a host's would be. */
const ORIGIN = SITE_URL;
const NAMED_IN_ISSUE = ['jalula', 'baquba', 'rawah', 'qaim', 'baghdad', 'mosul', 'kirkuk', 'hawija', 'baiji', 'basra'];
const FAR_AWAY = ['dubai', 'germany', 'united-states'];

interface GlossaryFile {
	id: string;
	name: string;
	type: string;
	coordinates?: { lat: number; lon: number; approximate?: boolean };
}

/** The glossary read straight from content/, not through the site's code. */
function readGlossary(dir = 'content/glossary'): Map<string, GlossaryFile> {
	const entries = new Map<string, GlossaryFile>();
	for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
		if (!file.endsWith('.md')) continue;
		const source = fs.readFileSync(path.join(dir, file), 'utf8');
		const front = parseYaml(source.split(/^---$/m)[1]!) as Omit<GlossaryFile, 'id'>;
		entries.set(path.basename(file, '.md'), { id: path.basename(file, '.md'), ...front });
	}
	return entries;
}

const attr = (el: Element, name: string) => {
	const value = el.properties[name];
	return Array.isArray(value) ? value.join(' ') : value === undefined ? undefined : String(value);
};
const isMark = (el: Element) => typeof el.properties.dataEntity === 'string';

let site: SiteBuild;
let glossary: Map<string, GlossaryFile>;
let page: Root;
let html: string;
/** The article's words as a reader sees them: the body, without interface text. */
let bodyText: string;
let bodyMarks: Element[];

beforeAll(async () => {
	site = await seedSite(BASE);
	glossary = readGlossary();
	html = fs.readFileSync(path.join(site.dir, ARTICLE_PAGE), 'utf8');
	page = fromHtml(html);
	const body = findAll(page, (el) => attr(el, 'className')?.split(' ').includes('article-body') ?? false)[0]!;
	const words = withoutIgnored(body);
	bodyText = toText(words);
	bodyMarks = findAll(words, isMark);
});

describe('the article map', () => {
	let svg: Element;
	let points: Map<string, { x: number; y: number; link: Element }>;
	let mentionedPlaces: string[];

	beforeAll(() => {
		const maps = findAll(page, (el) => el.tagName === 'svg' && attr(el, 'className') === 'map');
		expect(maps).toHaveLength(1);
		svg = maps[0]!;
		points = new Map(
			findAll(svg, (el) => el.tagName === 'a' && isMark(el)).map((link) => {
				const circle = findAll(link, (el) => el.tagName === 'circle')[0]!;
				return [String(link.properties.dataEntity), { x: Number(circle.properties.cx), y: Number(circle.properties.cy), link }];
			}),
		);
		mentionedPlaces = [...new Set(bodyMarks.map((m) => String(m.properties.dataEntity)))].filter((id) => glossary.get(id)?.type === 'place');
	});

	it('draws every place the article mentions near the others, and lists the far ones as outside the map', () => {
		expect(mentionedPlaces.length).toBeGreaterThanOrEqual(15);
		for (const id of NAMED_IN_ISSUE) expect(points.has(id), id).toBe(true);
		expect(new Set(points.keys())).toEqual(new Set(mentionedPlaces.filter((id) => !FAR_AWAY.includes(id))));
		const list = findAll(page, (el) => el.tagName === 'ul' && attr(el, 'className') === 'places-list')[0]!;
		const items = findAll(list, (el) => el.tagName === 'li');
		expect(items).toHaveLength(mentionedPlaces.length);
		for (const id of mentionedPlaces) {
			const item = items.find((li) => findAll(li, (a) => a.tagName === 'a' && a.properties.href === `${BASE}glossary/${id}/`).length === 1);
			expect(item, id).toBeDefined();
			expect(toText(item!).includes('outside the regional map'), id).toBe(FAR_AWAY.includes(id));
		}
	});

	it('puts each point where the glossary coordinates project, within 1 px', () => {
		const inside: GeoPlace[] = [...points.keys()].map((id) => {
			const { name, coordinates } = glossary.get(id)!;
			return { id, name, lat: coordinates!.lat, lon: coordinates!.lon, approximate: coordinates!.approximate ?? false };
		});
		// The module's parameters for these coordinates are the ones the SVG was drawn with.
		const params = regionParams(inside);
		expect(JSON.parse(attr(svg, 'dataProjection')!)).toEqual(params);
		expect(attr(svg, 'viewBox')).toBe(`0 0 ${params.width} ${params.height}`);
		// Re-project independently with d3's Mercator and those parameters.
		const projection = geoMercator().scale(params.scale).translate(params.translate);
		for (const place of inside) {
			const [x, y] = projection([place.lon, place.lat])!;
			const point = points.get(place.id)!;
			expect(Math.abs(point.x - x), `${place.id} x`).toBeLessThanOrEqual(1);
			expect(Math.abs(point.y - y), `${place.id} y`).toBeLessThanOrEqual(1);
			expect(point.x).toBeGreaterThan(0);
			expect(point.x).toBeLessThan(params.width);
			expect(point.y).toBeGreaterThan(0);
			expect(point.y).toBeLessThan(params.height);
		}
		// And without the module at all: on a Mercator map x grows linearly with longitude and y
		// with ln tan(π/4 + φ/2), at the same rate. Fit the rate on two places, check all the others.
		const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
		const rad = (deg: number) => (deg * Math.PI) / 180;
		const [a, b] = [inside.find((p) => p.id === 'qaim')!, inside.find((p) => p.id === 'basra')!];
		const pa = points.get(a.id)!;
		const pb = points.get(b.id)!;
		const k = (pb.x - pa.x) / rad(b.lon - a.lon);
		for (const place of inside) {
			const point = points.get(place.id)!;
			expect(Math.abs(pa.x + k * rad(place.lon - a.lon) - point.x), `${place.id} x by longitude`).toBeLessThanOrEqual(1);
			expect(Math.abs(pa.y - k * (mercY(place.lat) - mercY(a.lat)) - point.y), `${place.id} y by latitude`).toBeLessThanOrEqual(1);
		}
		// Sanity on the geography: Mosul north of Baghdad, Basra south-east of it, Qaim west.
		const at = (id: string) => points.get(id)!;
		expect(at('mosul').y).toBeLessThan(at('baghdad').y);
		expect(at('basra').y).toBeGreaterThan(at('baghdad').y);
		expect(at('basra').x).toBeGreaterThan(at('baghdad').x);
		expect(at('qaim').x).toBeLessThan(at('rawah').x);
		// The module agrees on which places are far away.
		const all = mentionedPlaces.map((id) => ({ id, name: id, ...glossary.get(id)!.coordinates!, approximate: false }));
		expect(new Set(splitByRegion(all).outside.map((p) => p.id))).toEqual(new Set(FAR_AWAY));
	});

	it('draws the far places on a world map, each where its coordinates project, within 1 px', () => {
		const worlds = findAll(page, (el) => el.tagName === 'svg' && attr(el, 'className') === 'world-map');
		expect(worlds).toHaveLength(1);
		const world = worlds[0]!;
		const params = JSON.parse(attr(world, 'dataProjection')!) as ProjectionParams;
		expect(params).toEqual(worldParams());
		const projection = geoNaturalEarth1().scale(params.scale).translate(params.translate);
		const drawn = findAll(world, (el) => el.tagName === 'a' && isMark(el));
		expect(drawn.map((a) => String(a.properties.dataEntity)).sort()).toEqual([...FAR_AWAY].sort());
		for (const link of drawn) {
			const id = String(link.properties.dataEntity);
			const { lat, lon } = glossary.get(id)!.coordinates!;
			const [x, y] = projection([lon, lat])!;
			const circle = findAll(link, (el) => el.tagName === 'circle')[0]!;
			expect(Math.abs(Number(circle.properties.cx) - x), `${id} x`).toBeLessThanOrEqual(1);
			expect(Math.abs(Number(circle.properties.cy) - y), `${id} y`).toBeLessThanOrEqual(1);
			expect(link.properties.href).toBe(`${BASE}glossary/${id}/`);
		}
		// Washington is west of Berlin, which is north-west of Dubai.
		const at = (id: string) =>
			findAll(
				drawn.find((a) => a.properties.dataEntity === id)!,
				(el) => el.tagName === 'circle',
			)[0]!.properties;
		expect(Number(at('united-states').cx)).toBeLessThan(Number(at('germany').cx));
		expect(Number(at('germany').cy)).toBeLessThan(Number(at('dubai').cy));
	});

	it('makes each point a marked name that opens the place card, with its name as the link text', () => {
		for (const [id, { link }] of points) {
			expect(link.properties.href).toBe(`${BASE}glossary/${id}/`);
			// The name's description is the card's text, as for the names in the article.
			const describedBy = String(link.properties.ariaDescribedBy);
			const cards = findAll(page, (el) => el.properties.dataCardContent === id);
			expect(cards, id).toHaveLength(1);
			expect(
				findAll(cards[0]!, (el) => el.properties.id === describedBy),
				id,
			).toHaveLength(1);
			const inText = bodyMarks.find((m) => m.properties.dataEntity === id);
			if (inText) expect(inText.properties.ariaDescribedBy).toEqual(link.properties.ariaDescribedBy);
			expect(toText(link).trim()).toBe(glossary.get(id)!.name);
		}
	});

	it('draws the outlines under the points as lazily loaded images of fixed size, in the same frames', () => {
		const images = findAll(page, (el) => el.tagName === 'img' && attr(el, 'className') === 'map-outlines');
		const svgs = findAll(page, (el) => el.tagName === 'svg' && ['map', 'world-map'].includes(attr(el, 'className') ?? ''));
		expect(images).toHaveLength(2);
		expect(images.map((img) => img.properties.src)).toEqual([`${BASE}maps/articles/${SLUG}.svg`, `${BASE}maps/world.svg`]);
		images.forEach((img, i) => {
			const params = JSON.parse(attr(svgs[i]!, 'dataProjection')!) as ProjectionParams;
			expect(img.properties.loading).toBe('lazy');
			expect(img.properties.alt).toBe('');
			expect([Number(img.properties.width), Number(img.properties.height)]).toEqual([params.width, params.height]);
			const file = fs.readFileSync(path.join(site.dir, String(img.properties.src).slice(BASE.length)), 'utf8');
			const root = findAll(fromHtml(file, { space: 'svg', fragment: true }), (el) => el.tagName === 'svg')[0]!;
			expect(JSON.parse(String(root.properties.dataProjection))).toEqual(params);
			expect(findAll(root, (el) => el.tagName === 'path').length).toBeGreaterThanOrEqual(1);
			expect(file).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
		});
		// No coastline is in the page itself.
		expect(findAll(svg, (el) => el.tagName === 'path')).toEqual([]);
	});

	it('is a figure with a caption, outside the search index', () => {
		const section = findAll(page, (el) => attr(el, 'className') === 'article-map')[0]!;
		expect(section.properties.dataPagefindIgnore).toBeDefined();
		const figure = findAll(section, (el) => el.tagName === 'figure')[0]!;
		expect(findAll(figure, (el) => el.tagName === 'figcaption')).toHaveLength(1);
		expect(attr(svg, 'ariaLabel')).toMatch(/^Map of \d+ places/);
	});

	it('stays small: the map under 10 KB and the page with its CSS and JS under 60 KB, gzipped', () => {
		const section = html.match(/<section class="article-map"[\s\S]*?<\/section>/)![0];
		const gz = (data: string | Buffer) => zlib.gzipSync(data, { level: 9 }).length;
		expect(gz(section)).toBeLessThan(10 * 1024);
		let total = gz(html);
		for (const [, asset] of html.matchAll(/(?:href|src)="([^"]+\.(?:css|js))"/g)) {
			total += gz(fs.readFileSync(path.join(site.dir, asset!.slice(BASE.length))));
		}
		expect(total).toBeLessThan(60 * 1024);
	});
});

describe('locator maps', () => {
	const places = () => [...glossary.values()].filter((e) => e.type === 'place');

	function checkLocator(img: Element, entry: GlossaryFile) {
		expect(img.properties.src).toBe(`${BASE}maps/places/${entry.id}.svg`);
		expect(String(img.properties.alt)).toContain(entry.name);
		const svg = fs.readFileSync(path.join(site.dir, String(img.properties.src).slice(BASE.length)), 'utf8');
		const tree = fromHtml(svg, { space: 'svg', fragment: true });
		const root = findAll(tree, (el) => el.tagName === 'svg')[0]!;
		const params = JSON.parse(String(root.properties.dataProjection)) as ProjectionParams;
		const { lat, lon, approximate = false } = entry.coordinates!;
		expect(params).toEqual(locatorParams({ lat, lon, approximate }));
		const [x, y] = geoMercator().scale(params.scale).translate(params.translate)([lon, lat])!;
		// The point is in the middle of its locator.
		expect(Math.abs(x - params.width / 2)).toBeLessThanOrEqual(1);
		expect(Math.abs(y - params.height / 2)).toBeLessThanOrEqual(1);
		const circle = findAll(root, (el) => el.tagName === 'circle')[0]!;
		expect(Math.abs(Number(circle.properties.cx) - x)).toBeLessThanOrEqual(1);
		expect(Math.abs(Number(circle.properties.cy) - y)).toBeLessThanOrEqual(1);
		// Outlines are drawn, and small.
		const paths = findAll(root, (el) => el.tagName === 'path');
		expect(paths.length).toBeGreaterThanOrEqual(2);
		expect(zlib.gzipSync(svg).length).toBeLessThan(6 * 1024);
		expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
	}

	it('are in the card of every place on the article page, and in no other card', () => {
		const cards = findAll(page, (el) => typeof el.properties.dataCardContent === 'string');
		let placeCards = 0;
		for (const card of cards) {
			const entry = glossary.get(String(card.properties.dataCardContent))!;
			const imgs = findAll(card, (el) => el.tagName === 'img' && el.properties.dataLocator !== undefined);
			if (entry.type !== 'place') {
				expect(imgs, entry.id).toHaveLength(0);
				continue;
			}
			placeCards++;
			expect(imgs, entry.id).toHaveLength(1);
			checkLocator(imgs[0]!, entry);
		}
		expect(placeCards).toBeGreaterThanOrEqual(15);
	});

	it('are on the entry page of every place', () => {
		for (const entry of places()) {
			const tree = readPage(site.dir, `glossary/${entry.id}/index.html`);
			const imgs = findAll(tree, (el) => el.tagName === 'img' && el.properties.dataLocator === entry.id);
			expect(imgs, entry.id).toHaveLength(1);
			checkLocator(imgs[0]!, entry);
		}
		const person = readPage(site.dir, 'glossary/nouri-al-maliki/index.html');
		expect(findAll(person, (el) => el.tagName === 'img' && el.properties.dataLocator !== undefined)).toHaveLength(0);
	});
});

describe('open data', () => {
	const read = (file: string) => JSON.parse(fs.readFileSync(path.join(site.dir, file), 'utf8'));
	const codePoints = (s: string) => [...s];

	it('links the data files from the article page, under the base path', () => {
		const links = findAll(page, (el) => el.tagName === 'a' && /\/data\//.test(String(el.properties.href)));
		const hrefs = links.map((a) => String(a.properties.href));
		expect(hrefs).toEqual(
			expect.arrayContaining([`${BASE}data/glossary.json`, `${BASE}data/articles/${SLUG}.json`, `${BASE}data/articles/${SLUG}.annotations.jsonld`, `${BASE}data/articles/${SLUG}.schema.jsonld`]),
		);
		for (const href of hrefs) expect(fs.existsSync(path.join(site.dir, href.slice(BASE.length))), href).toBe(true);
	});

	it('publishes every glossary entry', () => {
		const data = read('data/glossary.json');
		expect(data.entries).toHaveLength(glossary.size);
		expect(data.count).toBe(glossary.size);
		for (const entry of data.entries) {
			const source = glossary.get(entry.id)!;
			expect(entry.name).toBe(source.name);
			expect(entry.type).toBe(source.type);
			expect(entry.url).toBe(`${ORIGIN}${BASE}glossary/${entry.id}/`);
			expect(entry.file).toBeUndefined();
			if (source.type === 'place') expect(entry.coordinates).toMatchObject({ lat: source.coordinates!.lat, lon: source.coordinates!.lon });
		}
		const baghdad = data.entries.find((e: { id: string }) => e.id === 'baghdad');
		// The long note, as Markdown, from the entry's file.
		const maliki = data.entries.find((e: { id: string }) => e.id === 'nouri-al-maliki');
		expect(maliki.note.length).toBeGreaterThan(40);
		expect(fs.readFileSync(path.resolve('content/glossary/people/nouri-al-maliki.md'), 'utf8')).toContain(maliki.note.split('\n')[0]);

		expect(baghdad.mentions).toEqual([{ article: `${ORIGIN}${BASE}articles/${SLUG}/`, count: expect.any(Number) }]);
		expect(baghdad.mentions[0].count).toBeGreaterThan(3);
	});

	it('gives the offsets of every mark and quoted block in the article text', () => {
		const data = read(`data/articles/${SLUG}.json`);
		// The text is the article's words as the page shows them, without interface text.
		expect(data.text.value).toBe(bodyText);
		expect(data.text.length).toBe(codePoints(bodyText).length);
		const chars = codePoints(data.text.value);
		// One entry per mark in the article's words, in order, each slicing to the mark's own text.
		expect(data.marks.map((m: { entity: string }) => m.entity)).toEqual(bodyMarks.map((m) => String(m.properties.dataEntity)));
		expect(data.marks.length).toBeGreaterThan(150);
		data.marks.forEach((mark: { start: number; end: number; exact: string; entity: string }, i: number) => {
			expect(mark.end).toBeGreaterThan(mark.start);
			expect(chars.slice(mark.start, mark.end).join('')).toBe(mark.exact);
			expect(mark.exact).toBe(toText(bodyMarks[i]!).trim());
			if (i > 0) expect(mark.start).toBeGreaterThanOrEqual(data.marks[i - 1].end);
		});
		const figures = findAll(page, (el) => el.tagName === 'figure' && el.properties.dataOutlet !== undefined);
		expect(data.quotes.map((q: { id: string }) => q.id)).toEqual(figures.map((f) => String(f.properties.id)));
		expect(data.quotes).toHaveLength(6);
		data.quotes.forEach((quote: { start: number; end: number; exact: string; outlet: string }, i: number) => {
			const blockquote = findAll(withoutIgnored(figures[i]!), (el) => el.tagName === 'blockquote')[0]!;
			expect(quote.outlet).toBe(String(figures[i]!.properties.dataOutlet));
			expect(chars.slice(quote.start, quote.end).join('')).toBe(quote.exact);
			expect(quote.exact).toBe(toText(blockquote).trim());
		});
	});

	it('publishes the annotations as valid W3C Web Annotations', () => {
		const collection = read(`data/articles/${SLUG}.annotations.jsonld`);
		const articleUrl = `${ORIGIN}${BASE}articles/${SLUG}/`;
		const text = bodyText;
		const chars = codePoints(text);
		const iri = /^https?:\/\/[^\s]+$/;
		expect([collection['@context']].flat()).toContain('http://www.w3.org/ns/anno.jsonld');
		expect(collection.id).toMatch(iri);
		expect(collection.type).toBe('AnnotationCollection');
		const page1 = collection.first;
		expect(page1.type).toBe('AnnotationPage');
		expect(page1.id).toMatch(iri);
		expect(page1.partOf).toBe(collection.id);
		const items = page1.items;
		expect(collection.total).toBe(items.length);
		const offsets = read(`data/articles/${SLUG}.json`);
		expect(items).toHaveLength(offsets.marks.length + offsets.quotes.length);
		const ids = new Set<string>();
		for (const annotation of items) {
			expect(annotation.id).toMatch(iri);
			expect(ids.has(annotation.id)).toBe(false);
			ids.add(annotation.id);
			expect(annotation.type).toBe('Annotation');
			expect(['identifying', 'describing', 'linking']).toContain(annotation.motivation);
			const bodies = [annotation.body].flat();
			expect(bodies.length).toBeGreaterThan(0);
			for (const body of bodies) {
				if (body.type === 'TextualBody') expect(body.value.length).toBeGreaterThan(0);
				else {
					expect(body.id).toMatch(new RegExp(`^${ORIGIN}${BASE}glossary/[a-z0-9-]+/$`));
					expect(fs.existsSync(path.join(site.dir, body.id.slice(ORIGIN.length + BASE.length), 'index.html'))).toBe(true);
				}
			}
			const { target } = annotation;
			expect(target.source).toBe(articleUrl);
			const selectors = [target.selector].flat();
			const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
			const position = selectors.find((s) => s.type === 'TextPositionSelector');
			for (const s of selectors) expect(['TextQuoteSelector', 'TextPositionSelector']).toContain(s.type);
			expect(quote).toBeDefined();
			expect(typeof quote.exact).toBe('string');
			expect(quote.exact.length).toBeGreaterThan(0);
			const whole = `${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`;
			const first = text.indexOf(whole);
			expect(first, quote.exact).toBeGreaterThanOrEqual(0);
			expect(text.indexOf(whole, first + 1), `${quote.exact} is ambiguous`).toBe(-1);
			// The position selector points at the same words (offsets in code points).
			expect(Number.isInteger(position.start) && Number.isInteger(position.end)).toBe(true);
			expect(chars.slice(position.start, position.end).join('')).toBe(quote.exact);
			expect(codePoints(text.slice(0, first)).length + codePoints(quote.prefix ?? '').length).toBe(position.start);
		}
		expect(items.filter((a: { motivation: string }) => a.motivation === 'describing')).toHaveLength(6);
	});
});
