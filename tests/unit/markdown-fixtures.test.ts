/**
 * Runs the real article pipeline on every folder of tests/fixtures/markdown/: `input.md` in,
 * `output.html` and `messages.txt` (one diagnostic per line) out. `UPDATE_FIXTURES=1` rewrites
 * the expected files; review the diff before committing it. A folder with a `mentions.txt` also
 * compares the mentions the pipeline records (one `entity #anchor "words"` per line).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { createArticleRenderer } from '../../src/markdown/pipeline.ts';

const FIXTURES = path.resolve('tests/fixtures/markdown');
const glossary = loadGlossary(path.resolve('tests/fixtures/glossary'));
const render = await createArticleRenderer({ glossary, base: '/base/' });

describe('markdown fixtures', () => {
	it('has a valid fixture glossary', () => {
		expect(glossary.diagnostics).toEqual([]);
		expect(glossary.entries.size).toBeGreaterThan(3);
	});

	for (const name of fs.readdirSync(FIXTURES).sort()) {
		it(name, async () => {
			const dir = path.join(FIXTURES, name);
			const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
			const result = await render(input, 'input.md');
			const html = `${result.html.trim()}\n`;
			const messages = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}${d.hint ? ` | fix: ${d.hint}` : ''}`).join('\n');
			const htmlFile = path.join(dir, 'output.html');
			const messagesFile = path.join(dir, 'messages.txt');
			if (process.env.UPDATE_FIXTURES || !fs.existsSync(htmlFile)) {
				fs.writeFileSync(htmlFile, html);
				fs.writeFileSync(messagesFile, messages ? `${messages}\n` : '');
			}
			expect(html).toBe(fs.readFileSync(htmlFile, 'utf8'));
			expect(messages ? `${messages}\n` : '').toBe(fs.readFileSync(messagesFile, 'utf8'));
			// Folders with a `mentions.txt` also check the mentions recorded (entity, anchor, words).
			const mentionsFile = path.join(dir, 'mentions.txt');
			if (fs.existsSync(mentionsFile)) {
				const mentions = result.annotations.mentions.map((m) => `${m.entity} #${m.anchor} "${m.label}"\n`).join('');
				if (process.env.UPDATE_FIXTURES) fs.writeFileSync(mentionsFile, mentions);
				expect(mentions).toBe(fs.readFileSync(mentionsFile, 'utf8'));
			}
		});
	}
});
