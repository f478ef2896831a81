import { z } from 'zod';

/** A partial ISO date: `2014`, `2014-06` or `2014-06-21` (YAML's bare year number is read as text). */
export const partialDate = z.preprocess(
	(value) => (typeof value === 'number' ? String(value) : value),
	z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'a date in the form YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** A web address; anything but http(s) (`javascript:`, `data:`) is refused. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'an http:// or https:// address' });
