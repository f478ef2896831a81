/**
 * Quoted blocks in the built seed site (under /reader/): captions with outlet and provenance, the
 * Sources section, the byline's publishers and the outlet pages' lists of quoted blocks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, indexedText, readPage } from '../helpers/html.ts';

const BASE = '/reader/';
const SLUG = 'kurds-seize-jalula-to-attack-isis';
const ARTICLE = `articles/${SLUG}/index.html`;
/** The seed article's quoted blocks, in reading order, and the outlet of each. */
const QUOTES: [id: string, outlet: string, name: string][] = [
	['quote-rawah', 'associated-press', 'Associated Press'],
	['quote-qaim', 'associated-press', 'Associated Press'],
	['quote-parade', 'agence-france-presse', 'Agence France-Presse'],
	['quote-sermon', 'sky-news', 'Sky News'],
	['quote-successors', 'associated-press', 'Associated Press'],
	['quote-naqshbandia', 'new-york-times', 'The New York Times'],
];

let site: SiteBuild;
let article: Root;
beforeAll(async () => {
	site = await seedSite(BASE);
	article = readPage(site.dir, ARTICLE);
});

const byId = (tree: Root | Element, id: string) => findAll(tree, (el) => el.properties.id === id)[0];
const byClass = (tree: Root | Element, name: string) => findAll(tree, (el) => Array.isArray(el.properties.className) && el.properties.className.includes(name));
const caption = (figure: Element) => findAll(figure, (el) => el.tagName === 'figcaption')[0]!;

describe('quoted blocks of the seed article', () => {
	it('are six figures, each naming its outlet as a marked name with a card', () => {
		const figures = findAll(article, (el) => el.tagName === 'figure' && el.properties.dataOutlet !== undefined);
		expect(figures.map((f) => [f.properties.id, f.properties.dataOutlet])).toEqual(QUOTES.map(([id, outlet]) => [id, outlet]));
		for (const [id, outlet, name] of QUOTES) {
			const figure = byId(article, id)!;
			expect(findAll(figure, (el) => el.tagName === 'blockquote')).toHaveLength(1);
			const names = findAll(caption(figure), (el) => el.tagName === 'a' && el.properties.dataEntity === outlet);
			expect(names, id).toHaveLength(1);
			expect(toText(names[0]!)).toBe(name);
			expect(names[0]!.properties.href).toBe(`${BASE}glossary/${outlet}/`);
			// Described by the role and summary inside the outlet's card.
			const card = findAll(article, (el) => el.properties.dataCardContent === outlet)[0]!;
			expect(byId(card, String(names[0]!.properties.ariaDescribedBy))).toBeDefined();
		}
	});

	it('show the syndication path, the date and the link to the original (also as the blockquote’s cite)', () => {
		expect(toText(caption(byId(article, 'quote-rawah')!))).toContain('Associated Press, as carried by India TV News, 21 June 2014');
		expect(toText(caption(byId(article, 'quote-qaim')!))).toContain('Associated Press, as carried by Zee News');
		const nyt = byId(article, 'quote-naqshbandia')!;
		const url = 'https://www.nytimes.com/2014/06/22/world/middleeast/iraq.html';
		expect(findAll(nyt, (el) => el.tagName === 'blockquote')[0]!.properties.cite).toBe(url);
		expect(findAll(caption(nyt), (el) => el.tagName === 'a' && el.properties.href === url)).toHaveLength(1);
		expect(findAll(byId(article, 'quote-sermon')!, (el) => el.tagName === 'blockquote')[0]!.properties.cite).toBeUndefined();
	});

	it('state the evidence in one phrase with a confidence, the full account in a disclosure', () => {
		const summary = (id: string) => toText(findAll(byId(article, id)!, (el) => el.tagName === 'summary')[0]!);
		expect(summary('quote-qaim')).toBe('Identified by the editors: same wording as an AP wire story of 21 June 2014 · high confidence');
		expect(summary('quote-sermon')).toMatch(/^Identified by the editors: .+ · medium confidence$/);
		expect(summary('quote-naqshbandia')).toBe('Named in the article · high confidence');
		for (const [id] of QUOTES) {
			const details = findAll(caption(byId(article, id)!), (el) => el.tagName === 'details');
			expect(details, id).toHaveLength(1);
			expect(details[0]!.properties.open, id).toBeUndefined();
			expect(toText(findAll(details[0]!, (el) => el.tagName === 'p')[0]!).length, id).toBeGreaterThan(40);
		}
	});

	it('name each figure apart from its caption, so screen readers do not read the caption twice', () => {
		QUOTES.forEach(([id], i) => {
			const figure = byId(article, id)!;
			expect(figure.properties.ariaLabel).toBe(`Quoted block ${i + 1}`);
			expect(figure.properties.ariaLabelledBy).toBeUndefined();
		});
	});

	it('keep captions out of the indexed text but the quoted words in it', () => {
		for (const [id] of QUOTES) expect(caption(byId(article, id)!).properties.dataPagefindIgnore).toBeDefined();
		const text = indexedText(article);
		expect(text).toContain('Sunni militants have seized an Iraqi crossing on the border with Syria');
		for (const phrase of ['Identified by the editors', 'as carried by', 'high confidence', 'Quoted block', 'Republished the copy']) {
			expect(text).not.toContain(phrase);
		}
	});
});

