import { describe, expect, it } from 'vitest';
import { splitAround } from '../../src/lib/highlight.ts';

describe('splitAround', () => {
	it('sets apart every occurrence of the words and keeps all the text', () => {
		const parts = splitAround('Maliki met Maliki’s aides', 'Maliki');
		expect(parts).toEqual([
			{ text: 'Maliki', match: true },
			{ text: ' met ', match: false },
			{ text: 'Maliki', match: true },
			{ text: '’s aides', match: false },
		]);
		expect(parts.map((p) => p.text).join('')).toBe('Maliki met Maliki’s aides');
	});

	it('leaves text without the words whole', () => {
		expect(splitAround('No name here.', 'Baghdad')).toEqual([{ text: 'No name here.', match: false }]);
		expect(splitAround('Text', '')).toEqual([{ text: 'Text', match: false }]);
	});
});
