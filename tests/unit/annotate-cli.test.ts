/**
 * `npm run annotate` and `npm run check -- --fix` on temporary content folders: the dry run, the
 * write, idempotence, `--json`, and clear errors on bad input.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAnnotateCommand } from '../../src/authoring/cli/annotate-command.ts';
import { NODE } from '../helpers/build.ts';

const run = promisify(execFile);
// The two tests that start a Node process get a minute: on a loaded machine starting one takes seconds.
const GLOSSARY = path.resolve('tests/fixtures/annotate/glossary');
const ARTICLE = `---
title: A fixture article
author: Test
publisher: Test
published: 2014-06-21
summary: A fixture.
---

Maliki’s men left Sadr City for Baghdad, where the militia paraded.
`;
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'annotate-cli-'));
let content: string;
let articleFile: string;

function makeContent(): string {
	const dir = fs.mkdtempSync(path.join(temporary, 'content-'));
	fs.cpSync(GLOSSARY, path.join(dir, 'glossary'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'articles'));
	fs.writeFileSync(path.join(dir, 'articles', 'fixture.md'), ARTICLE);
	return dir;
}

async function annotate(...argv: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runAnnotateCommand(argv, { cwd: content, out: (s) => out.push(s), err: (s) => err.push(s) });
	return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeEach(() => {
	content = makeContent();
	articleFile = path.join(content, 'articles', 'fixture.md');
	vi.stubEnv('CONTENT_DIR', content);
});
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe('npm run annotate', () => {
	it('prints a diff and a summary without writing', async () => {
		const result = await annotate('articles/fixture.md');
		expect(result.code).toBe(0);
		expect(result.out).toContain('+:e[Maliki]’s men left :e[Sadr City] for :e[Baghdad], where the militia paraded.');
		expect(result.out).toContain('Would add 3 marks');
		expect(result.out).toMatch(/articles\/fixture\.md:9:\d+: "militia" may be `mahdi-army`: if so, write :e\[militia\]\{#mahdi-army\}/);
		expect(fs.readFileSync(articleFile, 'utf8')).toBe(ARTICLE);
	});

	it('writes with --write, and a second run adds nothing', async () => {
		expect((await annotate('articles/fixture.md', '--write')).code).toBe(0);
		const written = fs.readFileSync(articleFile, 'utf8');
		expect(written).toBe(ARTICLE.replace('Maliki’s men left Sadr City for Baghdad', ':e[Maliki]’s men left :e[Sadr City] for :e[Baghdad]'));
		const again = await annotate('articles/fixture.md', '--write');
		expect(again.out).toContain('Wrote 0 marks');
		expect(fs.readFileSync(articleFile, 'utf8')).toBe(written);
	});

	it('says why each contextual name it marked by coreference was marked', async () => {
		fs.writeFileSync(articleFile, ARTICLE.replace('where the militia paraded.', 'where the Jaysh al-Mahdi militia paraded.'));
		const result = await annotate('articles/fixture.md');
		expect(result.code).toBe(0);
		expect(result.out).toContain('+:e[Maliki]’s men left :e[Sadr City] for :e[Baghdad], where the :e[Jaysh al-Mahdi] :e[militia]{#mahdi-army} paraded.');
		expect(result.out).toContain('1 contextual name marked by coreference');
		expect(result.out).toMatch(/articles\/fixture\.md:9:\d+: militia → mahdi-army: named earlier in this paragraph as “Jaysh al-Mahdi”/);
		expect(result.out).not.toContain('to review');
	});

	it('gives a machine-readable result with --json', async () => {
		const result = await annotate('articles/fixture.md', '--json');
		const json = JSON.parse(result.out) as { marks: Array<{ id: string; words: string; line: number }>; review: Array<{ id: string }>; wordsChanged: number };
		expect(json.marks.map((m) => [m.words, m.id, m.line])).toEqual([
			['Maliki', 'nouri-al-maliki', 9],
			['Sadr City', 'sadr-city', 9],
			['Baghdad', 'baghdad', 9],
		]);
		expect(json.review.map((r) => r.id)).toEqual(['mahdi-army']);
		expect(json.wordsChanged).toBe(0);
	});

	it('runs as a command, honouring CONTENT_DIR', async () => {
		const { stdout } = await run(NODE, [path.resolve('scripts/annotate.ts'), articleFile, '--write'], { env: { ...process.env, CONTENT_DIR: content } });
		expect(stdout).toContain('Wrote 3 marks');
		expect(fs.readFileSync(articleFile, 'utf8')).toContain(':e[Sadr City]');
	}, 60_000);

	describe('refuses bad input with a clear error', () => {
		const cases: Array<[string, () => string, RegExp]> = [
			['a missing file', () => path.join(content, 'articles', 'nope.md'), /nope\.md: error: no such file\n {4}fix: check the path/],
			[
				'an unreadable file (a symbolic link loop)',
				() => {
					const loop = path.join(content, 'loop.md');
					fs.symlinkSync(path.join(content, 'loop2.md'), loop);
					fs.symlinkSync(loop, path.join(content, 'loop2.md'));
					return loop;
				},
				/loop\.md: error: the file cannot be read \(ELOOP\)/,
			],
			['a folder', () => path.join(content, 'articles'), /articles: error: this is a folder, not an article file/],
			[
				'an empty file',
				() => {
					fs.writeFileSync(path.join(content, 'empty.md'), '');
					return path.join(content, 'empty.md');
				},
				/empty\.md: error: the file is empty\n {4}fix: import an article first/,
			],
			[
				'a binary file',
				() => {
					fs.writeFileSync(path.join(content, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
					return path.join(content, 'image.md');
				},
				/image\.md: error: this is a binary file, not a Markdown article/,
			],
			[
				'a file that is not an article (no frontmatter)',
				() => {
					fs.writeFileSync(path.join(content, 'notes.md'), 'Just some notes about Baghdad.\n');
					return path.join(content, 'notes.md');
				},
				/notes\.md: error: this is not an article: the file has no frontmatter/,
			],
			['a glossary entry', () => path.join(content, 'glossary', 'baghdad.md'), /baghdad\.md: error: this is a glossary entry, not an article/],
		];
		for (const [name, make, message] of cases) {
			it(name, async () => {
				const result = await annotate(make());
				expect(result.code).toBe(1);
				expect(result.err).toMatch(message);
				expect(result.err).toContain('fix:');
				expect(result.err).not.toMatch(/\n\s+at /);
			});
		}

		it('an unknown option or no article', async () => {
			expect((await annotate('articles/fixture.md', '--wrte')).err).toMatch(/error: unknown option `--wrte`\n {4}fix: usage: npm run annotate/);
			expect((await annotate()).err).toMatch(/error: no article given/);
		});
	});
});

describe('npm run check -- --fix', () => {
	it('marks the unmarked names with the same engine, then checks', async () => {
		const result = await run(NODE, [path.resolve('scripts/check-content.ts'), '--fix'], { env: { ...process.env, CONTENT_DIR: content } }).catch((e: { stdout: string }) => e);
		expect(result.stdout).toMatch(/--fix: .*fixture\.md: marked 3 names; 1 left for review/);
		expect(fs.readFileSync(articleFile, 'utf8')).toContain(':e[Maliki]’s men left :e[Sadr City] for :e[Baghdad], where the militia paraded.');
		expect(result.stdout).not.toContain('[unmarked-name]');
	}, 60_000);
});
