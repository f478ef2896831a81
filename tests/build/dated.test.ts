/**
 * Cards that know the article's date (issue 17), on a real build of a small fixture written for
 * the tests (the dated articles of tests/fixtures/edge-cases/content: one of June 2014, one of March 2015): the same
 * person's card says a different role in each, relations show in both directions, cards opened
 * from a card exist on the page, and entry pages carry a timeline drawn without a script.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { edgeCasesSite, seedSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, readPage } from '../helpers/html.ts';

const text = (el: Element) => toText(el).replace(/\s+/g, ' ').trim();
const cardIn = (tree: Root, id: string) => {
	const cards = findAll(tree, (el) => el.properties.dataCardContent === id);
	expect(cards, `one card of ${id}`).toHaveLength(1);
	return cards[0]!;
};

describe('dated cards, relations and timelines', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await edgeCasesSite();
	});

	it('shows the role held on each article’s date, as of that date, and what came next', () => {
		const june = text(cardIn(readPage(site.dir, 'articles/dated-2014/index.html'), 'nouri-al-maliki'));
		expect(june).toContain('Prime Minister of Iraq (as of 21 June 2014)');
		expect(june).toContain('Later: Vice President of Iraq from September 2014.');
		expect(june).not.toContain('Vice President of Iraq (as of');
		const march = text(cardIn(readPage(site.dir, 'articles/dated-2015/index.html'), 'nouri-al-maliki'));
		expect(march).toContain('Vice President of Iraq (as of 10 March 2015)');
		expect(march).not.toContain('Prime Minister of Iraq');
		expect(march).not.toContain('Later:');
	});

	it('gives the who’s who the same dated role', () => {
		const tree = readPage(site.dir, 'articles/dated-2015/index.html');
		const item = findAll(tree, (el) => el.properties.id === 'who-nouri-al-maliki')[0]!;
		expect(text(item)).toContain('Vice President of Iraq (as of 10 March 2015)');
	});

	it('shows relations in force on the article’s date, in both directions, as links that open cards', () => {
		const june = readPage(site.dir, 'articles/dated-2014/index.html');
		const maliki = cardIn(june, 'nouri-al-maliki');
		expect(text(maliki)).toContain('Leads Government of Iraq from 2006 to September 2014');
		expect(text(cardIn(june, 'government-of-iraq'))).toContain('Led by Nouri al-Maliki from 2006 to September 2014');
		const douri = cardIn(june, 'izzat-ibrahim-al-douri');
		expect(text(douri)).toContain('Leads Baath Party since 2007');
		expect(text(douri)).toContain('Leads Naqshbandi Army');
		// A relation's name opens its own card: the card is on the page, though the article does not name it.
		const link = findAll(douri, (el) => el.tagName === 'a' && el.properties.dataEntity === 'naqshbandi-army')[0]!;
		expect(link.properties.href).toBe('/glossary/naqshbandi-army/');
		expect(link.properties.ariaDescribedBy).toEqual(['card-naqshbandi-army']);
		expect(text(cardIn(june, 'naqshbandi-army'))).toContain('Led by Izzat Ibrahim al-Douri');
		expect(text(cardIn(june, 'naqshbandi-army'))).toContain('Not named in this article');
		// After September 2014 Maliki no longer leads the government.
		const march = readPage(site.dir, 'articles/dated-2015/index.html');
		expect(text(cardIn(march, 'nouri-al-maliki'))).not.toContain('Government of Iraq');
	});

	it('makes names marked in a summary links that open their own cards, the summary’s words unchanged', () => {
		const june = readPage(site.dir, 'articles/dated-2014/index.html');
		const government = cardIn(june, 'government-of-iraq');
		expect(text(government)).toContain('The national government in Baghdad (test fixture).');
		const baghdad = findAll(government, (el) => el.tagName === 'a' && el.properties.dataEntity === 'baghdad')[0]!;
		expect(text(baghdad)).toBe('Baghdad');
		expect(baghdad.properties.ariaDescribedBy).toEqual(['card-baghdad']);
		const douri = findAll(cardIn(june, 'baath-party'), (el) => el.tagName === 'a' && el.properties.dataEntity === 'izzat-ibrahim-al-douri')[0]!;
		expect(text(douri)).toBe('Douri');
		// Everywhere else the summary is its words, without the mark's syntax.
		const glossary = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/glossary.json'), 'utf8')) as { entries: { id: string; summary: string }[] };
		expect(glossary.entries.find((e) => e.id === 'government-of-iraq')!.summary).toBe('The national government in Baghdad (test fixture).');
		const page = fs.readFileSync(path.join(site.dir, 'glossary/government-of-iraq/index.html'), 'utf8');
		expect(page).not.toContain(':e[');
	});

	it('makes names marked in an entry’s note links to their entries, the note’s words unchanged in glossary.json', () => {
		const page = readPage(site.dir, 'glossary/naqshbandi-army/index.html');
		const note = findAll(page, (el) => el.properties.className?.toString().includes('entry-note') ?? false)[0]!;
		expect(text(note)).toBe('Fixture note: led by Douri, named at 10:30 in a ratio of a:b.');
		const douri = findAll(note, (el) => el.tagName === 'a' && el.properties.dataEntity === 'izzat-ibrahim-al-douri');
		expect(douri).toHaveLength(1);
		expect(douri[0]!.properties.href).toBe('/glossary/izzat-ibrahim-al-douri/');
		expect(text(douri[0]!)).toBe('Douri');
		// The entry page holds no cards: the name describes nothing it does not have.
		expect(douri[0]!.properties.ariaDescribedBy).toBeUndefined();
		expect(fs.readFileSync(path.join(site.dir, 'glossary/naqshbandi-army/index.html'), 'utf8')).not.toContain(':e[');
		const glossary = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/glossary.json'), 'utf8')) as { entries: { id: string; note: string }[] };
		expect(glossary.entries.find((e) => e.id === 'naqshbandi-army')!.note).toBe('Fixture note: led by Douri, named at 10:30 in a ratio of a:b.');
	});

	it('stops one card beyond the page: deeper names are plain links', () => {
		const march = readPage(site.dir, 'articles/dated-2015/index.html');
		// Naqshbandi Army is named; Douri only in its card; Douri's Baath Party gets no card.
		const douri = cardIn(march, 'izzat-ibrahim-al-douri');
		const baath = findAll(douri, (el) => el.tagName === 'a' && el.properties.href === '/glossary/baath-party/')[0]!;
		expect(baath.properties.dataEntity).toBeUndefined();
		expect(findAll(march, (el) => el.properties.dataCardContent === 'baath-party')).toHaveLength(0);
	});

	it('lists relations on entry pages, with the inverse on the other entry', () => {
		const douri = readPage(site.dir, 'glossary/izzat-ibrahim-al-douri/index.html');
		const section = findAll(douri, (el) => el.properties.className?.toString().includes('entry-relations') ?? false)[0]!;
		expect(text(section)).toContain('Leads Baath Party since 2007');
		const army = readPage(site.dir, 'glossary/naqshbandi-army/index.html');
		expect(text(findAll(army, (el) => el.properties.className?.toString().includes('entry-relations') ?? false)[0]!)).toContain('Led by Izzat Ibrahim al-Douri');
	});

	it('draws a timeline of roles, facts and articles as a static SVG with the same list beside it', () => {
		const page = readPage(site.dir, 'glossary/nouri-al-maliki/index.html');
		const section = findAll(page, (el) => el.tagName === 'section' && el.properties.className?.toString() === 'timeline')[0]!;
		const svg = findAll(section, (el) => el.tagName === 'svg')[0]!;
		expect(svg.properties.ariaHidden).toBe('true');
		expect(findAll(svg, (el) => el.tagName === 'rect')).toHaveLength(3); // two roles, one dated relation
		expect(findAll(svg, (el) => el.tagName === 'circle').length).toBeGreaterThanOrEqual(3); // the fact and two articles
		const items = findAll(section, (el) => el.tagName === 'li').map(text);
		expect(items).toEqual([
			'Role: Prime Minister of Iraq, from 2006 to September 2014',
			'Relation: Leads Government of Iraq, from 2006 to September 2014',
			'Role: Prime Minister of Iraq since 2006, seeking a third term, as of June 2014',
			'Article: A test article from June 2014, 21 June 2014',
			'Role: Vice President of Iraq, since September 2014',
			'Article: A test article from March 2015, 10 March 2015',
		]);
		// Drawn at build time: the entry page loads no script for it.
		expect(findAll(page, (el) => el.tagName === 'script' && !!el.properties.src && String(el.properties.src).includes('imeline'))).toHaveLength(0);
	});

	it('puts roles and relations into glossary.json and into the entry pages’ JSON-LD in schema.org terms', () => {
		const glossary = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/glossary.json'), 'utf8')) as { entries: { id: string; roles: unknown[]; relations: unknown[] }[] };
		const maliki = glossary.entries.find((e) => e.id === 'nouri-al-maliki')!;
		expect(maliki.roles).toEqual([
			{ title: 'Prime Minister of Iraq', start: '2006', end: '2014-09' },
			{ title: 'Vice President of Iraq', start: '2014-09' },
		]);
		expect(maliki.relations).toEqual([{ type: 'leads', target: 'government-of-iraq', start: '2006', end: '2014-09' }]);
		const about = (id: string) => {
			const tree = readPage(site.dir, `glossary/${id}/index.html`);
			const script = findAll(tree, (el) => el.tagName === 'script' && el.properties.type === 'application/ld+json')[0]!;
			return JSON.parse(toText(script)).about as Record<string, unknown>;
		};
		const person = about('nouri-al-maliki');
		expect(person.hasOccupation).toEqual([
			{ '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: 'Prime Minister of Iraq' }, roleName: 'Prime Minister of Iraq', startDate: '2006', endDate: '2014-09' },
			{ '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: 'Vice President of Iraq' }, roleName: 'Vice President of Iraq', startDate: '2014-09' },
		]);
		expect(person.memberOf).toMatchObject({ '@type': 'Role', roleName: 'leader', startDate: '2006', endDate: '2014-09', memberOf: { '@type': 'Organization', name: 'Government of Iraq' } });
		expect(about('baghdad').containedInPlace).toMatchObject({ '@type': 'Place', name: 'Iraq' });
		expect(about('iraq').containsPlace).toMatchObject({ '@type': 'Place', name: 'Baghdad' });
		expect(about('naqshbandi-army').member).toMatchObject({ '@type': 'Role', roleName: 'leader', member: { '@type': 'Person', name: 'Izzat Ibrahim al-Douri' } });
	});
});

describe('the seed edition’s dated roles and relations', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await seedSite('/');
	});

	it('dates the cards of the people whose office changed after June 2014', () => {
		const tree = readPage(site.dir, 'articles/kurds-seize-jalula-to-attack-isis/index.html');
		const maliki = text(cardIn(tree, 'nouri-al-maliki'));
		expect(maliki).toContain('Prime Minister of Iraq (as of 21 June 2014)');
		expect(maliki).toContain('Later: Vice President of Iraq from September 2014.');
		expect(text(cardIn(tree, 'jalal-talabani'))).toContain('President of Iraq (as of 21 June 2014). Later: held until 24 July 2014.');
		expect(text(cardIn(tree, 'ayad-allawi'))).toContain('Later: Vice President of Iraq from 8 September 2014.');
		expect(text(cardIn(tree, 'adel-abdul-mahdi'))).toContain('Later: Oil Minister of Iraq from 8 September 2014.');
	});

	it('shows the leadership and loyalty the article states, both ways', () => {
		const tree = readPage(site.dir, 'articles/kurds-seize-jalula-to-attack-isis/index.html');
		expect(text(cardIn(tree, 'moqtada-al-sadr'))).toContain('Leads Mahdi Army since 2003');
		expect(text(cardIn(tree, 'moqtada-al-sadr'))).toContain('Followed by Nassir al-Saedi');
		expect(text(cardIn(tree, 'mahdi-army'))).toContain('Led by Moqtada al-Sadr since 2003');
		expect(text(cardIn(tree, 'nassir-al-saedi'))).toContain('Loyal to Moqtada al-Sadr');
		expect(text(cardIn(tree, 'naqshbandi-army'))).toContain('Led by Izzat Ibrahim al-Douri');
		expect(text(cardIn(tree, 'izzat-ibrahim-al-douri'))).toContain('Leads Naqshbandi Army');
		expect(text(cardIn(tree, 'sadr-city'))).toContain('In Baghdad');
	});
});
