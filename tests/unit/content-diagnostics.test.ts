/**
 * One content folder per diagnostic under tests/fixtures/content/: the whole corpus is loaded
 * (glossary, frontmatter, articles) and its formatted diagnostics compared with `messages.txt`.
 * `UPDATE_FIXTURES=1` rewrites the expected files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';

const FIXTURES = path.resolve('tests/fixtures/content');

describe('content diagnostics', () => {
	for (const name of fs.readdirSync(FIXTURES).sort()) {
		it(name, async () => {
			const root = path.join(FIXTURES, name);
			const loaded = await loadCorpus(root, '/');
			// The fixture's own expectations file sits in the content folder it describes: not an author's file.
			const corpus = { ...loaded, diagnostics: loaded.diagnostics.filter((d) => !(d.rule === 'unread-file' && path.basename(d.file) === 'messages.txt')) };
			const text = `${formatDiagnostics(corpus.diagnostics).replaceAll(`${FIXTURES}/`, '').replaceAll('tests/fixtures/content/', '')}\n`;
			const expected = path.join(root, 'messages.txt');
			if (process.env.UPDATE_FIXTURES || !fs.existsSync(expected)) fs.writeFileSync(expected, text);
			expect(text).toBe(fs.readFileSync(expected, 'utf8'));
			expect(corpus.diagnostics.length).toBeGreaterThan(0);
			for (const d of corpus.diagnostics) {
				expect(d.line).toBeGreaterThan(0);
				expect(d.column).toBeGreaterThan(0);
				expect(d.hint, `${d.rule} has a fix`).toBeTruthy();
			}
		});
	}
});
