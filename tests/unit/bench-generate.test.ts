/**
 * The benchmark's corpus generator: the same seed gives the same files, a different seed other
 * files, a small corpus passes the content checks with no error, and the names of every size,
 * 5,000 articles included (which once never ended), come out distinct in a bounded number of steps.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTION_WORDS, corpusWords, generateCorpus, mulberry32, uniqueMaker } from '../../bench/generate.ts';
import { NODE } from '../helpers/build.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';

const run = promisify(execFile);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** A hash of every file's relative path and bytes. */
function hashFolder(dir: string): string {
	const hash = crypto.createHash('sha256');
	const files = fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => path.join(d.parentPath, d.name))
		.sort();
	for (const file of files) hash.update(`${path.relative(dir, file)}\0`).update(fs.readFileSync(file));
	return hash.digest('hex');
}

describe('bench corpus generator', () => {
	it('mulberry32 is a stable sequence in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const values = Array.from({ length: 1000 }, () => a());
		expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		expect(new Set(values).size).toBeGreaterThan(990);
	});

	it('writes the same files for the same seed and different ones for another seed', () => {
		const one = path.join(TMP, 'one');
		const two = path.join(TMP, 'two');
		const other = path.join(TMP, 'other');
		generateCorpus({ articles: 5, outDir: one, seed: 1 });
		generateCorpus({ articles: 5, outDir: two, seed: 1 });
		generateCorpus({ articles: 5, outDir: other, seed: 2 });
		expect(hashFolder(two)).toBe(hashFolder(one));
		expect(hashFolder(other)).not.toBe(hashFolder(one));
	});

	it('generates a valid corpus of the asked size and density (N=3)', async () => {
		const dir = path.join(TMP, 'three');
		const manifest = generateCorpus({ articles: 3, outDir: dir });
		const corpus = await loadCorpus(dir, '/');
		const errors = corpus.diagnostics.filter((d) => d.severity === 'error');
		expect(errors, formatDiagnostics(errors)).toEqual([]);
		expect(corpus.articles).toHaveLength(3);
		expect(corpus.glossary.entries.size).toBe(6);
		const types = new Set([...corpus.glossary.entries.values()].map((e) => e.type));
		expect([...types].sort()).toEqual(['armed-group', 'organization', 'outlet', 'person', 'place', 'term']);
		for (const article of corpus.articles) {
			expect(article.annotations.quotes).toHaveLength(6);
			const words = article.body.split(/\s+/).length;
			expect(words).toBeGreaterThan(1300);
			expect(words).toBeLessThan(1900);
			// About one marked name per 12 words.
			expect(words / article.annotations.mentions.length).toBeGreaterThan(8);
			expect(words / article.annotations.mentions.length).toBeLessThan(16);
		}
		expect(manifest.marks).toBeGreaterThan(0);
	});
});

describe('bench corpus names', () => {
	const SIZES = [1, 2, 3, 10, 1000, 4500, 5000, 10_000];

	it('end for every size, 5,000 articles included, with every name, alias, id and word distinct', async () => {
		// In a child process with a time limit, so that a generator that loops fails the test
		// instead of hanging the run (a synchronous loop cannot be interrupted in this process).
		const script = `
			import { corpusWords } from './bench/generate.ts';
			const out = [];
			for (const n of ${JSON.stringify(SIZES)}) {
				const { vocabulary, entries } = corpusWords(n);
				const names = entries.flatMap((e) => [e.name, ...e.aliases]).map((s) => s.toLowerCase());
				const nameSet = new Set(names);
				out.push({
					n,
					entries: entries.length,
					names: names.length,
					distinctNames: nameSet.size,
					distinctIds: new Set(entries.map((e) => e.id)).size,
					types: [...new Set(entries.map((e) => e.type))].sort(),
					words: vocabulary.length,
					distinctWords: new Set(vocabulary).size,
					// Made-up words and names are built from disjoint syllables (function words come first).
					wordsThatAreNames: vocabulary.slice(${FUNCTION_WORDS.length}).filter((w) => nameSet.has(w)).length,
				});
			}
			console.log(JSON.stringify(out));`;
		const { stdout } = await run(NODE, ['--input-type=module', '-e', script], { timeout: 60_000 });
		const results = JSON.parse(stdout) as {
			n: number;
			entries: number;
			names: number;
			distinctNames: number;
			distinctIds: number;
			types: string[];
			words: number;
			distinctWords: number;
			wordsThatAreNames: number;
		}[];
		expect(results.map((r) => r.n)).toEqual(SIZES);
		for (const r of results) {
			expect(r.entries, `${r.n} articles`).toBe(2 * r.n);
			expect(r.distinctNames, `${r.n} articles`).toBe(r.names);
			expect(r.distinctIds, `${r.n} articles`).toBe(r.entries);
			expect(r.distinctWords, `${r.n} articles`).toBe(r.words);
			expect(r.wordsThatAreNames, `${r.n} articles`).toBe(0);
			if (r.n >= 3) expect(r.types).toEqual(['armed-group', 'organization', 'outlet', 'person', 'place', 'term']);
		}
	}, 90_000);

	it('makes a new string even from a maker that only ever returns taken ones', () => {
		const used = new Set(['ba', 'baba']);
		const fresh = uniqueMaker(used, ['ba', 'di']);
		let calls = 0;
		// Throws rather than hangs if the maker is retried without end.
		const stuck = () => {
			if (++calls > 10_000) throw new Error('the maker was retried without end');
			return 'Ba';
		};
		const made = Array.from({ length: 50 }, () => fresh(stuck));
		expect(new Set(made.map((s) => s.toLowerCase())).size).toBe(50);
		expect(made.every((s) => s.startsWith('Ba') && !['ba', 'baba'].includes(s.toLowerCase()))).toBe(true);
		// Suffixes go on the first word, so a two-word name keeps its second word.
		expect(fresh(() => 'Ba Council')).toBe('Ba Council');
		expect(fresh(() => 'Ba Council')).toMatch(/^Ba\w+ Council$/);
	});

	it('leaves out an optional alias that is taken, as the plural of a name can be', () => {
		// Seed 8 at 5,000 articles draws the place or term "Koudli" with the alias "Koudlis", which is already a name.
		const { entries } = corpusWords(5000);
		const koudli = entries.find((e) => e.name === 'Koudli');
		expect(koudli).toBeDefined();
		expect(entries.some((e) => e.name === 'Koudlis')).toBe(true);
		expect(koudli!.aliases).not.toContain('Koudlis');
	});
});
