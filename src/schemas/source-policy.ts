import { z } from 'zod';
import { ENTITY_TYPES } from './glossary.ts';

/** A domain name as the policy lists it: `reuters.com`, `en.wikipedia.org` (it covers its subdomains). */
const domain = z.string().regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'a domain name in lower case, such as reuters.com (no scheme, no path)');

/** Domains of one standing, each with the reason it has that standing. */
const domainList = z.record(domain, z.string().min(1, 'a reason')).default({});

/**
 * The sourcing policy of a content folder (`content/sources.yml`): which sites a glossary entry may
 * cite. A listed domain also covers its subdomains; the most specific listed domain decides.
 *
 * ```yaml
 * exempt: []                        # entry types that may cite nothing
 * preferred:
 *   reuters.com: International wire service
 * accepted:
 *   en.wikipedia.org: Reference work; cite the article itself, never a copy
 * refused:
 *   wikiwand.com: Copies Wikipedia articles; cite the article it copies
 * ```
 */
export const sourcePolicySchema = z.strictObject({
	/** Entry types that need no source (a warning is given for any other entry that cites none). */
	exempt: z.array(z.enum(ENTITY_TYPES)).default([]),
	/** Wire services, major newspapers, reference works and official sites: cite these first. */
	preferred: domainList,
	/** Credible, but to be used with care (regional outlets carrying wire copy, an outlet's own pages). */
	accepted: domainList,
	/** Never to be cited (mirrors, copies, blogs, fan wikis): citing one is an error. */
	refused: domainList,
});

export type SourcePolicy = z.output<typeof sourcePolicySchema>;
/** How the policy ranks a domain. */
export type SourceStanding = 'preferred' | 'accepted' | 'refused';
export const SOURCE_STANDINGS: readonly SourceStanding[] = ['preferred', 'accepted', 'refused'];
