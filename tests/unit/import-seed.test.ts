/**
 * The import of the seed's raw text, into a temporary content folder holding the seed
 * glossary: six quoted blocks where the hand edition has them, both merged boundaries
 * flagged (not split), every word kept, the frontmatter found in the credit line, and a file
 * that `npm run check` refuses until an editor has filled its placeholders.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticle } from '../../src/authoring/import/import-article.ts';
import { formatSummary } from '../../src/authoring/import/summary.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { parseFrontmatter } from '../../src/corpus/frontmatter.ts';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { articleText } from '../../src/lib/open-data.ts';
import { createArticleRenderer } from '../../src/markdown/pipeline.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const run = promisify(execFile);
const SEED = path.resolve('tests/fixtures/seed/000_423dc2fc7979b9d9.txt');
const HAND_EDITION = path.resolve('content/articles/kurds-seize-jalula-to-attack-isis.md');
const NODE = path.resolve('node_modules/.bin/node');

let dir: string;
let written: string;
/** What `npm run import` prints for it. */
let summary: string;
const words = (text: string) => text.split(/[\s\u00a0]+/u).filter(Boolean);

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-seed-'));
	fs.cpSync(path.resolve('content/glossary'), path.join(dir, 'glossary'), { recursive: true });
	// In this process: the command (scripts/import.ts) prints this summary of importArticle's result.
	// It is run as a command below (refusing to overwrite, in CONTENT_DIR) and in import-fixtures.test.ts.
	summary = formatSummary(await importArticle({ file: SEED, slug: 'seed', contentDir: dir }));
	written = fs.readFileSync(path.join(dir, 'articles', 'seed.md'), 'utf8');
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('import of the seed text', () => {
	it('writes the article under the content folder’s articles/ and sums it up as the command prints it', () => {
		expect(summary).toContain('quoted blocks: 6');
		expect(summary).toContain('suspected merged boundaries: 2');
		expect(summary).toMatch(/“took control\.ISIS also”/);
		expect(summary).toMatch(/“under al-Maliki\.The return”/);
		expect(summary).toMatch(/every word kept/);
		expect(summary).toContain('note: the title begins with “MESOP WATCH VIDEO :”, and MESOP is an outlet of the glossary');
	});

	it('fills the frontmatter from the first line and the credit line, and leaves the summary to the editor', () => {
		const { data, diagnostics } = parseFrontmatter(written, articleSchema, 'seed.md');
		expect(data).toBeUndefined();
		expect(diagnostics.map((d) => `${d.line}:${d.rule}`)).toEqual(['7:placeholder']);
		const frontmatter = written.slice(0, written.indexOf('\n---\n'));
		expect(frontmatter).toContain('title: "MESOP WATCH VIDEO : Kurds seize Jalula to attack ISIS, Iraq loses border crossing with Syria"');
		expect(frontmatter).toContain('author: Ed Morrissey');
		expect(frontmatter).toContain('publisher: Hot Air');
		expect(frontmatter).toContain('published: 2014-06-21');
	});

	it('makes six quoted blocks that open with the hand edition’s six quotations', () => {
		const firstWords = (text: string) =>
			[...text.matchAll(/^:::quote\{.*\}\n> (.*)$/gm)].map((m) =>
				words(m[1]!.replace(/:e\[([^\]]*)\](?:\{[^}]*\})?/g, '$1'))
					.slice(0, 6)
					.join(' '),
			);
		const hand = fs.readFileSync(HAND_EDITION, 'utf8');
		expect(firstWords(written)).toHaveLength(6);
		expect(firstWords(written)).toEqual(firstWords(hand));
	});

	it('proposes the New York Times for the block its lead-in names, at low confidence, and leaves the rest unknown', () => {
		const outlets = [...written.matchAll(/^:::quote\{outlet=(\S+)/gm)].map((m) => m[1]);
		expect(outlets).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'new-york-times']);
		expect(written).toMatch(
			/outlet=new-york-times evidence=editors confidence=low how="TODO: proposed by the import from “But there may be one bright spot today, and it comes from the New York Times\.”/,
		);
	});

	it('flags the two merged boundaries with a note after their block, without splitting the text', () => {
		const notes = [...written.matchAll(/^::note\[TODO: check a suspected merged boundary[^\n]*$/gm)].map((m) => m[0]);
		expect(notes).toHaveLength(2);
		expect(notes[0]).toContain('“took control.ISIS also”');
		expect(notes[1]).toContain('“under al-Maliki.The return”');
		expect(written).toContain('took control.ISIS also seized Qaim');
		expect(written).toContain('under al-Maliki.The return of Sadr');
	});

	it('keeps every word of the seed body, in order, in the article’s text', async () => {
		const seed = fs.readFileSync(SEED, 'utf8');
		const glossary = loadGlossary(path.join(dir, 'glossary'));
		const parsed = parseFrontmatter(written, articleSchema, 'seed.md');
		const render = await createArticleRenderer({ glossary, base: '/' });
		const { html } = await render(parsed.body, 'seed.md', parsed.bodyLineOffset);
		expect(words(articleText(html).text)).toEqual(words(seed.slice(seed.indexOf('\n') + 1)));
	});

	it('is refused by the content check until the placeholders are filled, each with file:line:column', async () => {
		const corpus = await loadCorpus(dir, '/');
		const placeholders = corpus.diagnostics.filter((d) => d.rule === 'placeholder');
		// The summary, five unknown outlets, one proposed outlet's `how`, two boundary notes.
		expect(placeholders).toHaveLength(9);
		for (const d of placeholders) {
			expect(d.severity).toBe('error');
			expect(d.file).toMatch(/seed\.md$/);
			expect(d.hint).toBeTruthy();
		}
		expect(corpus.articles).toHaveLength(0);
	});

	it('refuses to overwrite the article without --force, and replaces it with --force', async () => {
		const again = run(NODE, ['scripts/import.ts', SEED, '--slug', 'seed'], { env: { ...process.env, CONTENT_DIR: dir } });
		await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: .*seed\.md already exists: pass --force/) });
		expect(fs.readFileSync(path.join(dir, 'articles', 'seed.md'), 'utf8')).toBe(written);
		fs.writeFileSync(path.join(dir, 'articles', 'seed.md'), 'edited by hand');
		const result = await importArticle({ file: SEED, slug: 'seed', force: true, contentDir: dir });
		expect(result.replaced).toBe(true);
		expect(fs.readFileSync(path.join(dir, 'articles', 'seed.md'), 'utf8')).toBe(written);
		expect(fs.readdirSync(path.join(dir, 'articles'))).toEqual(['seed.md']);
	}, 60_000);
});
