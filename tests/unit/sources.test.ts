import { describe, expect, it } from 'vitest';
import { authorMention, creditsOf, outletNamed, type NamedEntry } from '../../src/credits.ts';
import { excerptAround, sourcesOf } from '../../src/lib/sources.ts';
import type { QuoteRecord } from '../../src/schemas/annotations.ts';

const ENTRY_LIST: NamedEntry[] = [
	{ id: 'hot-air', type: 'outlet', name: 'Hot Air', aliases: ['HotAir'] },
	{ id: 'mesop', type: 'outlet', name: 'MESOP', aliases: [] },
	{ id: 'associated-press', type: 'outlet', name: 'Associated Press', aliases: ['AP'] },
	{ id: 'hot-air-town', type: 'place', name: 'Hotair', aliases: ['Hot Air Town'] },
];
const ENTRIES = new Map(ENTRY_LIST.map((e) => [e.id, e]));

describe('outletNamed and creditsOf', () => {
	it('find an outlet by name or alias, ignoring case, but never another type of entry', () => {
		expect(outletNamed('hot air', ENTRIES)).toBe('hot-air');
		expect(outletNamed('HOTAIR', ENTRIES)).toBe('hot-air');
		expect(outletNamed('Hot Air Town', ENTRIES)).toBeUndefined();
		expect(outletNamed('Someone Else', ENTRIES)).toBeUndefined();
	});

	it('credit the publisher and the republisher', () => {
		expect(creditsOf({ publisher: 'Hot Air', republished: { by: 'Mesop' } }, ENTRIES)).toEqual([
			{ role: 'publisher', name: 'Hot Air', outlet: 'hot-air' },
			{ role: 'republisher', name: 'Mesop', outlet: 'mesop' },
		]);
		expect(creditsOf({ publisher: 'Unknown Blog' }, ENTRIES)).toEqual([{ role: 'publisher', name: 'Unknown Blog', outlet: undefined }]);
	});
});

describe('sourcesOf', () => {
	const quote = (id: string, outlet: string): QuoteRecord => ({ id, outlet, evidence: 'named', confidence: 'high', excerpt: id });
	it('lists quoted, cited and crediting outlets by name, unidentified last, each block numbered in reading order', () => {
		const sources = sourcesOf(
			{
				publisher: 'Hot Air',
				annotations: {
					mentions: [
						{ entity: 'associated-press', label: 'AP', anchor: 'p-one', sentence: 'The AP says so.' },
						{ entity: 'associated-press', label: 'AP', anchor: 'p-one', sentence: 'The AP says so again.' },
						{ entity: 'hot-air-town', label: 'Hotair', anchor: 'p-two', sentence: 'In Hotair.' },
					],
					quotes: [quote('quote-a', 'unknown'), quote('quote-b', 'associated-press')],
				},
			},
			ENTRIES,
		);
		expect(sources.map((s) => s.outlet)).toEqual(['associated-press', 'hot-air', 'unknown']);
		expect(sources[0]!.citations).toEqual([{ anchor: 'p-one', excerpt: 'The AP says so.' }]);
		expect(sources[0]!.quotes.map((q) => q.number)).toEqual([2]);
		expect(sources[1]!.roles).toEqual(['publisher']);
		expect(sources[2]!.name).toBe('Outlet not identified');
	});

	it('cuts a citation to the words around the name', () => {
		expect(excerptAround('one two three four five six BBC seven eight nine ten eleven twelve', 'BBC', 2, 3)).toBe('… five six BBC seven eight nine …');
	});
});

describe('authorMention', () => {
	const people = new Map<string, NamedEntry>([
		['ed-morrissey', { id: 'ed-morrissey', type: 'person', name: 'Ed Morrissey', aliases: ['Morrissey'] }],
		['hot-air', { id: 'hot-air', type: 'outlet', name: 'Hot Air', aliases: [] }],
	]);
	it('makes the byline a mention of the person of that name or alias, anchored at #byline', () => {
		expect(authorMention({ author: 'ed  MORRISSEY' }, people)).toEqual({ entity: 'ed-morrissey', label: 'ed  MORRISSEY', anchor: 'byline', sentence: 'By ed  MORRISSEY.' });
		expect(authorMention({ author: 'Morrissey' }, people)?.entity).toBe('ed-morrissey');
	});
	it('links no one when no person has that name (an outlet is not an author)', () => {
		expect(authorMention({ author: 'Hot Air' }, people)).toBeUndefined();
		expect(authorMention({ author: 'Someone Else' }, people)).toBeUndefined();
	});
});
