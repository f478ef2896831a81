/**
 * Which pages of a built site the indexing step gives Pagefind (scripts/lib/search-index.ts): those
 * with a `data-pagefind-body`, with their sort date, which decides their part (src/search-parts.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexedPages, searchParts } from '../../scripts/lib/search-index.ts';

function site(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indexed-pages-'));
	for (const [file, html] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
		fs.writeFileSync(path.join(dir, file), html);
	}
	return dir;
}

describe('the pages the indexing step gives Pagefind', () => {
	it('takes the pages with an indexed body, in order of their files, each with its sort date', () => {
		const dir = site({
			'index.html': '<html lang="en" data-base="/"><body><main><p>Every article, listed.</p></main></body></html>',
			'articles/b/index.html': '<html><body><article data-pagefind-body><span data-pagefind-sort="date[data-value]" data-value="2015-01-15"></span>B</article></body></html>',
			'articles/a/index.html': '<html><body><main data-pagefind-body=""><div hidden><span data-pagefind-sort="date[data-value]" data-value="2015-03-02"></span></div>A</main></body></html>',
			'glossary/x/index.html': '<html><body><main data-pagefind-body>An entry, no date</main></body></html>',
			// The words in the text are no attribute: the page escapes its `<`.
			'glossary/x/mentions/2/index.html': '<html><body><main><p>&lt;main data-pagefind-body&gt; data-pagefind-sort="date[data-value]"</p></main></body></html>',
			// Pagefind's own folder is never read.
			'pagefind/playground/index.html': '<html><body data-pagefind-body></body></html>',
		});
		try {
			expect(indexedPages(dir)).toEqual([{ file: 'articles/a/index.html', date: '2015-03-02' }, { file: 'articles/b/index.html', date: '2015-01-15' }, { file: 'glossary/x/index.html' }]);
			expect(searchParts(dir)).toBe(1);
			fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="en" data-base="/" data-search-parts="4"><body></body></html>');
			expect(searchParts(dir)).toBe(4);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
