import fs from 'node:fs';
import path from 'node:path';
import type { Glossary } from '../../corpus/glossary.ts';
import { AuthoringError, type ArticleFile } from '../read-article.ts';
import type { AnnotationPlan } from './annotate.ts';
import { compareWords } from './words-kept.ts';

/** Writes through a temporary file and a rename, so an interrupted write never leaves half an article. */
export function writeAtomically(file: string, text: string): void {
	const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
	fs.writeFileSync(temporary, text);
	fs.renameSync(temporary, file);
}

/**
 * Checks that a plan keeps the article's words; throws (and writes nothing) if not.
 */
export async function assertWordsKept(article: ArticleFile, plan: AnnotationPlan, glossary: Glossary): Promise<void> {
	const words = await compareWords(plan.before.slice(article.bodyOffset), plan.after.slice(article.bodyOffset), glossary);
	if (!words.same) {
		throw new AuthoringError(
			article.file,
			`annotating would change the article's words (nothing was written):\n    before: …${words.before}…\n    after:  …${words.after}…`,
			'this is a bug in the annotator: please report it with the article',
		);
	}
}

/**
 * Writes an annotated article, reads it back and compares its words with the original through the
 * site's pipeline; if anything differs, the original is put back and an error is thrown.
 */
export async function writePlan(article: ArticleFile, plan: AnnotationPlan, glossary: Glossary): Promise<void> {
	writeAtomically(article.path, plan.after);
	const reread = fs.readFileSync(article.path, 'utf8');
	const check = await compareWords(plan.before.slice(article.bodyOffset), reread.slice(article.bodyOffset), glossary);
	if (!check.same || reread !== plan.after) {
		writeAtomically(article.path, plan.before);
		throw new AuthoringError(
			article.file,
			`the article's words changed after writing; the original was put back:\n    before: …${check.before ?? ''}…\n    after:  …${check.after ?? ''}…`,
			'this is a bug in the annotator: please report it with the article',
		);
	}
}
