/**
 * The site's escaping, one function per target language. Pure: the browser scripts use it too.
 * Astro escapes the expressions of `.astro` templates itself; these are for text we write into
 * markup by hand (SVG maps, search excerpts) and for JSON inside a `<script>` element.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters that XML 1.0 does not allow anywhere, even escaped: C0 controls but tab and line breaks, U+FFFE, U+FFFF. */
const NOT_XML = /(?![\t\n\r\u007f-\u009f])\p{Cc}|[\ufffe\uffff]/gu;

/** Text for HTML content or a quoted attribute value: `a < b & "c"` → `a &lt; b &amp; &quot;c&quot;`. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Text for XML content or a quoted attribute value (SVG, feeds). Characters XML does not allow at
 * all are dropped (the content check reports them first).
 */
export function escapeXml(text: string): string {
	return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/**
 * JSON for a `<script type="application/ld+json">` block. `JSON.stringify` leaves `<`, `>` and `&`
 * as they are, and `</script>` in a glossary entry would close the block, so they become `\u003c`
 * and friends (still the same JSON). U+2028 and U+2029 are escaped for older JSON parsers.
 */
export function jsonForScript(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
