/**
 * The annotator on every folder of tests/fixtures/annotate/cases/: `input.md` in, `expected.md`
 * (the annotated file) and `report.txt` (names proposed for review, ambiguous, left alone) out,
 * with the fixture glossary of tests/fixtures/annotate/glossary/. Every case is also checked for
 * idempotence (a second run adds nothing) and for the article's words (rendered text unchanged).
 * `UPDATE_FIXTURES=1` rewrites the expected files; review the diff before committing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAnnotations, type AnnotationPlan } from '../../src/authoring/annotate/annotate.ts';
import { compareWords } from '../../src/authoring/annotate/words-kept.ts';
import { loadGlossary } from '../../src/corpus/glossary.ts';
import { parseFrontmatter } from '../../src/corpus/frontmatter.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const FIXTURES = path.resolve('tests/fixtures/annotate');
const glossary = loadGlossary(path.join(FIXTURES, 'glossary'));

function account(plan: AnnotationPlan): string {
	return (
		[
			...plan.marks.map((m) => `mark ${m.line}:${m.column} ${m.markdown}${m.namedAs === undefined ? '' : ` coreference "${m.namedAs}"`}`),
			...plan.review.map((r) => `review ${r.line}:${r.column} "${r.words}" ${r.id}${r.unresolved ? ` unresolved: ${r.unresolved}` : ''}`),
			...plan.ambiguous.map((a) => `ambiguous ${a.line}:${a.column} "${a.words}" ${a.candidates.join('|')} in: ${a.sentence}`),
			...plan.passedOver.map((p) => `left ${p.line}:${p.column} "${p.words}" ${p.reason} "${p.within}"`),
		].join('\n') + '\n'
	);
}

describe('annotate fixtures', () => {
	it('has a valid fixture glossary', () => {
		expect(glossary.diagnostics).toEqual([]);
	});

	for (const name of fs.readdirSync(path.join(FIXTURES, 'cases')).sort()) {
		it(name, async () => {
			const dir = path.join(FIXTURES, 'cases', name);
			const input = fs.readFileSync(path.join(dir, 'input.md'), 'utf8');
			const { bodyOffset } = parseFrontmatter(input, articleSchema, 'input.md');
			const plan = planAnnotations(input, glossary, { bodyOffset });
			const expectedFile = path.join(dir, 'expected.md');
			const reportFile = path.join(dir, 'report.txt');
			if (process.env.UPDATE_FIXTURES || !fs.existsSync(expectedFile)) {
				fs.writeFileSync(expectedFile, plan.after);
				fs.writeFileSync(reportFile, account(plan));
			}
			expect(plan.after).toBe(fs.readFileSync(expectedFile, 'utf8'));
			expect(account(plan)).toBe(fs.readFileSync(reportFile, 'utf8'));
			// Idempotent: the output has nothing left to mark.
			expect(planAnnotations(plan.after, glossary, { bodyOffset }).marks).toEqual([]);
			// The article's own words are the same, as the site renders them.
			expect(await compareWords(input.slice(bodyOffset), plan.after.slice(bodyOffset), glossary)).toEqual({ same: true });
		});
	}
});
