/**
 * `--candidates` and `--scaffold`: the names of an article the glossary does not know, with the
 * capitalisation and title cues of news English, and draft entries written for chosen ones.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findCandidates } from '../../src/authoring/candidates/find-candidates.ts';
import { runAnnotateCommand } from '../../src/authoring/cli/annotate-command.ts';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { parseFrontmatter } from '../../src/corpus/frontmatter.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const FIXTURES = path.resolve('tests/fixtures/annotate');
const ARTICLE = fs.readFileSync(path.join(FIXTURES, 'candidates', 'article.md'), 'utf8');
const { bodyOffset } = parseFrontmatter(ARTICLE, articleSchema, 'article.md');
const glossary = loadGlossary(path.join(FIXTURES, 'glossary'));

describe('findCandidates', () => {
	const candidates = findCandidates(ARTICLE, bodyOffset, glossary);
	const byName = new Map(candidates.map((c) => [c.name, c]));

	it('lists the names the glossary does not know, most frequent first, with their first place', () => {
		// First seen in the headline (line 2), then twice in the text.
		expect(candidates[0]).toMatchObject({ name: 'Sinjar', count: 3, line: 2, column: 60 });
		expect(byName.get('Tal Afar')).toMatchObject({ count: 2, line: 2, column: 37, type: 'place' });
		expect(candidates.map((c) => c.count)).toEqual([...candidates.map((c) => c.count)].sort((a, b) => b - a));
	});

	it('leaves out what the glossary knows, and words in marks, links and code', () => {
		for (const known of ['Baghdad', 'Sadr City', 'Kurds', 'Iraqi']) expect(byName.has(known)).toBe(false);
		// "Tal Afar" is counted in the headline and the text, not in the link; "Sinjar" not in code.
		expect(byName.get('Tal Afar')!.count).toBe(2);
	});

	it('cuts titles off names and reads them as cues', () => {
		expect(byName.get('Abdulal Abdoub')).toMatchObject({ type: 'person' });
		expect(byName.get('Ahmed Abu Risha')).toMatchObject({ type: 'person' });
		expect(byName.get('Masoud Barzani')).toMatchObject({ type: 'person' });
		for (const name of byName.keys()) expect(name).not.toMatch(/^(?:Mayor|Sheikh|President) /);
	});

	it('uses place cues, organisation words and outlet cues for the type', () => {
		expect(byName.get('Nineveh')).toMatchObject({ type: 'place', because: '"province" follows it' });
		expect(byName.get('Anbar')).toMatchObject({ type: 'place' });
		expect(byName.get('Reuters')).toMatchObject({ type: 'outlet' });
		expect(byName.get('Anbar Salvation Council')).toMatchObject({ type: 'organization' });
		expect(byName.get('Kurdish Regional Government')).toMatchObject({ type: 'organization' });
	});

	it('takes the author and publisher from the frontmatter, and the headline without its capitalised ordinary words', () => {
		expect(byName.get('Jane Roe')).toMatchObject({ type: 'person', line: 3 });
		expect(byName.get('The Daily Example')).toMatchObject({ type: 'outlet', line: 4 });
		expect(byName.has('NEWS') || byName.has('ALERT') || byName.has('NEWS ALERT')).toBe(false);
	});

	it('drops a capitalised word that only opens a sentence, and splits demonyms and hyphenated names', () => {
		for (const word of ['Police', 'Speaking', 'Some', 'Sunday']) expect(byName.has(word)).toBe(false);
		expect(byName.get('Sunni')).toMatchObject({ count: 2 });
		expect(byName.has('Turkish')).toBe(true);
		expect(byName.get('Barzani')).toMatchObject({ type: 'person' });
	});
});

describe('--scaffold', () => {
	const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'scaffold-'));
	let content: string;
	let articleFile: string;
	const run = async (...argv: string[]) => {
		const out: string[] = [];
		const err: string[] = [];
		const code = await runAnnotateCommand(argv, { cwd: content, out: (s) => out.push(s), err: (s) => err.push(s) });
		return { code, out: out.join('\n'), err: err.join('\n') };
	};
	beforeEach(() => {
		content = fs.mkdtempSync(path.join(temporary, 'content-'));
		fs.cpSync(path.join(FIXTURES, 'glossary'), path.join(content, 'glossary'), { recursive: true });
		fs.mkdirSync(path.join(content, 'articles'));
		articleFile = path.join(content, 'articles', 'article.md');
		fs.writeFileSync(articleFile, ARTICLE);
		vi.stubEnv('CONTENT_DIR', content);
	});
	afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

	it('writes a draft entry per chosen name, in its type folder, that the glossary loads as a draft', async () => {
		const result = await run('articles/article.md', '--scaffold', 'Tal Afar', 'Masoud Barzani');
		expect(result.code).toBe(0);
		expect(result.out).toContain('Wrote 2 draft entries');
		const place = fs.readFileSync(path.join(content, 'glossary', 'places', 'tal-afar.md'), 'utf8');
		expect(place).toContain('name: "Tal Afar"');
		expect(place).toMatch(/^type: place {2}# guessed/m);
		expect(place).toContain('draft: true');
		expect(place).toContain('role: "TODO: ');
		expect(place).toContain('asOf: 2014-06-23');
		const loaded = loadGlossary(path.join(content, 'glossary'));
		expect(loaded.diagnostics).toEqual([]);
		expect(loaded.entries.get('tal-afar')).toMatchObject({ type: 'place', draft: true });
		expect(loaded.entries.get('masoud-barzani')).toMatchObject({ type: 'person', draft: true });
		// Once the drafts exist, the names are no longer candidates.
		const again = await run('articles/article.md', '--candidates', '--json');
		const names = (JSON.parse(again.out) as { candidates: Array<{ name: string }> }).candidates.map((c) => c.name);
		expect(names).not.toContain('Tal Afar');
	});

	it('writes every candidate with `all`, and never overwrites an entry', async () => {
		const first = await run('articles/article.md', '--scaffold', 'all');
		expect(first.code).toBe(0);
		// Every candidate but the two short forms ("Abu Risha", "Barzani"), which become aliases.
		const count = findCandidates(ARTICLE, bodyOffset, glossary).length - 2;
		expect(first.out).toContain(`Wrote ${count} draft entries`);
		const file = path.join(content, 'glossary', 'people', 'masoud-barzani.md');
		fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('draft: true', 'draft: false'));
		const second = await run('articles/article.md', '--scaffold', 'all');
		expect(second.out).toContain('Wrote 0 draft entries');
		expect(fs.readFileSync(file, 'utf8')).toContain('draft: false');
	});

	it('gives the draft of a person the short forms of the name found in the article as aliases, and `all` drafts no short form on its own', async () => {
		await run('articles/article.md', '--scaffold', 'all');
		const barzani = fs.readFileSync(path.join(content, 'glossary', 'people', 'masoud-barzani.md'), 'utf8');
		expect(barzani).toMatch(/^aliases: \["Barzani"\] {2}# short forms found in the article/m);
		expect(fs.existsSync(path.join(content, 'glossary', 'people', 'barzani.md'))).toBe(false);
		expect(fs.readFileSync(path.join(content, 'glossary', 'people', 'ahmed-abu-risha.md'), 'utf8')).toContain('aliases: ["Abu Risha"]');
	});

	it('says which names it does not know, with the closest candidates', async () => {
		const result = await run('articles/article.md', '--scaffold', 'Tal Afer');
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/error: "Tal Afer" is not among the article's candidates\n {4}fix: did you mean "Tal Afar"/);
	});
});
