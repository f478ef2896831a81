import path from 'node:path';
import { listMarkdownFiles, type Glossary } from '../../corpus/glossary.ts';
import { AuthoringError, readArticleFile } from '../read-article.ts';
import { planAnnotations } from './annotate.ts';
import { buildNameIndex } from './name-index.ts';
import { assertWordsKept, writePlan } from './write-plan.ts';

/** What `npm run check -- --fix` did to one article. */
export interface FixOutcome {
	file: string;
	marked: number;
	/** Names left for the editor: contextual aliases and ambiguous names. */
	toReview: number;
	error?: string;
}

/**
 * `npm run check -- --fix`: marks, in every article under `articlesDir`, the names the glossary
 * knows that are not marked (the `unmarked-name` warning), with the annotator's engine and its
 * safeguards (contextual aliases, ambiguous names and parts of longer names are left for review;
 * words checked before and after writing).
 */
export async function fixUnmarkedNames(articlesDir: string, glossary: Glossary): Promise<FixOutcome[]> {
	const index = buildNameIndex(glossary);
	const outcomes: FixOutcome[] = [];
	for (const absolute of listMarkdownFiles(articlesDir)) {
		const file = path.relative(process.cwd(), absolute) || absolute;
		try {
			const article = readArticleFile(absolute);
			const plan = planAnnotations(article.source, glossary, { bodyOffset: article.bodyOffset, index });
			if (plan.marks.length) {
				await assertWordsKept(article, plan, glossary);
				await writePlan(article, plan, glossary);
			}
			outcomes.push({ file, marked: plan.marks.length, toReview: plan.review.length + plan.ambiguous.length });
		} catch (error) {
			if (!(error instanceof AuthoringError)) throw error;
			outcomes.push({ file, marked: 0, toReview: 0, error: error.format() });
		}
	}
	return outcomes;
}
