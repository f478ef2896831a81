/**
 * Every page of the seed site, built at the root and under /reader/, passes html-validate with the
 * project's `.htmlvalidate.json` (the recommended rules; `long-title` is off because an article's
 * title is its original headline, which we do not shorten).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { htmlPages } from '../helpers/dist.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const config = path.resolve('.htmlvalidate.json');

for (const base of ['/', '/reader/'] as const) {
	describe(`HTML of the seed site built under ${base}`, () => {
		let site: SiteBuild;
		beforeAll(async () => {
			site = await seedSite(base);
		});

		it('validates with no error on any page', async () => {
			const pages = htmlPages(site.dir);
			expect(pages.length).toBeGreaterThan(60);
			expect(fs.existsSync(config)).toBe(true);
			const reports = [];
			for (const page of pages) {
				// Validated as if the file sat at the project root, so `.htmlvalidate.json` applies.
				const report = await validator.validateString(fs.readFileSync(path.join(site.dir, page), 'utf8'), path.resolve(`dist-check/${page}`));
				if (!report.valid) reports.push(...report.results.map((r) => ({ ...r, filePath: page })));
			}
			expect(formatterFactory('text')(reports)).toBe('');
		});

		it('would report an invalid page (the validator is really configured)', async () => {
			const report = await validator.validateString(
				'<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><aside aria-label="a"></aside><aside aria-label="a"></aside></body></html>',
				path.resolve('dist-check/broken.html'),
			);
			expect(report.valid).toBe(false);
		});
	});
}
