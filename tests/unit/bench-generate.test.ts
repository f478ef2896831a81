/**
 * The benchmark's corpus generator: the same seed gives the same files, a different seed other
 * files, and a small corpus passes the content checks with no error.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, mulberry32 } from '../../bench/generate.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** A hash of every file's relative path and bytes. */
function hashFolder(dir: string): string {
	const hash = crypto.createHash('sha256');
	const files = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)).sort();
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
