/**
 * The project's tests test the seed edition, never what an author adds to content/: an article of
 * their own, with warnings or even errors, and a glossary entry only it mentions, change nothing
 * for them (tests/helpers/seed.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { listFiles } from '../helpers/dist.ts';
import { SEED_ARTICLES, seedEdition } from '../helpers/seed.ts';

let authored: string;

beforeAll(() => {
	// A copy of content/ to which an author has added an article and a glossary entry.
	authored = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seed-edition-')), 'content');
	fs.cpSync('content', authored, { recursive: true });
	fs.writeFileSync(
		path.join(authored, 'articles', 'my-own-article.md'),
		'---\ntitle: My own article\nauthor: An Author\npublisher: Hot Air\npublished: 2014-06-22\nlanguage: en\nsummary: An article of my own.\n---\nBaghdad is mentioned but not marked, and :e[Someone]{#nobody-known} is unknown.\n',
	);
	fs.writeFileSync(
		path.join(authored, 'glossary', 'my-own-entry.md'),
		fs
			.readFileSync(
				path.join(
					'content',
					'glossary',
					listFiles('content/glossary').find((f) => f.endsWith('baghdad.md'))!,
				),
			)
			.toString()
			.replace(/^name: .*$/m, 'name: My Own Entry')
			.replace(/^aliases: .*$/m, 'aliases: []'),
	);
});
afterAll(() => fs.rmSync(path.dirname(authored), { recursive: true, force: true }));

describe('the seed edition', () => {
	it('holds the seed article and everything else of content/, and no article an author added', () => {
		const dir = seedEdition(authored);
		expect(fs.readdirSync(path.join(dir, 'articles')).sort()).toEqual(SEED_ARTICLES.map((slug) => `${slug}.md`).sort());
		expect(listFiles(dir)).toEqual(listFiles(authored).filter((f) => f !== 'articles/my-own-article.md'));
	});

	it('checks as the seed tests expect, though the author’s article has an error and warnings', async () => {
		const whole = await loadCorpus(authored, '/');
		expect(whole.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('my-own-article.md'))).toBe(true);
		const seed = await loadCorpus(seedEdition(authored), '/');
		expect(seed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(seed.diagnostics.filter((d) => d.file.includes('my-own-article'))).toEqual([]);
	}, 60_000);
});
