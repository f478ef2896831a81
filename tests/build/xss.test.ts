/**
 * Text from content is text. The fixture `tests/fixtures/edge-cases/content` (its article `payloads`
 * and the entries it names; built with the other edge cases) puts script payloads into
 * every glossary field (name, aliases, native names, role, summary, link titles, note) and every
 * annotation attribute (quote headline, author, basis, how, via, reason, url; sic fix and note) and the article's
 * frontmatter. The built pages must hold no element, attribute or script the payloads try to add,
 * and show the payloads as the text they are. `tests/fixtures/xss/javascript-urls` checks that
 * script addresses are refused before anything is built. (tests/e2e/xss.test.ts opens the pages
 * in Chromium.)
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { checkContent, edgeCasesSite, type SiteBuild } from '../helpers/build.ts';
import { htmlPages } from '../helpers/dist.ts';
import { findAll } from '../helpers/html.ts';

const ARTICLE = 'articles/payloads/index.html';

/** What the site itself may put in a page: its bundled scripts and JSON-LD data blocks. */
function unexpectedMarkup(file: string, html: string, base: string): string[] {
	const problems: string[] = [];
	for (const el of findAll(fromHtml(html), () => true)) {
		const props = el.properties as Record<string, unknown>;
		if (el.tagName === 'script') {
			const ok = props.type === 'application/ld+json' ? !props.src : typeof props.src === 'string' && props.src.startsWith(`${base}_astro/`);
			if (!ok) problems.push(`${file}: <script ${JSON.stringify(props)}>`);
		}
		// The site's own images: a place's locator map, built from its id (issue 9).
		const locator = el.tagName === 'img' && props.dataLocator !== undefined && new RegExp(`^${base}maps/places/[a-z0-9-]+\\.svg$`).test(String(props.src));
		// And the outlines under an article's map (issue 16): its own file, or the shared world.
		const outlines = el.tagName === 'img' && String(props.className) === 'map-outlines' && new RegExp(`^${base}maps/(articles/[a-z0-9-]+|world)\\.svg$`).test(String(props.src));
		if (['iframe', 'img', 'style', 'object', 'embed', 'b'].includes(el.tagName) && !locator && !outlines) problems.push(`${file}: <${el.tagName}>`);
		// The article's map of places (issue 9) is the one SVG that is not decoration.
		const articleMap = el.tagName === 'svg' && String(props.className) === 'map' && typeof props.dataProjection === 'string';
		if (el.tagName === 'svg' && !props.ariaHidden && !articleMap) problems.push(`${file}: <svg ${JSON.stringify(props)}>`);
		for (const [name, value] of Object.entries(props)) {
			if (/^on[a-z]/i.test(name)) problems.push(`${file}: ${name} on <${el.tagName}>`);
			if (name === 'autoFocus') problems.push(`${file}: autofocus on <${el.tagName}>`);
			if (typeof value === 'string' && /^\s*(javascript|data|vbscript):/i.test(value) && ['href', 'src', 'action', 'formAction'].includes(name)) problems.push(`${file}: ${name}="${value}"`);
		}
	}
	return problems;
}

