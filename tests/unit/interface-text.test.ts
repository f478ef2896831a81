/**
 * The article's own words without the interface text: a copy without the `data-pagefind-ignore`
 * parts when there are some, the element itself when there are none (no copy), the original never
 * changed.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { withoutInterfaceText } from '../../src/markdown/interface-text.ts';

function paragraph(html: string): Element {
	return fromHtml(html, { fragment: true }).children[0] as Element;
}

describe('withoutInterfaceText', () => {
	it('leaves out the interface text, however deep, in a copy, and keeps the original whole', () => {
		const original = paragraph('<p>Fighters held <a data-entity="jalula">Jalula<span data-pagefind-ignore> (card)</span></a> on Friday.<sup data-pagefind-ignore>1</sup></p>');
		const before = structuredClone(original);
		const clean = withoutInterfaceText(original);
		expect(toText(clean)).toBe('Fighters held Jalula on Friday.');
		expect(clean).not.toBe(original);
		expect(original).toEqual(before);
	});

	it('gives back the element itself when it holds no interface text', () => {
		const original = paragraph('<p>Fighters held <a data-entity="jalula">Jalula</a> on <em>Friday</em>.</p>');
		expect(withoutInterfaceText(original)).toBe(original);
		expect(toText(withoutInterfaceText(original))).toBe('Fighters held Jalula on Friday.');
	});
});
