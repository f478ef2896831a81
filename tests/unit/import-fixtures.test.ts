/**
 * `npm run import` on fixtures (tests/fixtures/import/): one folder per article, whose `input.*`
 * is imported into a temporary CONTENT_DIR holding the fixture glossary and compared with
 * `expected.md` (`UPDATE_FIXTURES=1` rewrites it); then what each format must find. Bad inputs
 * run through the real command: one line on stderr, exit code 1, nothing written.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/authoring/import/errors.ts';
import { importArticle, type ImportResult } from '../../src/authoring/import/import-article.ts';
import { formatSummary, summaryData } from '../../src/authoring/import/summary.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';

const run = promisify(execFile);
const FIXTURES = path.resolve('tests/fixtures/import');
const NODE = path.resolve('node_modules/.bin/node');
const CASES = fs.readdirSync(path.join(FIXTURES, 'articles')).sort();

let contentDir: string;
const results = new Map<string, ImportResult>();

function inputOf(name: string): string {
	const folder = path.join(FIXTURES, 'articles', name);
	const input = fs.readdirSync(folder).find((file) => file.startsWith('input.'));
	if (!input) throw new Error(`no input.* in ${folder}`);
	return path.join(folder, input);
}

beforeAll(async () => {
	contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-fixtures-'));
	fs.cpSync(path.join(FIXTURES, 'glossary'), path.join(contentDir, 'glossary'), { recursive: true });
	for (const name of CASES) results.set(name, await importArticle({ file: inputOf(name), slug: name, contentDir }));
}, 60_000);

afterAll(() => fs.rmSync(contentDir, { recursive: true, force: true }));

describe('import fixtures', () => {
	for (const name of CASES) {
		it(`${name}: writes expected.md and keeps every word`, () => {
			const written = fs.readFileSync(path.join(contentDir, 'articles', `${name}.md`), 'utf8');
			const expected = path.join(FIXTURES, 'articles', name, 'expected.md');
			if (process.env.UPDATE_FIXTURES || !fs.existsSync(expected)) fs.writeFileSync(expected, written);
			expect(written).toBe(fs.readFileSync(expected, 'utf8'));
			const { words } = results.get(name)!;
			expect(words.difference).toBeUndefined();
			expect(words.articleWords).toBe(words.inputWords);
			expect(words.inputWords).toBeGreaterThan(20);
		});
	}

	it('plain text: title, credit line, quoted blocks with outlets from their context, a flagged boundary', () => {
		const result = results.get('plain-text')!;
		expect(result.format).toBe('text');
		expect(result.metadata).toMatchObject({ title: 'Floods close the river road', author: 'Jane Roe', publisher: 'Reuters', published: '2021-03-03' });
		expect(result.missing).toEqual(['summary']);
		const quotes = result.quotes.map((q) => [q.attribution.outlet?.id ?? 'unknown', q.attribution.where, q.attribution.unknownName]);
		expect(quotes).toEqual([
			['reuters', 'lead-in', undefined],
			['bbc', 'lead-in', undefined],
			['associated-press', 'credit line', undefined],
			['unknown', 'lead-in', 'Al Jazeera'],
			['unknown', undefined, undefined],
		]);
		// The first block has two paragraphs; the boundary in the second is flagged, not split.
		expect(result.quotes[0]!.block.paragraphs).toHaveLength(2);
		expect(result.quotes.flatMap((q) => q.boundaries.map((b) => b.excerpt))).toEqual(['a week.Residents were']);
	});

	it('HTML: JSON-LD before og: and the page, canonical address, quotes with their credit and cite, no page furniture', () => {
		const result = results.get('html-page')!;
		expect(result.format).toBe('html');
		expect(result.metadata).toMatchObject({
			title: 'Harbour reopens after storm',
			author: 'Ann Lee and Sam Ortiz',
			publisher: 'The Harbour Gazette',
			published: '2021-03-08',
			originalUrl: 'https://gazette.example/2021/03/harbour-reopens',
		});
		expect(result.metadata.sources).toMatchObject({ title: '<h1>', author: 'JSON-LD author', publisher: 'JSON-LD publisher', published: 'JSON-LD datePublished', originalUrl: '<link rel=canonical>' });
		expect(result.quotes.map((q) => q.attribution.outlet?.id)).toEqual(['reuters', 'bbc']);
		expect(result.quotes[1]!.block.url).toBe('https://radio.example/interview');
		const written = fs.readFileSync(path.join(contentDir, 'articles', 'html-page.md'), 'utf8');
		for (const furniture of ['Home', 'analytics', 'color: red', 'Most read', '© 2021', 'By Ann Lee']) expect(written).not.toContain(furniture);
		expect(written).toContain('The harbour reopened on Wednesday, two days after the storm.');
		expect(written).toContain('Photo: A fallen crane on the quay.');
		expect(written).toContain('## What comes next');
	});

	it('HTML: og: tags, <meta name=author> and <time> when there is no JSON-LD', () => {
		const result = results.get('html-open-graph')!;
		expect(result.metadata).toMatchObject({ title: 'Ferry timetable changes', author: 'Priya Shah', publisher: 'BBC', published: '2021-04-02', originalUrl: 'https://bbc.example/ferry' });
		expect(result.metadata.sources).toMatchObject({ title: 'og:title', author: '<meta name=author>', publisher: 'og:site_name', published: '<time>' });
		expect(result.quotes.map((q) => q.attribution.outlet?.id ?? 'unknown')).toEqual(['unknown']);
	});

	it('HTML in the charset its page declares (windows-1252) is read without losing a character', () => {
		const result = results.get('html-windows-1252')!;
		expect(result.metadata.title).toBe('Café owners count the cost');
		const written = fs.readFileSync(path.join(contentDir, 'articles', 'html-windows-1252.md'), 'utf8');
		expect(written).toContain('The cafés on the quay reopened on Monday – “slowly”, their owners said.');
		expect(written).toContain('> We lost £2,000 of stock and a week’s trade.');
		expect(written).not.toContain('\uFFFD');
	});

	it('Markdown: first heading as title, credit line, the Markdown kept as written, adjacent blockquotes as one block', () => {
		const result = results.get('markdown')!;
		expect(result.format).toBe('markdown');
		expect(result.metadata).toMatchObject({ title: 'Council votes to rebuild the old bridge', author: 'Jane Roe', publisher: 'The Harbour Gazette', published: '2021-04-12' });
		expect(result.quotes).toHaveLength(1);
		expect(result.quotes[0]!.attribution.outlet?.id).toBe('associated-press');
		const written = fs.readFileSync(path.join(contentDir, 'articles', 'markdown.md'), 'utf8');
		expect(written).toContain("with **nine** votes to two. The plan is on the [council's site](https://council.example/bridge).");
		expect(written).toContain('> Engineers found cracks in two of its piers.\n>\n> Repairs are expected to take eighteen months.\n:::');
	});

	it('fails loudly and writes nothing when the article would not keep a word, even with --force', async () => {
		// Markdown that already holds a directive of ours: its text reads `:e[Baghdad]`, the site would show `Baghdad`.
		const input = path.join(contentDir, 'annotated.md');
		fs.writeFileSync(input, '# Already annotated\n\nBy Jane Roe – Reuters – 1 May 2021\n\nThe road to :e[Baghdad] was closed on Monday.\n');
		const target = path.join(contentDir, 'articles', 'annotated.md');
		fs.writeFileSync(target, 'an earlier version');
		await expect(importArticle({ file: input, slug: 'annotated', force: true, contentDir })).rejects.toThrow(
			/would not keep every word of .*annotated\.md \(word 13: the input has “The road to :e\[Baghdad\] was closed on”, the article “The road to Baghdad was closed on”\); nothing was written/,
		);
		expect(fs.readFileSync(target, 'utf8')).toBe('an earlier version');
		expect(fs.readdirSync(path.join(contentDir, 'articles')).filter((f) => f.startsWith('.'))).toEqual([]);
		fs.rmSync(target);
	});

	it('gives tools its findings as JSON: quotes, boundaries with their excerpt, words kept', () => {
		const data = summaryData(results.get('plain-text')!);
		expect(data.quotes.map((q) => q.outlet)).toEqual(['reuters', 'bbc', 'associated-press', 'unknown', 'unknown']);
		expect(data.boundaries).toEqual([{ quote: 1, line: 9, excerpt: 'a week.Residents were' }]);
		expect(data.words).toMatchObject({ kept: true });
		expect(data.written).toMatch(/plain-text\.md$/);
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});

	it('lists in its summary what else the content check will refuse in the written article', async () => {
		const input = path.join(contentDir, 'shortcode.md');
		fs.writeFileSync(input, '# A page with a shortcode\n\nBy Jane Roe – Reuters – 1 May 2021\n\nSome text before it.\n\n::widget[an embedded poll]\n\nSome text after it.\n');
		const result = await importArticle({ file: input, slug: 'shortcode', contentDir });
		const summary = formatSummary(result);
		expect(summary).toMatch(/other errors the check will report \(1\):\n {2}.*shortcode\.md:\d+:1: error: unknown directive `::widget`/);
		expect(summary).toContain('every word kept, in order');
		fs.rmSync(path.join(contentDir, 'articles', 'shortcode.md'));
	});

	it('every placeholder it leaves is an error of the content check, at its line', async () => {
		const corpus = await loadCorpus(contentDir, '/');
		const placeholders = corpus.diagnostics.filter((d) => d.rule === 'placeholder');
		const written = (name: string) => fs.readFileSync(path.join(contentDir, 'articles', `${name}.md`), 'utf8').split('\n');
		for (const d of placeholders) {
			expect(d.severity).toBe('error');
			const name = path.basename(d.file, '.md');
			expect(written(name)[d.line - 1]).toContain('TODO:');
		}
		const lines = CASES.flatMap((name) => written(name).filter((line) => line.includes('TODO:')));
		expect(placeholders).toHaveLength(lines.length + CASES.flatMap((name) => written(name).filter((line) => (line.match(/TODO:/g) ?? []).length > 1)).length);
	});
});

describe('import of bad input', () => {
	const BAD = path.join(FIXTURES, 'bad');
	const cases: [string, RegExp][] = [
		['missing.txt', /^error: cannot read .*missing\.txt: there is no such file$/],
		['.', /^error: .* is a folder, not a file: give the path of one article file$/],
		['one-line.txt/inside.txt', /^error: cannot read .*one-line\.txt\/inside\.txt: there is no such file$/],
		['empty.txt', /^error: .*empty\.txt is empty: there is nothing to import$/],
		['blank.txt', /^error: .*blank\.txt is empty \(only white space\): there is nothing to import$/],
		['image.png', /^error: .*image\.png is a binary file, not an article: import reads plain text, HTML or Markdown$/],
		['latin1.txt', /^error: .*latin1\.txt is a binary file \(or not UTF-8 text\), not an article/],
		['bad-byte.txt', /^error: .*bad-byte\.txt is not valid UTF-8 \(a bad byte at offset 40\): save it as UTF-8, or, for a web page, declare its charset in a <meta charset> tag$/],
		['data.json', /^error: .*data\.json is JSON data, not an article: import reads plain text, HTML or Markdown$/],
		['feed.xml', /^error: .*feed\.xml is XML data, not an article/],
		['one-line.txt', /^error: .*one-line\.txt has a single line: an article needs its title on the first line and its text below$/],
		['no-text.html', /^error: .*no-text\.html is an HTML page without article text: no paragraph was found$/],
		['raw-html.md', /^error: .*raw-html\.md:5: raw HTML in a Markdown article is not imported/],
	];
	let dir: string;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-bad-'));
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it.each(cases)('%s: one clear sentence, nothing written', async (file, message) => {
		const failure = await importArticle({ file: path.join(BAD, file), contentDir: dir }).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(ImportError);
		expect(`error: ${(failure as ImportError).message}`).toMatch(message);
		expect((failure as ImportError).message).not.toContain('\n');
		expect(fs.existsSync(path.join(dir, 'articles')) ? fs.readdirSync(path.join(dir, 'articles')) : []).toEqual([]);
	});

	it.concurrent.each(cases.filter(([file]) => ['missing.txt', 'image.png', 'data.json'].includes(file)))(
		'the command on %s: that line on stderr, no stack trace, exit code 1',
		async (file, message) => {
			const failure = await run(NODE, ['scripts/import.ts', path.join(BAD, file)], { env: { ...process.env, CONTENT_DIR: dir } }).then(
				() => undefined,
				(error: { code: number; stderr: string; stdout: string }) => error,
			);
			expect(failure, 'the command failed').toBeDefined();
			expect(failure!.code).toBe(1);
			expect(failure!.stdout).toBe('');
			expect(failure!.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(failure!.stderr.trimEnd()).toMatch(message);
		},
		30_000,
	);

	it('the command refuses a bad --slug and an unknown option, with the usage', async () => {
		const input = path.join(FIXTURES, 'articles', 'plain-text', 'input.txt');
		await expect(importArticle({ file: input, slug: 'Not A Slug', contentDir: dir })).rejects.toThrow(/--slug Not A Slug cannot be an article address/);
		const failure = await run(NODE, ['scripts/import.ts', input, '--sulg', 'x'], { env: { ...process.env, CONTENT_DIR: dir } }).catch((error: { code: number; stderr: string }) => error);
		expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: Unknown option '--sulg'.*\nusage: npm run import -- <file>/) });
	}, 30_000);
});
