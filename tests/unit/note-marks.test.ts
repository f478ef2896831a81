/**
 * Marks in a glossary entry's note (issue 17): the note pipeline on the test glossary. A mark is a
 * link to its entry without a card (the entry page has none), other directives stay text, and the
 * Markdown kept for open data holds the mark's words and nothing of its syntax.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { createNoteRenderer } from '../../src/markdown/pipeline.ts';

const glossary = loadGlossary(path.resolve('tests/fixtures/glossary'));
const render = await createNoteRenderer({ glossary, base: '/base/' });

describe('marks in glossary notes', () => {
	it('links a mark, found by name or by id, to its entry page, without a card to describe it', async () => {
		const note = await render('Held by :e[Maliki] in :e[the capital]{#baghdad}.\n', 'note.md');
		expect(note.diagnostics).toEqual([]);
		expect(note.html).toContain('<a href="/base/glossary/nouri-al-maliki/" class="entity" data-entity="nouri-al-maliki">Maliki</a>');
		expect(note.html).toContain('<a href="/base/glossary/baghdad/" class="entity" data-entity="baghdad">the capital</a>');
		expect(note.html).not.toContain('aria-describedby');
	});

	it('keeps other directives as text, exactly as written', async () => {
		const note = await render('At 10:30 the ratio was a:b, see:note 4.\n', 'note.md');
		expect(note.diagnostics).toEqual([]);
		expect(note.html).toBe('<p>At 10:30 the ratio was a:b, see:note 4.</p>');
		expect(note.markdown).toBe('At 10:30 the ratio was a:b, see:note 4.\n');
	});

	it('keeps the Markdown with each mark replaced by its words, the rest unchanged', async () => {
		const source = 'Held by :e[*Maliki*]{#nouri-al-maliki} in :e[Baghdad]\nsince 10:30; [a link](https://example.org/).\n';
		const note = await render(source, 'note.md', 3);
		expect(note.markdown).toBe('Held by *Maliki* in Baghdad\nsince 10:30; [a link](https://example.org/).\n');
	});

	it('reports an unknown id where it is written in the entry’s file, with the closest ids', async () => {
		const note = await render('First line.\n\nThen :e[the city]{#bagdad}.\n', 'glossary/x.md', 7);
		expect(note.diagnostics).toMatchObject([{ severity: 'error', rule: 'unknown-entity', file: 'glossary/x.md', line: 10, column: 6 }]);
		expect(note.diagnostics[0]!.hint).toContain('`baghdad`');
	});
});
