/** Dated roles and relations against a date (issue 17): partial dates, "Later:", overlaps. */
import { describe, expect, it } from 'vitest';
import { compareDates, describeLater, describePeriod, holdsOn, isInverted, overlaps, roleOn } from '../../src/lib/periods.ts';
import { relationIndex, relationsOn } from '../../src/lib/relations.ts';

const maliki = {
	role: 'Prime Minister of Iraq since 2006, seeking a third term',
	asOf: '2014-06',
	roles: [
		{ title: 'Vice President of Iraq', start: '2014-09' },
		{ title: 'Prime Minister of Iraq', start: '2006', end: '2014-09' },
	],
};

describe('dates and periods', () => {
	it('compares partial dates at the precision both share', () => {
		expect(compareDates('2014-09', '2014-09-08')).toBe(0);
		expect(compareDates('2014', '2015-01-01')).toBe(-1);
		expect(compareDates('2014-10', '2014-09-30')).toBe(1);
	});

	it('runs a period from its start up to its end, which belongs to what comes next', () => {
		const pm = { start: '2006', end: '2014-09' };
		expect(holdsOn(pm, '2006-01-01')).toBe(true);
		expect(holdsOn(pm, '2014-08-31')).toBe(true);
		expect(holdsOn(pm, '2014-09-08')).toBe(false);
		expect(holdsOn(pm, '2005-12-31')).toBe(false);
		expect(holdsOn({}, '1900')).toBe(true);
	});

	it('tells meeting periods from overlapping and inverted ones', () => {
		expect(overlaps({ start: '2006', end: '2014-09' }, { start: '2014-09' })).toBe(false);
		expect(overlaps({ start: '2006', end: '2014-10' }, { start: '2014-09' })).toBe(true);
		expect(overlaps({ start: '1975' }, { start: '2005', end: '2014' })).toBe(true);
		expect(isInverted({ start: '2016', end: '2015' })).toBe(true);
		expect(isInverted({ start: '2014-09-08', end: '2014-09' })).toBe(false);
	});

	it('describes periods in words', () => {
		expect(describePeriod({ start: '2007' })).toBe('since 2007');
		expect(describePeriod({ start: '2006', end: '2014-09' })).toBe('from 2006 to September 2014');
		expect(describePeriod({ end: '2010' })).toBe('until 2010');
		expect(describePeriod({})).toBe('');
	});
});

describe('the role on an article’s date', () => {
	it('is the dated role held then, as of that date, with what came next', () => {
		const june = roleOn(maliki, '2014-06-21');
		expect(june).toMatchObject({ title: 'Prime Minister of Iraq', asOf: '2014-06-21', missing: false });
		expect(describeLater(june.later!)).toBe('Vice President of Iraq from September 2014');
		expect(roleOn(maliki, '2015-03-10')).toEqual({ title: 'Vice President of Iraq', asOf: '2015-03-10', later: undefined, missing: false });
	});

	it('says when a role ended with nothing after it', () => {
		const talabani = { role: 'President', asOf: '2014-06', roles: [{ title: 'President of Iraq', start: '2005', end: '2014-07-24' }] };
		expect(describeLater(roleOn(talabani, '2014-06-21').later!)).toBe('held until 24 July 2014');
		expect(roleOn(talabani, '2015').missing).toBe(true);
	});

	it('falls back on the one-line role when it is given for that time, or when there are no dated roles', () => {
		const allawi = { role: 'Leader of Iraqiya', asOf: '2014-06', roles: [{ title: 'Vice President of Iraq', start: '2014-09-08' }] };
		expect(roleOn(allawi, '2014-06-21')).toMatchObject({ title: 'Leader of Iraqiya', asOf: '2014-06', missing: false });
		expect(roleOn(allawi, '2013-01-01')).toMatchObject({ missing: true });
		expect(roleOn({ role: 'Capital', asOf: '2014-06', roles: [] }, '1990')).toMatchObject({ title: 'Capital', asOf: '2014-06' });
		expect(roleOn(maliki, '2003-04-09').missing).toBe(true);
	});
});

describe('relations read from both ends', () => {
	const index = relationIndex([
		{ id: 'douri', relations: [{ type: 'leads', target: 'naqshbandi', start: '2007' }] },
		{ id: 'naqshbandi', relations: [] },
		{ id: 'maliki', relations: [{ type: 'leads', target: 'government', start: '2006', end: '2014-09' }] },
	]);

	it('gives the inverse to the target', () => {
		expect(index.get('douri')).toEqual([{ type: 'leads', label: 'Leads', other: 'naqshbandi', start: '2007' }]);
		expect(index.get('naqshbandi')).toEqual([{ type: 'leads', label: 'Led by', other: 'douri', start: '2007' }]);
	});

	it('keeps only what holds on a date', () => {
		expect(relationsOn(index.get('government')!, '2014-06-21')).toHaveLength(1);
		expect(relationsOn(index.get('government')!, '2015-03-10')).toHaveLength(0);
	});
});
