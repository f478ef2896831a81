/** The import's parts on their own: escaping, boundaries, credit lines, attributions, formats, the word check. */
import { describe, expect, it } from 'vitest';
import { proposeAttribution } from '../../src/authoring/import/attribution.ts';
import { findMergedBoundaries } from '../../src/authoring/import/boundaries.ts';
import { readByline } from '../../src/authoring/import/byline.ts';
import { findDate } from '../../src/authoring/import/dates.ts';
import { detectFormat } from '../../src/authoring/import/detect-format.ts';
import { escapeMarkdown } from '../../src/authoring/import/escape-markdown.ts';
import { parseHtml } from '../../src/authoring/import/parse-html.ts';
import { ImportError } from '../../src/authoring/import/errors.ts';
import { knownOutlets, type KnownOutlet } from '../../src/authoring/import/outlets.ts';
import { articleSlug } from '../../src/authoring/import/slug.ts';
import { isPlaceholder } from '../../src/schemas/placeholder.ts';
import { republisherPrefix } from '../../src/authoring/import/title-prefix.ts';
import { checkWordsKept, wordsOf } from '../../src/authoring/import/verify-words.ts';
import { indexNames, type Glossary, type GlossaryEntry } from '../../src/corpus/glossary.ts';

function glossaryOf(entries: Partial<GlossaryEntry>[]): Glossary {
	const map = new Map<string, GlossaryEntry>();
	for (const e of entries) map.set(e.id!, { aliases: [], native: [], links: [], sources: [], note: '', noteLine: 0, file: `${e.id}.md`, role: 'r', asOf: '2021', summary: 's', ...e } as GlossaryEntry);
	return { entries: map, byName: indexNames(map), diagnostics: [] };
}

const glossary = glossaryOf([
	{ id: 'reuters', name: 'Reuters', type: 'outlet' },
	{ id: 'associated-press', name: 'Associated Press', type: 'outlet', aliases: ['AP', 'The Associated Press'] },
	{ id: 'new-york-times', name: 'The New York Times', type: 'outlet', aliases: ['New York Times', 'NYT'] },
	{ id: 'hot-air', name: 'Hot Air', type: 'outlet', aliases: ['hot air'] },
	{ id: 'baghdad', name: 'Baghdad', type: 'place' },
]);
const outlets: KnownOutlet[] = knownOutlets(glossary);
const front = '---\ntitle: t\nauthor: a\npublisher: p\npublished: 2021-01-01\nsummary: s\n---\n';

describe('escapeMarkdown', () => {
	const samples = [
		'*stars* and _underscores_ and **bold**',
		'[a link](https://example.org) and <b>tags</b> and `code`',
		'# not a heading',
		'> not a quote',
		'- not a list',
		'2014. Not an ordered list',
		'10:30, ratio:x[1], :e[Baghdad], :note[x] and :::quote',
		'&amp; &#169; & plain ampersand',
		'a \\ backslash and ~~strike~~',
		'https://example.org/a_b_c and www.example.org',
		':::quote{outlet=x} at the start',
		'::note[not a note] either',
		'+ plus and = equals',
		'---',
		'    four spaces of indent',
	];
	it.each(samples)('renders %s as exactly its words', async (text) => {
		const check = await checkWordsKept(`${front}\n${escapeMarkdown(text)}\n`, 'x.md', text, glossary);
		expect(check.difference).toBeUndefined();
		expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
	});
	it('leaves ordinary punctuation alone', () => {
		expect(escapeMarkdown('At 10:30, the U.S. envoy said “no” — again.')).toBe('At 10:30, the U.S. envoy said “no” — again.');
	});
});

