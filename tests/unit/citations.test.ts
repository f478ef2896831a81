/** Glossary sources: the schema's two accepted forms, and how a source reads as a citation. */
import { describe, expect, it } from 'vitest';
import { citationNode, citationOf, sourceRecordOf } from '../../src/lib/citations.ts';
import { sourceSchema } from '../../src/schemas/source.ts';

const RECORD = { title: 'Iraqi parliament approves new government', publisher: 'Reuters', date: '2014-09-08', url: 'https://www.reuters.com/article/x' };

describe('sourceSchema', () => {
	it('accepts a record and keeps it as written, so parsing it again gives the same value', () => {
		const parsed = sourceSchema.parse(RECORD);
		expect(parsed).toEqual(RECORD);
		expect(sourceSchema.parse(parsed)).toEqual(RECORD);
	});

	it('still accepts a bare address', () => {
		expect(sourceSchema.parse('https://example.org/a')).toBe('https://example.org/a');
	});

	it('reads a YAML year (a number) as a date', () => {
		expect(sourceSchema.parse({ ...RECORD, date: 2014 })).toMatchObject({ date: '2014' });
	});

	it('says what is wrong, at the field when the record is otherwise whole', () => {
		const issues = (value: unknown) => sourceSchema.safeParse(value).error?.issues.map((i) => ({ path: i.path, message: i.message }));
		expect(issues({ title: 'A page', url: 'https://example.org/' })).toEqual([{ path: [], message: 'a source written as { title, publisher, date, url }: `publisher` is missing' }]);
		expect(issues({ ...RECORD, url: 'javascript:alert(1)' })).toEqual([{ path: ['url'], message: 'an http:// or https:// address' }]);
		expect(issues({ ...RECORD, date: '8 Sept 2014' })).toEqual([{ path: ['date'], message: 'a date in the form YYYY, YYYY-MM or YYYY-MM-DD' }]);
		expect(sourceSchema.safeParse({ ...RECORD, author: 'X' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['author'] });
		expect(issues('javascript:alert(1)')).toEqual([{ path: [], message: 'an http:// or https:// address' }]);
		expect(issues(5)![0]!.message).toBe('an http:// or https:// address, or a source written as { title, publisher, date, url }');
	});
});

describe('citationOf', () => {
	it('reads "publisher, date" with the title and address apart', () => {
		expect(citationOf(RECORD)).toEqual({ ...RECORD, dateText: '8 September 2014', label: 'Reuters, 8 September 2014' });
	});

	it('gives the publisher alone when the date is not known, and a month or year as written', () => {
		const { date: _date, ...undated } = RECORD;
		expect(citationOf(undated).label).toBe('Reuters');
		expect(citationOf({ ...RECORD, date: '2014-06' }).label).toBe('Reuters, June 2014');
		expect(citationOf({ ...RECORD, date: '2014' }).label).toBe('Reuters, 2014');
	});

	it('names the site of a bare address', () => {
		expect(citationOf('https://www.example.org/path?q=1')).toEqual({ url: 'https://www.example.org/path?q=1', label: 'example.org' });
	});
});

describe('open data and JSON-LD', () => {
	it('exports a record whatever the form, leaving out what is not known', () => {
		expect(sourceRecordOf(RECORD)).toEqual(RECORD);
		expect(sourceRecordOf('https://example.org/a')).toEqual({ url: 'https://example.org/a' });
	});

	it('makes a schema.org CreativeWork with its publisher and date', () => {
		expect(citationNode(RECORD)).toEqual({
			'@type': 'CreativeWork',
			url: RECORD.url,
			name: RECORD.title,
			publisher: { '@type': 'Organization', name: 'Reuters' },
			datePublished: '2014-09-08',
		});
		expect(citationNode('https://example.org/a')).toEqual({ '@type': 'CreativeWork', url: 'https://example.org/a' });
	});
});
