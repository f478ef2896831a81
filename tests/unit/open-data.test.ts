/** The article text and the spans of marks and quoted blocks in it, and Web Annotation selectors. */
import { describe, expect, it } from 'vitest';
import { articleText, quoteSelector, webAnnotations } from '../../src/lib/open-data.ts';

const HTML = [
	'<p id="p-1">By <a href="/glossary/ed/" data-entity="ed">Ed</a> – 𝔥ot air – in <a data-entity="iraq">Iraq</a></p>',
	'<figure class="quote" id="quote-one" data-outlet="ap"><blockquote>\n<p><a data-entity="baghdad">Baghdad</a> <span data-pagefind-ignore>[sic: Bagdad]</span>fell   today.</p>\n<p>More <a data-entity="iraq">Iraq</a>.</p>\n</blockquote>',
	'<figcaption data-pagefind-ignore>Source: <a data-entity="ap">AP</a></figcaption></figure>',
	'<p>Then <span data-pagefind-ignore>Editors’ note with <a data-entity="ap">AP</a>.</span><a data-entity="mosul">Mosul</a>’s turn.</p>',
].join('\n');

describe('articleText', () => {
	const spans = articleText(HTML);
	const chars = [...spans.text];
	const slice = (start: number, end: number) => chars.slice(start, end).join('');

	it('is the words without interface text, blocks apart, white space collapsed', () => {
		expect(spans.text).toBe('By Ed – 𝔥ot air – in Iraq\n\nBaghdad fell today.\n\nMore Iraq.\n\nThen Mosul’s turn.');
	});

	it('gives each mark outside interface text, in order, with code-point offsets', () => {
		expect(spans.marks.map((m) => m.entity)).toEqual(['ed', 'iraq', 'baghdad', 'iraq', 'mosul']);
		for (const mark of spans.marks) expect(slice(mark.start, mark.end)).toBe(mark.exact);
		// After the astral 𝔥: one code point (in UTF-16 units it would be 22).
		expect(spans.marks[1]).toMatchObject({ exact: 'Iraq', start: 21, end: 25 });
		expect(spans.marks[2]!.exact).toBe('Baghdad');
	});

	it('gives each quoted block the span of its blockquote words', () => {
		expect(spans.quotes).toEqual([{ id: 'quote-one', outlet: 'ap', exact: 'Baghdad fell today.\n\nMore Iraq.', start: 27, end: 58 }]);
		expect(slice(27, 58)).toBe(spans.quotes[0]!.exact);
		expect(spans.quotes[0]!.start).toBe(spans.marks[2]!.start);
	});
});

describe('quoteSelector', () => {
	it('widens prefix and suffix until prefix + exact + suffix occurs once', () => {
		const text = `${'Iraq and Iraq and '.repeat(6)}Iraq, finally.`;
		const chars = [...text];
		const start = text.indexOf('Iraq', 40);
		const selector = quoteSelector(chars, start, start + 4);
		const whole = selector.prefix + selector.exact + selector.suffix;
		expect(selector.exact).toBe('Iraq');
		expect(text.indexOf(whole)).toBe(start - selector.prefix.length);
		expect(text.indexOf(whole, text.indexOf(whole) + 1)).toBe(-1);
	});
});

describe('webAnnotations', () => {
	it('makes an identifying annotation per mark and a describing one per quote', () => {
		const spans = articleText(HTML);
		const collection = webAnnotations({
			articleUrl: 'https://example.org/a/',
			collectionUrl: 'https://example.org/a.jsonld',
			title: 'A',
			spans,
			entryUrl: (id) => `https://example.org/g/${id}/`,
			outletName: (id) => (id === 'ap' ? 'AP' : undefined),
			quoteNote: () => 'Quoted from AP.',
		});
		expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
		expect(collection.total).toBe(6);
		const [first] = collection.first.items;
		expect(first).toMatchObject({ type: 'Annotation', motivation: 'identifying', body: { id: 'https://example.org/g/ed/' } });
		expect(first!.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 5 });
		expect(collection.first.items.at(-1)).toMatchObject({ motivation: 'describing' });
	});
});
