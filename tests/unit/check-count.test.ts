/**
 * `npm run check`'s closing line counts every article file it checked, including an article whose
 * errors keep it out of the site (it once said "checked 0 articles" about a folder holding one).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../helpers/build.ts';

describe('npm run check', () => {
	it('counts an article with errors among the articles it checked', async () => {
		const result = await checkContent(path.resolve('tests/fixtures/content/article-missing-title'));
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/error: .*title/);
		expect(result.stdout).toMatch(/^checked 1 article and \d+ glossary entries in /m);
	});
});
