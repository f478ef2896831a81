/** The shared contracts: addresses, slugs, escaping and name normalisation, each defined once. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml, jsonForScript } from '../../src/escape.ts';
import { containsWords, foldApostrophes, normalizeName } from '../../src/names.ts';
import { absoluteUrl, createRoutes } from '../../src/routes.ts';
import { slugify } from '../../src/slug.ts';
import { anchorFromText } from '../../src/markdown/text.ts';

describe('routes', () => {
	const routes = createRoutes('/reader/');
	it('puts every address under the base path', () => {
		expect(routes.home).toBe('/reader/');
		expect(routes.article('a-b')).toBe('/reader/articles/a-b/');
		expect(routes.article('a-b', 'quote-x')).toBe('/reader/articles/a-b/#quote-x');
		expect(routes.entry('baghdad')).toBe('/reader/glossary/baghdad/');
		expect(routes.search()).toBe('/reader/search/');
		expect(routes.search('al-Maliki & co')).toBe('/reader/search/?q=al-Maliki%20%26%20co');
		expect(routes.articleData('a')).toBe('/reader/data/articles/a.json');
		expect(routes.articleAnnotations('a')).toBe('/reader/data/articles/a.annotations.jsonld');
		expect(routes.placeMap('mosul')).toBe('/reader/maps/places/mosul.svg');
		expect(routes.pagefind('pagefind.js')).toBe('/reader/pagefind/pagefind.js');
		expect(routes.headerSearch).toBe('/reader/pagefind/header/');
		expect(createRoutes('/').glossary).toBe('/glossary/');
	});
	it('makes absolute addresses on an origin', () => {
		expect(absoluteUrl(routes.feed, 'https://reader.example')).toBe('https://reader.example/reader/feed.xml');
	});
});

describe('slugify', () => {
	it('joins lower-case ASCII words with hyphens', () => {
		expect(slugify('Nouri al-Mālikī')).toBe('nouri-al-maliki');
		expect(slugify('Bad_Name')).toBe('bad-name');
		expect(slugify('  ¿?  ')).toBe('');
	});
	it('drops punctuation inside words for anchors, and keeps at most maxWords', () => {
		expect(slugify("Iraq's U.S.-made 21,000 rifles", { dropPunctuation: true })).toBe('iraqs-us-made-21000-rifles');
		expect(slugify('one two three four', { maxWords: 2 })).toBe('one-two');
		expect(anchorFromText('p', 'The mayor’s town, on 21 June')).toBe('p-the-mayors-town-on-21-june');
		expect(anchorFromText('quote', '…')).toBe('quote');
	});
});

describe('escaping', () => {
	it('escapes HTML text and attribute values', () => {
		expect(escapeHtml(`<b class="x">Tom & Jerry's</b>`)).toBe('&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;');
	});
	it('escapes XML and drops characters XML does not allow', () => {
		expect(escapeXml(`a\u0001<b> & "c" 'd'`)).toBe('a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
	});
	it('keeps JSON inside a script element from closing it, and still the same JSON', () => {
		const value = { name: '</script><script>alert(1)</script>', line: 'a\u2028b & c' };
		const text = jsonForScript(value);
		expect(text).not.toMatch(/<|>|&|\u2028/);
		expect(JSON.parse(text)).toEqual(value);
	});
});

describe('names', () => {
	it('folds every apostrophe the same way, one character for one', () => {
		for (const apostrophe of ['\u2019', '\u2018', '\u02BC', '\u02BB', '`', '´']) {
			expect(normalizeName(`Shi${apostrophe}ite`)).toBe("shi'ite");
			expect(foldApostrophes(`Shi${apostrophe}ite`)).toHaveLength('Shi’ite'.length);
		}
		expect(normalizeName('  ISIS \u2013 Iraq ')).toBe('isis - iraq');
	});

	it('finds a name in a text only as whole words', () => {
		expect(containsWords('the isis fighters', 'isis')).toBe(true);
		expect(containsWords('isis', 'isis')).toBe(true);
		expect(containsWords('isisland and isis2', 'isis')).toBe(false);
		expect(containsWords('isisland, then isis.', 'isis')).toBe(true);
		expect(containsWords('al-maliki said', 'maliki')).toBe(true);
		expect(containsWords('émaliki', 'maliki')).toBe(false);
		expect(containsWords('𝐀maliki 𝐀', 'maliki')).toBe(false);
		expect(containsWords('😀maliki😀', 'maliki')).toBe(true);
		expect(containsWords("shi'ite (and) sunni", '(and)')).toBe(true);
	});

	it('finds whole words as a regular expression with letter and digit boundaries does', () => {
		const pieces = ['a', 'b', 'ab', ' ', '-', '.', 'é', '1', '𝐀', '😀', '(', '\\', '$'];
		let seed = 7;
		const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
		const pick = (n: number) => Array.from({ length: n }, () => pieces[Math.floor(random() * pieces.length)]).join('');
		const patterns = new Map<string, RegExp>();
		const disagreements: string[] = [];
		let found = 0;
		for (let i = 0; i < 2000; i++) {
			const [text, name] = [pick(1 + Math.floor(random() * 12)), pick(1 + Math.floor(random() * 2))];
			if (!patterns.has(name)) patterns.set(name, new RegExp(`(^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u'));
			const expected = patterns.get(name)!.test(text);
			if (expected) found++;
			if (containsWords(text, name) !== expected) disagreements.push(`${JSON.stringify(name)} in ${JSON.stringify(text)}`);
		}
		expect(disagreements).toEqual([]);
		expect(found).toBeGreaterThan(150);
	});
});
