/**
 * The sourcing policy (content/sources.yml) and the dated-facts check, on a fixture folder with one
 * entry per case, and on the seed edition, which must pass both without a warning.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../../src/corpus/corpus.ts';
import { datesIn } from '../../src/corpus/dated-facts.ts';
import { loadSourcePolicy, standingOf } from '../../src/corpus/source-policy.ts';
import type { Diagnostic } from '../../src/markdown/diagnostics.ts';
import { checkContent } from '../helpers/build.ts';
import { seedEdition } from '../helpers/seed.ts';

const FIXTURE = 'tests/fixtures/sourcing/policy';
const SOURCING_RULES = ['refused-source', 'unknown-source', 'bare-source', 'missing-source', 'later-date-unmarked'];

/** `glossary/<file>:line:column severity rule`, for compact comparisons. */
const short = (d: Diagnostic) => `${path.relative(FIXTURE, d.file)}:${d.line}:${d.column} ${d.severity} ${d.rule}`;

describe('the sourcing policy', () => {
	let corpus: Corpus;
	beforeAll(async () => {
		corpus = await loadCorpus(path.resolve(FIXTURE), '/');
	});
	const of = (entry: string) => corpus.diagnostics.filter((d) => d.file.endsWith(`/${entry}.md`) && SOURCING_RULES.includes(d.rule)).map(short);

	it('accepts preferred and accepted domains without a word', () => {
		expect(of('preferred')).toEqual([]);
	});

	it('warns on a domain it does not know, at the address', () => {
		expect(of('unknown-domain')).toEqual(['glossary/unknown-domain.md:8:47 warning unknown-source']);
		const d = corpus.diagnostics.find((x) => x.rule === 'unknown-source')!;
		expect(d.message).toBe('`example.org` is not in the sourcing policy');
		expect(d.hint).toContain('add `example.org: <why>` under `accepted:`');
	});

	it('fails on a refused domain, with the policy’s reason, also when a more general domain is accepted', () => {
		expect(of('refused')).toEqual(['glossary/refused.md:11:10 error refused-source', 'glossary/refused.md:12:55 error refused-source']);
		const messages = corpus.diagnostics.filter((x) => x.rule === 'refused-source').map((x) => x.message);
		expect(messages).toEqual([
			'`piglix.com` is refused by the sourcing policy: Copies Wikipedia articles; cite the article itself',
			'`sco.wikipedia.org` is refused by the sourcing policy: Scots-language copy; cite a reference work in English',
		]);
	});

	it('warns on an entry without any source, unless its type is exempt', () => {
		expect(of('missing')).toEqual(['glossary/missing.md:1:1 warning missing-source']);
		expect(of('exempt-term')).toEqual([]);
	});

	it('accepts an address alone, with a warning that shows the record to write', () => {
		expect(of('bare')).toEqual(['glossary/bare.md:8:5 warning bare-source']);
		expect(corpus.diagnostics.find((x) => x.rule === 'bare-source')!.hint).toBe('write it as `{ title: …, publisher: …, date: YYYY-MM-DD, url: https://uk.reuters.com/article/b }`');
	});

	it('makes `npm run check` fail, printing file:line:column and a fix line', async () => {
		const result = await checkContent(FIXTURE);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			`${FIXTURE}/glossary/refused.md:11:10: error: \`piglix.com\` is refused by the sourcing policy: Copies Wikipedia articles; cite the article itself [refused-source]\n    fix: cite the page it copies`,
		);
		expect(result.stdout).toContain(`${FIXTURE}/glossary/unknown-domain.md:8:47: warning: \`example.org\` is not in the sourcing policy [unknown-source]\n    fix: `);
		expect(result.stdout).toContain(`${FIXTURE}/glossary/missing.md:1:1: warning: glossary entry \`missing\` cites no source [missing-source]\n    fix: `);
	});

	it('ranks an address by the most specific listed domain covering its host', () => {
		const policy = { exempt: [], preferred: { 'reuters.com': 'wire' }, accepted: { 'wikipedia.org': 'reference' }, refused: { 'sco.wikipedia.org': 'copy' } };
		expect(standingOf('https://uk.reuters.com/x', policy)).toMatchObject({ standing: 'preferred', domain: 'reuters.com' });
		expect(standingOf('https://en.wikipedia.org/wiki/X', policy)).toMatchObject({ standing: 'accepted', domain: 'wikipedia.org' });
		expect(standingOf('https://sco.wikipedia.org/wiki/X', policy)).toMatchObject({ standing: 'refused', reason: 'copy' });
		expect(standingOf('https://notreuters.com/x', policy)).toMatchObject({ standing: 'unknown', domain: 'notreuters.com' });
		expect(standingOf('https://www.example.org/x', policy)).toMatchObject({ standing: 'unknown', domain: 'example.org' });
	});

	it('reports a policy file that breaks its schema, at the offending key', () => {
		const { policy, diagnostics } = loadSourcePolicy(path.resolve('tests/fixtures/sourcing/bad-policy'));
		expect(policy).toBeUndefined();
		expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['1:10 policy-field', '3:3 policy-domain', '7:1 policy-field']);
		expect(diagnostics.every((d) => d.severity === 'error' && d.hint)).toBe(true);
	});

	it('checks nothing when a content folder has no policy', () => {
		expect(loadSourcePolicy(path.resolve('tests/fixtures/site/content'))).toEqual({ diagnostics: [] });
	});
});

describe('dated facts', () => {
	it('finds full dates, day ranges, months and years, but not numbers in addresses', () => {
		const text = 'On 20–21 June 2014, in July 2014 and 2015 (see nytimes.com/2014/06/22/x and 1,000 men).';
		expect(datesIn(text).map((d) => [d.text, d.start])).toEqual([
			['20–21 June 2014', '2014-06-21'],
			['July 2014', '2014-07-01'],
			['2015', '2015-01-01'],
		]);
	});

	it('warns on a date after asOf in the note or the card that is not marked (later)', async () => {
		const corpus = await loadCorpus(path.resolve(FIXTURE), '/');
		const later = corpus.diagnostics.filter((d) => d.rule === 'later-date-unmarked');
		expect(later.map(short)).toEqual([
			'glossary/later.md:6:10 warning later-date-unmarked',
			'glossary/later.md:11:16 warning later-date-unmarked',
			'glossary/later.md:15:11 warning later-date-unmarked',
			'glossary/later.md:15:49 warning later-date-unmarked',
		]);
		expect(later[1]!.message).toBe('“14 August 2014” in the note of `later` is after its asOf date (June 2014) but not marked as later');
		expect(later[0]!.message).toContain('in the summary of `later`');
	});
});

describe('the seed edition', () => {
	it('passes the sourcing policy and the dated-facts check without a warning', async () => {
		const corpus = await loadCorpus(seedEdition(), '/');
		expect(corpus.diagnostics.filter((d) => SOURCING_RULES.includes(d.rule) || d.rule.startsWith('policy-'))).toEqual([]);
		// The policy is there and in force: every entry cites at least one source, each a record.
		expect(loadSourcePolicy(seedEdition()).policy).toBeDefined();
		for (const entry of corpus.glossary.entries.values()) {
			expect(entry.sources.length, entry.id).toBeGreaterThan(0);
			for (const source of entry.sources) expect(typeof source, `${entry.id}: ${String(source)}`).toBe('object');
		}
	});
});