describe('findMergedBoundaries', () => {
	it('finds a full stop between a lower-case word and a capital with no space', () => {
		expect(findMergedBoundaries('when the militants took control.ISIS also seized Qaim').map((b) => [b.excerpt, b.before, b.after])).toEqual([['took control.ISIS also', 'control.', 'ISIS']]);
		expect(findMergedBoundaries('served under al-Maliki.The return of Sadr')).toHaveLength(1);
		expect(findMergedBoundaries('he said so!Then he left')).toHaveLength(1);
	});
	it('does not take abbreviations, addresses, decimals or spaced sentences for boundaries', () => {
		for (const text of ['since U.S. troops withdrew', 'see nytimes.com today', 'it rose 2.5 per cent', 'He left. Then he came back.', 'the e.g. case', 'andjoined with ISIS', 'a.m. Then']) {
			expect(findMergedBoundaries(text), text).toEqual([]);
		}
	});
});

describe('readByline', () => {
	it('reads a blog credit line: date, author, publisher between dashes', () => {
		expect(readByline('June 21, 2014 by Ed Morrissey – hot air – There’s more news today from Iraq', outlets)).toEqual({ published: '2014-06-21', author: 'Ed Morrissey', publisher: 'Hot Air' });
	});
	it('reads "By X | Outlet | date"', () => {
		expect(readByline('By Jane Roe | Reuters | 3 March 2021', outlets)).toEqual({ author: 'Jane Roe', publisher: 'Reuters', published: '2021-03-03' });
	});
	it('takes no byline from a "by" in the middle of a sentence', () => {
		expect(readByline('The town was taken by Sunni Militants on Saturday after a long battle.', outlets)).toEqual({});
	});
	it('reads dates in the forms news pages use', () => {
		expect(['June 21, 2014', '21 June 2014', 'Sept. 8, 2014', '2014-09-08T10:00:00Z', '8th September 2014'].map((t) => findDate(t)?.date)).toEqual([
			'2014-06-21',
			'2014-06-21',
			'2014-09-08',
			'2014-09-08',
			'2014-09-08',
		]);
		expect(findDate('31 February 2014')).toBeUndefined();
	});
});

describe('proposeAttribution', () => {
	const first = 'Militants seized the crossing on Saturday.';
	it.each([
		['according to Reuters, the army withdrew:', 'reuters'],
		['The mayor told the Associated Press on Saturday:', 'associated-press'],
		['The New York Times reported that the factions clashed:', 'new-york-times'],
		['But there is a bright spot, and it comes from the New York Times. Not all is well:', 'new-york-times'],
		['In an NYT report from Kirkuk:', 'new-york-times'],
	])('proposes the outlet a lead-in names with a cue: %s', (leadIn, outlet) => {
		const proposal = proposeAttribution({ leadIn, firstParagraph: first }, outlets);
		expect(proposal.outlet?.id).toBe(outlet);
		expect(proposal.where).toBe('lead-in');
		expect(proposal.evidence).toContain(leadIn.split(' ')[0]);
	});
	it('proposes nothing when the lead-in names an outlet without saying it is the source', () => {
		expect(proposeAttribution({ leadIn: 'Reuters staff were among those evacuated:', firstParagraph: first }, outlets)).toEqual({});
		expect(proposeAttribution({ leadIn: 'Rawah fell to Isis overnight:', firstParagraph: first }, outlets)).toEqual({});
	});
	it('reads a short credit line after the quote, a credit inside it, and a dateline', () => {
		expect(proposeAttribution({ firstParagraph: first, next: '— Reuters' }, outlets)).toMatchObject({ outlet: { id: 'reuters' }, where: 'credit line' });
		expect(proposeAttribution({ firstParagraph: first, credit: '— The Associated Press, 8 March 2021' }, outlets)).toMatchObject({ outlet: { id: 'associated-press' }, where: 'credit line' });
		expect(proposeAttribution({ firstParagraph: 'BAGHDAD (AP) — Militants seized the crossing.' }, outlets)).toMatchObject({ outlet: { id: 'associated-press' }, where: 'dateline' });
		// A long paragraph after the quote is the writer's text, not a credit.
		expect(proposeAttribution({ firstParagraph: first, next: 'Reuters later said the crossing had been retaken by the army after a long battle on Sunday.' }, outlets)).toEqual({});
	});
	it('names an outlet the glossary does not know, without proposing an id', () => {
		expect(proposeAttribution({ leadIn: 'Al Jazeera reported on Sunday:', firstParagraph: first }, outlets)).toMatchObject({ unknownName: 'Al Jazeera', where: 'lead-in' });
		expect(proposeAttribution({ leadIn: 'Officials said on Sunday:', firstParagraph: first }, outlets)).toEqual({});
	});
});

