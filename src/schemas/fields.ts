import { z } from 'zod';
import { partialIsoDate } from './dates.ts';

/** A partial ISO date that exists: `2014`, `2014-06` or `2014-06-21` (YAML's bare year number is read as text). */
export const partialDate = partialIsoDate;

/** A web address; anything but http(s) (`javascript:`, `data:`) is refused. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'an http:// or https:// address' });
