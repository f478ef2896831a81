/**
 * The open-data work stays linear in the article's size: quote selectors check uniqueness with a
 * suffix array built once per text (not an `indexOf` over the whole text per span), give up
 * widening at `MAX_CONTEXT`, and give the same selectors as the direct definition.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CONTEXT, articleText, quoteSelectors, webAnnotations } from '../../src/lib/open-data.ts';
import { RepeatIndex, suffixArray } from '../../src/lib/suffix-array.ts';

/** A small deterministic pseudo-random generator, so failures can be replayed. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function randomText(next: () => number, length: number, alphabet: string): string {
	let text = '';
	for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
	return text;
}

/** The selector as the definition says: widen by 32 until prefix + exact + suffix occurs once (or the cap). */
function directSelector(text: string, start: number, end: number) {
	for (let context = 32; ; context += 32) {
		const from = Math.max(0, start - context);
		const to = Math.min(text.length, end + context);
		const window = text.slice(from, to);
		const first = text.indexOf(window);
		const once = first !== -1 && text.indexOf(window, first + 1) === -1;
		if ((from === 0 && to === text.length) || context >= MAX_CONTEXT || once) return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
	}
}

/** CPU time of a function in milliseconds, the least of three runs (other processes' load aside). */
function cpuTime(fn: () => void): number {
	let best = Infinity;
	for (let run = 0; run < 3; run++) {
		const before = process.cpuUsage();
		fn();
		const used = process.cpuUsage(before);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

describe('suffix array', () => {
	it('sorts the suffixes of texts with many repeats as a direct sort does', () => {
		const next = random(1);
		for (let round = 0; round < 60; round++) {
			const text = randomText(next, 1 + Math.floor(next() * 120), round % 2 ? 'ab' : 'abcab ');
			const symbols = Array.from(text, (c) => c.codePointAt(0)!);
			const direct = [...symbols.keys()].sort((a, b) => (text.slice(a) < text.slice(b) ? -1 : 1));
			expect([...suffixArray(symbols)], text).toEqual(direct);
		}
	});

	it('tells which stretches occur once, as counting them does', () => {
		const next = random(2);
		for (let round = 0; round < 40; round++) {
			const text = randomText(next, 80, 'aab');
			const index = new RepeatIndex(Array.from(text, (c) => c.codePointAt(0)!));
			for (let start = 0; start < text.length; start += 3) {
				for (const length of [1, 2, 4, 8, 16]) {
					if (start + length > text.length) continue;
					const needle = text.slice(start, start + length);
					const first = text.indexOf(needle);
					expect(index.isUnique(start, length), `${needle} in ${text}`).toBe(text.indexOf(needle, first + 1) === -1);
				}
			}
		}
	});
});

describe('quote selectors', () => {
	it('are the ones the definition gives, on ordinary and on repetitive text', () => {
		const next = random(3);
		for (const text of [randomText(next, 3000, 'abcdefghij klmnop'), 'the mayor said the city was calm. '.repeat(40), randomText(next, 2000, 'ab')]) {
			const select = quoteSelectors([...text]);
			for (let i = 0; i < 40; i++) {
				const start = Math.floor(next() * (text.length - 10));
				const end = start + 1 + Math.floor(next() * 8);
				expect(select(start, end), `${start}-${end}`).toEqual({ type: 'TextQuoteSelector', exact: text.slice(start, end), ...directSelector(text, start, end) });
			}
		}
	});

	it('take no more than MAX_CONTEXT of context, even where the text repeats itself throughout', () => {
		const text = 'In Baghdad the mayor said the city was calm. '.repeat(2000);
		const select = quoteSelectors([...text]);
		const selector = select(45 * 1000 + 3, 45 * 1000 + 10);
		expect(selector.exact).toBe('Baghdad');
		expect([...selector.prefix].length).toBeLessThanOrEqual(MAX_CONTEXT);
		expect([...selector.suffix].length).toBeLessThanOrEqual(MAX_CONTEXT);
	});

	it('cost about four times as much for four times the article, not sixteen', () => {
		const article = (paragraphs: number) => {
			const next = random(4);
			const words = ['the', 'mayor', 'said', 'city', 'was', 'calm', 'and', 'militants', 'road', 'north'];
			const parts: string[] = [];
			for (let i = 0; i < paragraphs; i++) {
				const sentence = Array.from({ length: 12 }, () => words[Math.floor(next() * words.length)]).join(' ');
				parts.push(`<p>In <a data-entity="baghdad">Baghdad</a> ${sentence}, said <a data-entity="isis">ISIS</a>.</p>`);
			}
			return parts.join('\n');
		};
		const spansOf = (paragraphs: number) => articleText(article(paragraphs));
		const small = spansOf(1500);
		const large = spansOf(6000);
		expect(large.marks).toHaveLength(12000);
		const annotate = (spans: ReturnType<typeof articleText>) => () =>
			webAnnotations({ articleUrl: 'https://x/a/', collectionUrl: 'https://x/a.jsonld', title: 't', spans, entryUrl: (id) => id, outletName: () => undefined, quoteNote: () => '' });
		const ratio = cpuTime(annotate(large)) / cpuTime(annotate(small));
		// Quadratic work (an indexOf over the whole text per mark) gave about 16 here.
		expect(ratio).toBeLessThan(9);
	}, 120_000);
});