describe('detectFormat', () => {
	it('goes by extension when the content agrees, else by content', () => {
		expect(detectFormat('a.html', '<p>Hello</p>')).toBe('html');
		expect(detectFormat('a.txt', '<!doctype html><html><body><p>x</p></body></html>')).toBe('html');
		expect(detectFormat('a.md', 'Text with a <div>tag</div> in it')).toBe('markdown');
		expect(detectFormat('a', '# Title\n\n> a quote\n\nText.')).toBe('markdown');
		expect(detectFormat('a', 'Title\n\nJust text.')).toBe('text');
		expect(detectFormat('a.txt', '[not json')).toBe('text');
	});
	it('refuses JSON and XML data', () => {
		expect(() => detectFormat('a.txt', '{"a": 1}')).toThrow(ImportError);
		expect(() => detectFormat('a.md', '[1, 2]')).toThrow(/JSON data, not an article/);
		expect(() => detectFormat('feed', '<?xml version="1.0"?><rss/>')).toThrow(/XML data/);
	});
});

describe('articleSlug', () => {
	it('makes a short address from the title and checks one given', () => {
		expect(articleSlug(undefined, 'Iraq’s parliament approves Haider al-Abadi’s government', 'x.html')).toBe('iraqs-parliament-approves-haider-al-abadis-government');
		expect(articleSlug(undefined, 'MESOP WATCH VIDEO : Kurds seize Jalula to attack ISIS, Iraq loses border crossing with Syria', 'x.txt').length).toBeLessThanOrEqual(60);
		expect(articleSlug(undefined, undefined, '/tmp/My Article.txt')).toBe('my-article');
		expect(() => articleSlug('Not A Slug', 't', 'x')).toThrow(/cannot be an article address.*--slug not-a-slug/);
	});
});

describe('checkWordsKept', () => {
	it('reports the first word the article lost, with context from both sides', async () => {
		const input = 'The mayor said the town fell overnight.';
		const check = await checkWordsKept(`${front}\nThe mayor said town fell overnight.\n`, 'x.md', input, glossary);
		expect(check.difference).toEqual({ index: 3, input: 'The mayor said the town fell overnight.', article: 'The mayor said town fell overnight.' });
	});
	it('reports a frontmatter field that does not read back as found', async () => {
		const check = await checkWordsKept(`${front}\nText.\n`, 'x.md', 'Text.', glossary, { title: 't', author: 'Someone else', published: '2021-01-01' });
		expect(check.fieldsChanged).toEqual(['author']);
	});
	it('does not count notes, quote captions or [sic] marks as the article’s words', async () => {
		const body = ':::quote{outlet=reuters evidence=editors confidence=low how="x"}\n> Words :sic[AIi]{fix="Ali"} here.\n:::\n\n::note[An editors’ note.]\n';
		const check = await checkWordsKept(`${front}\n${body}`, 'x.md', 'Words AIi here.', glossary);
		expect(check.difference).toBeUndefined();
		expect(wordsOf('a\u00a0 b\n\tc')).toEqual(['a', 'b', 'c']);
	});
});

