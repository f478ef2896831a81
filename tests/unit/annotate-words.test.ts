/**
 * The annotator's safeguard: the article's own words, as the site renders them, are compared
 * before and after; a change is caught, nothing is written, and a file changed on disk is put back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/authoring/annotate/annotate.ts';
import { compareWords } from '../../src/authoring/annotate/words-kept.ts';
import { assertWordsKept, writePlan } from '../../src/authoring/annotate/write-plan.ts';
import { AuthoringError, readArticleFile } from '../../src/authoring/read-article.ts';
import { loadGlossary } from '../../src/corpus/glossary.ts';

const glossary = loadGlossary(path.resolve('tests/fixtures/annotate/glossary'));
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'annotate-words-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
const SOURCE = '---\ntitle: T\nauthor: A\npublisher: P\npublished: 2014-06-21\nsummary: S\n---\nMaliki’s men left Sadr City for Baghdad.\n';

describe('words kept', () => {
	it('sees marks as no change, and any changed, added or lost word as one', async () => {
		const body = 'Maliki’s men left Sadr City for Baghdad.\n';
		expect(await compareWords(body, ':e[Maliki]’s men left :e[Sadr City] for :e[Baghdad].\n', glossary)).toEqual({ same: true });
		for (const changed of [
			':e[Maliki]’s men left :e[Sadr City] for :e[Bagdad].\n',
			'Maliki’s men left Sadr City for Baghdad today.\n',
			'Maliki’s left Sadr City for Baghdad.\n',
			'Maliki’s men left Sadr\\ City for Baghdad.\n',
		]) {
			const result = await compareWords(body, changed, glossary);
			expect(result.same, changed).toBe(false);
		}
		const shown = await compareWords(body, 'Maliki’s men left Sadr City for Bagdad.\n', glossary);
		expect(shown.before).toContain('Baghdad');
		expect(shown.after).toContain('Bagdad');
	});

	it('refuses a plan that would change a word, and writes nothing', async () => {
		const file = path.join(temporary, 'refused.md');
		fs.writeFileSync(file, SOURCE);
		const article = readArticleFile(file);
		const plan = planAnnotations(article.source, glossary, { bodyOffset: article.bodyOffset });
		const broken = { ...plan, after: plan.after.replace(':e[Baghdad]', ':e[Bagdad]{#baghdad}') };
		await expect(assertWordsKept(article, broken, glossary)).rejects.toThrow(AuthoringError);
		await expect(assertWordsKept(article, broken, glossary)).rejects.toThrow(/would change the article's words \(nothing was written\)/);
		expect(fs.readFileSync(file, 'utf8')).toBe(SOURCE);
	});

	it('puts the original back when the written file does not keep the words', async () => {
		const file = path.join(temporary, 'restored.md');
		fs.writeFileSync(file, SOURCE);
		const article = readArticleFile(file);
		const plan = planAnnotations(article.source, glossary, { bodyOffset: article.bodyOffset });
		const broken = { ...plan, after: plan.after.replace('men left', 'men fled') };
		await expect(writePlan(article, broken, glossary)).rejects.toThrow(/the original was put back/);
		expect(fs.readFileSync(file, 'utf8')).toBe(SOURCE);
		await writePlan(article, plan, glossary);
		expect(fs.readFileSync(file, 'utf8')).toBe(plan.after);
	});
});
