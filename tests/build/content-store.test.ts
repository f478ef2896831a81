/**
 * What Astro's content store holds of an article (issue 16): its front matter, not its rendered
 * HTML, annotations or Markdown source; and of a glossary entry, its front matter, not its note. The store is serialized, compiled into a module and read
 * back during the build, so whatever it holds is copied several times; those parts are in the
 * article store (src/corpus/article-store.ts), and the pages that show them still do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheDirFor, fixtureSite, type SiteBuild } from '../helpers/build.ts';

const CONTENT = 'tests/fixtures/site/content';

describe('the content store of a build', () => {
	let site: SiteBuild;
	let store: string;
	beforeAll(async () => {
		site = await fixtureSite('/');
		store = fs.readFileSync(path.join(cacheDirFor(CONTENT, '/'), 'data-store.json'), 'utf8');
	});

	it("holds the article's front matter, not its annotations, HTML or Markdown source", () => {
		expect(store).toContain('A fixture article about Baghdad');
		// A mention's sentence (annotations), the rendered text (HTML) and the Markdown's directives.
		expect(store).not.toContain('spoke in');
		expect(store).not.toContain(':e[Baghdad]');
		expect(store).not.toContain('data-entity');
	});

	it("holds a glossary entry's front matter, not its note (rendered or as words)", () => {
		expect(store).toContain('"Baghdad"');
		expect(store).not.toContain('longer note about');
	});

	it('while the pages still show them', () => {
		const entry = fs.readFileSync(path.join(site.dir, 'glossary/baghdad/index.html'), 'utf8');
		expect(entry).toMatch(/spoke in <strong>Baghdad<\/strong>/);
		expect(entry).toContain('longer note about <strong>Baghdad</strong>');
		const glossary = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/glossary.json'), 'utf8')) as { entries: { id: string; note: string }[] };
		expect(glossary.entries.find((e) => e.id === 'baghdad')?.note).toBe("The fixture's longer note about **Baghdad**.");
		const data = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/articles/fixture-article.json'), 'utf8')) as unknown;
		expect(JSON.stringify(data)).toContain('baghdad');
	});
});