describe('parseHtml', () => {
	it('splits text separated by two line breaks into paragraphs, on pages without <p>', () => {
		const document = parseHtml('page.html', '<html><body><div class="story">First part of the story.<br><br>Second part, with a <br>single break.<br> <br>Third part.</div></body></html>', outlets);
		expect(document.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['First part of the story.', 'Second part, with a single break.', 'Third part.']);
	});
	it('reads a layout table or a list item that holds paragraphs block by block', () => {
		const page =
			'<html><body><main><table><tr><td><p>First paragraph of the story.</p><blockquote><p>A quote.</p></blockquote><p>Last paragraph.</p></td></tr><tr><td>Menu</td><td>Contact</td></tr></table><ul><li>Plain item.</li><li><p>Item with</p><p>two paragraphs.</p></li></ul></main></body></html>';
		const document = parseHtml('page.html', page, outlets);
		expect(document.blocks.map((b) => (b.kind === 'quote' ? 'quote' : b.text))).toEqual([
			'First paragraph of the story.',
			'quote',
			'Last paragraph.',
			'Menu Contact',
			'Plain item.',
			'Item with',
			'two paragraphs.',
		]);
	});
	it('treats a blockquote in a figure with a caption as a quote and its credit line', () => {
		const document = parseHtml(
			'page.html',
			'<article><p>Officials spoke on Monday:</p><figure><blockquote><p>We will rebuild.</p></blockquote><figcaption>— Reuters</figcaption></figure></article>',
			outlets,
		);
		expect(document.blocks.map((b) => b.kind)).toEqual(['paragraph', 'quote', 'paragraph']);
	});
});

describe('the article of a page without <article> or <main>', () => {
	it('is found whole when each paragraph sits in a wrapper of its own', () => {
		const wrapped = (text: string) => `<div class="text-block"><p>${text}</p></div>`;
		const page = `<html><body><div class="nav"><p>Home</p></div><div class="story">${['One paragraph of the story, long enough.', 'A second paragraph of the story, also long.', 'A third and last paragraph of the story, which is the longest one.'].map(wrapped).join('')}</div><div class="footer-links"><p>About us</p></div></body></html>`;
		const document = parseHtml('page.html', page, outlets);
		expect(document.blocks).toHaveLength(3);
		expect(document.bodyText).not.toMatch(/Home|About us/);
	});

	it('is the element whose own paragraphs hold the most text, not the menus and sidebars', () => {
		const page = `<html><body>
			<div class="menu"><p>Home</p><p>World</p><p>Sport</p></div>
			<div class="layout"><div class="story"><h1>Title</h1><p>The first paragraph of the story, which is long enough to count.</p>
			<p>The second paragraph of the story goes on a little.</p><blockquote><p>A quoted line.</p></blockquote></div>
			<div class="sidebar"><p>Most read: something else.</p></div></div></body></html>`;
		const document = parseHtml('page.html', page, outlets);
		expect(document.metadata.title).toBe('Title');
		expect(document.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'quote']);
		expect(document.bodyText).not.toMatch(/Home|Most read/);
	});
});

describe('republisherPrefix', () => {
	const withMesop = knownOutlets(
		glossaryOf([
			{ id: 'mesop', name: 'MESOP', type: 'outlet' },
			{ id: 'reuters', name: 'Reuters', type: 'outlet' },
		]),
	);
	it('finds a glossary outlet that opens the headline before a separator', () => {
		expect(republisherPrefix('MESOP WATCH VIDEO : Kurds seize Jalula to attack ISIS', withMesop)).toMatchObject({
			outlet: { id: 'mesop' },
			prefix: 'MESOP WATCH VIDEO :',
			rest: 'Kurds seize Jalula to attack ISIS',
		});
		expect(republisherPrefix('Reuters | Floods close the river road', withMesop)).toMatchObject({ outlet: { id: 'reuters' }, rest: 'Floods close the river road' });
	});
	it('leaves headlines that only mention an outlet, or have no separator', () => {
		expect(republisherPrefix('Kurds seize Jalula: MESOP reports', withMesop)).toBeUndefined();
		expect(republisherPrefix('MESOP reports that Kurds seized Jalula', withMesop)).toBeUndefined();
	});
});

describe('isPlaceholder', () => {
	it('is a value that starts with TODO and a colon, nothing else', () => {
		expect(['TODO: the author', '  TODO: x'].map(isPlaceholder)).toEqual([true, true]);
		expect(['TODO list apps reviewed', 'A TODO: in the middle', '', undefined, 3].map(isPlaceholder)).toEqual([false, false, false, false, false]);
	});
});
