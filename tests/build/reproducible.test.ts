/**
 * Reproducible builds: the seed site built twice, into two folders, the first from an empty Astro
 * cache (the run's shared build under /reader/: every test build starts from an empty cache) and
 * the second from the cache the first left, must be byte-for-byte the same, Pagefind's index
 * included. Nothing is excluded: with the same content and the same Pagefind version, its files
 * (names hashed from their contents) come out identical too.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_ROOT, SITE_URL, buildSite, cacheDirFor, seedSite, type SiteBuild } from '../helpers/build.ts';
import { seedEdition } from '../helpers/seed.ts';
import { listFiles } from '../helpers/dist.ts';

function digests(dir: string): Map<string, string> {
	return new Map(
		listFiles(dir)
			.filter((f) => f !== '.built-by-test')
			.map((f) => [
				f,
				crypto
					.createHash('sha256')
					.update(fs.readFileSync(path.join(dir, f)))
					.digest('hex'),
			]),
	);
}

describe('two builds of the same content', () => {
	let first: SiteBuild;
	let second: SiteBuild;
	beforeAll(async () => {
		first = await seedSite('/reader/');
		// The same settings, a folder of its own, and the Astro cache the first build left.
		second = await buildSite('seed-reader-again', seedEdition(), '/reader/', { SITE_URL, ASTRO_CACHE_DIR: cacheDirFor(seedEdition(), '/reader/') });
	});

	it('produce the same files with the same bytes', () => {
		const a = digests(first.dir);
		const b = digests(second.dir);
		expect(second.dir).not.toBe(first.dir);
		expect(fs.readdirSync(cacheDirFor(seedEdition(), '/reader/')).length, 'the cache the first build left').toBeGreaterThan(0);
		expect(a.size).toBeGreaterThan(80);
		expect([...a.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
		expect([...b.keys()]).toEqual([...a.keys()]);
		const different = [...a].filter(([file, digest]) => b.get(file) !== digest).map(([file]) => file);
		expect(different).toEqual([]);
	});

	it('carry no build time or build folder in any file', () => {
		const today = new Date().toISOString().slice(0, 10);
		for (const file of listFiles(first.dir).filter((f) => /\.(html|xml|txt|json|js|css)$/.test(f))) {
			const text = fs.readFileSync(path.join(first.dir, file), 'utf8');
			expect(text.includes(today), `${file} holds today's date`).toBe(false);
			expect(text.includes(OUTPUT_ROOT), `${file} holds the build folder`).toBe(false);
		}
	});
});
