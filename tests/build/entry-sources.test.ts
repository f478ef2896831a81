/**
 * Glossary sources in the built seed site (under /reader/): entry pages show each source as
 * "Publisher, date" linked to the page with its title, glossary.json carries the records, and the
 * entry page's JSON-LD lists them as `citation`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { findAll, readPage } from '../helpers/html.ts';

const BASE = '/reader/';
/** A source of the `ayad-allawi` entry, as written in content/glossary/people/ayad-allawi.md. */
const JPOST = {
	title: 'Iraqi parliament approves new government headed by Haider al-Abadi',
	publisher: 'The Jerusalem Post',
	date: '2014-09-08',
	url: 'https://www.jpost.com/Breaking-News/Iraqi-parliament-approves-new-government-headed-by-Haider-al-Abadi-374811',
};

let site: SiteBuild;
beforeAll(async () => {
	site = await seedSite(BASE);
});

const sourceItems = (id: string) => {
	const page = readPage(site.dir, `glossary/${id}/index.html`);
	const section = findAll(page, (el) => el.tagName === 'section' && String(el.properties.ariaLabelledBy) === 'entry-sources-title')[0];
	return { page, items: section ? findAll(section, (el) => el.tagName === 'li') : [] };
};

describe('entry pages', () => {
	it('show a dated source as "Publisher, date", linked to the page, with its title', () => {
		const { items } = sourceItems('ayad-allawi');
		const item = items.find((li) => li.properties.dataSourceUrl === JPOST.url)!;
		expect(item).toBeDefined();
		const link = findAll(item, (el) => el.tagName === 'a')[0]!;
		expect(link.properties.href).toBe(JPOST.url);
		expect(toText(link)).toBe('The Jerusalem Post, 8 September 2014');
		expect(link.properties.title).toBe(JPOST.title);
		expect(findAll(link, (el) => el.tagName === 'time')[0]!.properties.dateTime).toBe('2014-09-08');
		expect(toText(item)).toBe(`The Jerusalem Post, 8 September 2014: ${JPOST.title}`);
	});

	it('show an undated source by its publisher, never a raw address', () => {
		const { items } = sourceItems('ayad-allawi');
		const wikipedia = items.find((li) => li.properties.dataSourceUrl === 'https://en.wikipedia.org/wiki/Al-Wataniya')!;
		expect(toText(wikipedia)).toBe('Wikipedia: Al-Wataniya');
		for (const li of items) expect(toText(li)).not.toMatch(/https?:\/\//);
	});

	it('give every entry of the seed a Sources section', () => {
		const ids = fs
			.readdirSync(path.join(site.dir, 'glossary'), { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.map((d) => d.name);
		expect(ids.length).toBe(63);
		for (const id of ids) expect(sourceItems(id).items.length, id).toBeGreaterThan(0);
	});

	it('list the sources as citation in the page’s JSON-LD', () => {
		const { page } = sourceItems('ayad-allawi');
		const script = findAll(page, (el: Element) => el.tagName === 'script' && el.properties.type === 'application/ld+json')[0]!;
		const data = JSON.parse(toText(script));
		expect(data['@type']).toBe('WebPage');
		expect(data.about).toMatchObject({ '@type': 'Person', name: 'Ayad Allawi' });
		expect(data.citation).toContainEqual({
			'@type': 'CreativeWork',
			url: JPOST.url,
			name: JPOST.title,
			publisher: { '@type': 'Organization', name: JPOST.publisher },
			datePublished: JPOST.date,
		});
	});
});

describe('glossary.json', () => {
	it('carries each source as a { title, publisher, date, url } record', () => {
		const data = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/glossary.json'), 'utf8'));
		const allawi = data.entries.find((e: { id: string }) => e.id === 'ayad-allawi');
		expect(allawi.sources).toContainEqual(JPOST);
		expect(allawi.sources).toContainEqual({ title: 'Al-Wataniya', publisher: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Al-Wataniya' });
		for (const entry of data.entries) {
			for (const source of entry.sources) expect(Object.keys(source).sort(), entry.id).toEqual(expect.arrayContaining(['publisher', 'title', 'url']));
		}
	});
});
