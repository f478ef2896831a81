/** XML escaping (maps' SVG) drops the characters XML does not allow, as well as escaping markup. */
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/escape.ts';

describe('escapeXml', () => {
	it('escapes markup and drops control characters that would make the XML invalid', () => {
		expect(escapeXml('Kurds\u0007 seize <Jalula> & "more"\u0000')).toBe('Kurds seize &lt;Jalula&gt; &amp; &quot;more&quot;');
		expect(escapeXml('tab\tand\nline')).toBe('tab\tand\nline');
	});
});