describe('script payloads in content', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await edgeCasesSite();
	});

	it('add no element, attribute or script to any page', () => {
		const pages = htmlPages(site.dir);
		expect(pages).toContain(ARTICLE);
		expect(pages).toContain('glossary/xss-person/index.html');
		const problems = pages.flatMap((file) => unexpectedMarkup(file, fs.readFileSync(path.join(site.dir, file), 'utf8'), '/'));
		expect(problems).toEqual([]);
	});

	it('detects markup when it is there (the check can fail)', () => {
		expect(unexpectedMarkup('t', '<p>a<img src=x onerror="alert(1)"><script>alert(1)</script><a href="javascript:alert(1)">x</a></p>', '/')).toEqual([
			't: <img>',
			't: onError on <img>',
			't: <script {}>',
			't: href="javascript:alert(1)"',
		]);
	});

	it('shows every payload as text, where its field is shown', () => {
		const article = toText(fromHtml(fs.readFileSync(path.join(site.dir, ARTICLE), 'utf8')));
		for (const text of [
			'Payloads </title><script>window.__xss="title"</script>', // title
			'"><img src=x onerror="window.__xss=\'author\'">', // author
			'<script>window.__xss="republisher"</script>', // republished.by
			'<script>window.__xss="text"</script>', // escaped text in the article
			'EN"><img src=x onerror="window.__xss=1">', // a label that is an alias
			'</cite><script>window.__xss="headline"</script>', // quote headline
			'"><img src=x onerror="window.__xss=9">', // quote via
			'<script>window.__xss=12</script>', // quote basis
			'"><img src=x onerror="window.__xss=13">', // quote author
			"<script>window.__xss='how'</script>", // quote how
			'</figcaption><script>window.__xss="reason"</script>', // unknown outlet's reason
			'"><img src=x onerror="window.__xss=11">', // sic fix
			"<script>window.__xss='sic note'</script>", // sic note
			'Evil <script>window.__xss="outlet name"</script> News', // outlet name
			"<script>window.__xss='role'</script>", // card role
			"'><img src=x onerror=window.__xss='summary'>", // card summary
		]) {
			expect(article, text).toContain(text);
		}
		const entry = toText(fromHtml(fs.readFileSync(path.join(site.dir, 'glossary/xss-person/index.html'), 'utf8')));
		for (const text of [
			'"><img src=x onerror="window.__xss=\'name\'">',
			"<script>window.__xss='alias'</script>",
			'<b onmouseover="window.__xss=5">x</b>',
			'\\<img src=x onerror=alert("note")>'.slice(1),
			'<script>alert("code")</script>',
		]) {
			expect(entry, text).toContain(text);
		}
		const outlet = toText(fromHtml(fs.readFileSync(path.join(site.dir, 'glossary/evil-news/index.html'), 'utf8')));
		for (const text of ['"><svg onload="window.__xss=2">', '<script>window.__xss="note"</script>', '<img src=x onerror=alert(1)>']) expect(outlet, text).toContain(text);
	});

	it('keeps attribute values whole: payloads in head meta are values, not new attributes', () => {
		const tree = fromHtml(fs.readFileSync(path.join(site.dir, ARTICLE), 'utf8'));
		const meta = (property: string) => findAll(tree, (el) => el.tagName === 'meta' && (el.properties.property === property || el.properties.name === property))[0]?.properties.content;
		expect(meta('og:title')).toBe('Payloads </title><script>window.__xss="title"</script>');
		expect(meta('description')).toBe('</script><script>window.__xss="summary"</script> "><img src=x onerror=alert(1)>');
		expect(findAll(tree, (el) => el.tagName === 'title').map((el) => toText(el))).toEqual(['Payloads </title><script>window.__xss="title"</script> · Annotated Reader']);
	});

	it('escapes JSON-LD so no payload closes its block, and the data (head and data file) reads back unchanged', () => {
		const html = fs.readFileSync(path.join(site.dir, ARTICLE), 'utf8');
		const blocks = findAll(fromHtml(html), (el: Element) => el.tagName === 'script' && el.properties.type === 'application/ld+json');
		expect(blocks).toHaveLength(1);
		const raw = toText(blocks[0]!);
		expect(raw).not.toMatch(/[<>]/);
		const head = JSON.parse(raw);
		expect(head['@type']).toBe('NewsArticle');
		expect(head.headline).toBe('Payloads </title><script>window.__xss="title"</script>');
		expect(head.description).toBe('</script><script>window.__xss="summary"</script> "><img src=x onerror=alert(1)>');
		// The whole graph is a data file the page links, not a script block: its values read back as written.
		const data = JSON.parse(fs.readFileSync(path.join(site.dir, 'data/articles/payloads.schema.jsonld'), 'utf8'));
		expect(data.headline).toBe(head.headline);
		expect(data.publisher.description).toContain('</script><script>window.__xss="ld"</script>');
		const person = data.mentions.find((m: { '@type': string }) => m['@type'] === 'Person');
		expect(person.name).toBe('"><img src=x onerror="window.__xss=\'name\'">');
		expect(person.sameAs).toBe('https://www.wikidata.org/wiki/Q42');
		expect(data.citation).toHaveLength(2);
		expect(data.citation[0]['@type']).toBe('Quotation');
		expect(data.citation[0].text).toBe('A quoted wrod in the block.');
		expect(data.citation[0].creator.name).toBe('Evil <script>window.__xss="outlet name"</script> News');
		expect(data.citation[0].isBasedOn).toBe('https://example.org/q?"><script>window.__xss=10</script>');
	});

	it('refuses javascript:, data: and other script addresses in fields, links and quotes, with file:line:column', async () => {
		const result = await checkContent('tests/fixtures/xss/javascript-urls');
		expect(result.code).not.toBe(0);
		const output = result.stdout + result.stderr;
		for (const line of [
			'articles/bad.md:6:14: error: field `originalUrl` is invalid',
			'articles/bad.md:7:34: error: field `republished.url` is invalid',
			'articles/bad.md:10:19: error: a link to `javascript:` is not allowed',
			'articles/bad.md:10:53: error: a link to `javascript:` is not allowed',
			'articles/bad.md:12:1: error: `url` must be an http(s) address, not `javascript:alert(9)`',
			'glossary/bad-fields.md:8:25: error: field `links.0.url` is invalid',
			'glossary/bad-fields.md:9:11: error: field `sources.0` is invalid',
			'glossary/bad-links.md:8:13: error: a link to `javascript:` is not allowed',
			'glossary/bad-links.md:8:47: error: a link to `javascript:` is not allowed',
			'glossary/bad-links.md:8:82: error: an image must be a file of this site',
		]) {
			expect(output, line).toContain(line);
		}
	});
});