describe('the Sources section', () => {
	const section = () => findAll(article, (el) => el.tagName === 'section' && String(el.properties.ariaLabelledBy) === 'sources-title')[0]!;

	it('lists every outlet the article quotes or cites, including its publisher and republisher', () => {
		const items = byClass(section(), 'source');
		expect(items.map((li) => li.properties.dataSource)).toEqual(['abc-news', 'agence-france-presse', 'associated-press', 'bbc', 'hot-air', 'mesop', 'sky-news', 'new-york-times']);
		const text = (outlet: string) => toText(items.find((li) => li.properties.dataSource === outlet)!);
		expect(text('hot-air')).toContain('Published this article');
		expect(text('mesop')).toContain('Republished the copy shown here');
		expect(text('abc-news')).toContain('Named in the text: “ABC reports');
		expect(text('bbc')).toContain('BBC camera crew');
	});

	it('links to each quoted block once, under its outlet, and every link lands on an element of the page', () => {
		const links = findAll(section(), (el) => el.tagName === 'a' && String(el.properties.href).startsWith('#'));
		const quoteLinks = links.filter((a) => String(a.properties.href).startsWith('#quote-'));
		expect(quoteLinks.map((a) => a.properties.href).sort()).toEqual(QUOTES.map(([id]) => `#${id}`).sort());
		for (const [id, outlet] of QUOTES) {
			const item = byClass(section(), 'source').find((li) => li.properties.dataSource === outlet)!;
			expect(
				findAll(item, (el) => el.properties.href === `#${id}`),
				id,
			).toHaveLength(1);
		}
		for (const link of links) expect(byId(article, String(link.properties.href).slice(1)), String(link.properties.href)).toBeDefined();
	});
});

describe('the byline', () => {
	it('marks the publisher and the republisher as outlets, with cards', () => {
		const byline = byClass(article, 'byline')[0]!;
		for (const [outlet, name] of [
			['hot-air', 'Hot Air'],
			['mesop', 'MESOP'],
		]) {
			const marked = findAll(byline, (el) => el.tagName === 'a' && el.properties.dataEntity === outlet);
			expect(marked.map((a) => toText(a))).toEqual([name]);
			expect(findAll(article, (el) => el.properties.dataCardContent === outlet)).toHaveLength(1);
		}
	});

	it('no longer leaves MESOP unused: the build reports no unused outlet', async () => {
		// The output is the build's own, even when another test file made the build first.
		expect(site.stdout).toMatch(/Pagefind indexed \d+ pages/);
		expect(await seedSite(BASE), 'the same build asked for again').toEqual(site);
		expect(`${site.stdout}\n${site.stderr}`).not.toMatch(/`mesop` is never mentioned/);
	});
});

describe('outlet pages', () => {
	const listed = (outlet: string) => {
		const page = readPage(site.dir, `glossary/${outlet}/index.html`);
		const section = findAll(page, (el) => el.tagName === 'section' && String(el.properties.ariaLabelledBy) === 'quoted')[0];
		return { page, section, items: section ? findAll(section, (el) => el.tagName === 'li') : [] };
	};

	it('list every quoted block from the outlet with its date and a link to the block', () => {
		const { items } = listed('associated-press');
		expect(items.map((li) => li.properties.dataQuote)).toEqual(['quote-rawah', 'quote-qaim', 'quote-successors']);
		for (const li of items) {
			expect(findAll(li, (el) => el.tagName === 'a')[0]!.properties.href).toBe(`${BASE}articles/${SLUG}/#${li.properties.dataQuote}`);
			expect(findAll(li, (el) => el.tagName === 'time')[0]!.properties.dateTime).toBe('2014-06-21');
		}
		expect(toText(items[0]!)).toContain('identified by the editors, high confidence');
	});

	it('give the article’s date for an undated block, and say so when an outlet has none', () => {
		const sky = listed('sky-news').items;
		expect(sky).toHaveLength(1);
		expect(toText(sky[0]!)).toContain('undated; quoted on 21 June 2014');
		const mesop = listed('mesop');
		expect(mesop.items).toHaveLength(0);
		expect(toText(mesop.section!)).toContain('No article quotes a block from MESOP yet');
		expect(listed('baghdad').section).toBeUndefined();
	});
});
