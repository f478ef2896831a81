/**
 * The content check of `npm run check` (`scripts/check-content.ts`), as a function: loads and
 * renders every article and glossary entry of a content folder and prints every diagnostic as
 * `file:line:column: severity: message`. `npm run check` runs it in its own process, and tests can
 * too, without starting Node and importing the Markdown pipeline once more.
 */
import path from 'node:path';
import { fixUnmarkedNames } from '../../src/authoring/annotate/fix-unmarked.ts';
import { loadCorpus } from '../../src/corpus/corpus.ts';
import { draftDiagnostics } from '../../src/corpus/drafts.ts';
import { listMarkdownFiles, loadGlossary } from '../../src/corpus/glossary.ts';
import { formatDiagnostics } from '../../src/markdown/diagnostics.ts';
import { basePath, contentRoot } from '../../src/settings.ts';

export interface ContentCheckOptions {
	/** The content folder (default: `CONTENT_DIR`, else `content/`). */
	root?: string;
	/** The base path the pages are checked for (default: `BASE_PATH`, else `/`). */
	base?: string;
	/** First mark, in every article, the names the glossary knows that are not marked (`--fix`). */
	fix?: boolean;
	/** Where the report goes, a line at a time (default: stdout). */
	print?: (line: string) => void;
}

/**
 * Checks a content folder and prints what it found, ending with the count of files checked.
 * Returns the exit code: 1 when there is an error.
 *
 * With `fix`, the names the glossary knows that are not marked (the `unmarked-name` warning) are
 * marked first, with `npm run annotate`'s engine, unless the glossary itself has errors.
 */
export async function runContentCheck({ root = contentRoot(), base = basePath(), fix = false, print = (line) => console.log(line) }: ContentCheckOptions = {}): Promise<number> {
	if (fix) {
		const glossary = loadGlossary(path.join(root, 'glossary'));
		if (glossary.diagnostics.some((d) => d.severity === 'error')) {
			print('--fix: the glossary has errors, so no article was changed (they are listed below).');
		} else {
			for (const outcome of await fixUnmarkedNames(path.join(root, 'articles'), glossary)) {
				if (outcome.error) print(outcome.error);
				else if (outcome.marked || outcome.toReview) {
					print(
						`--fix: ${outcome.file}: marked ${outcome.marked} name${outcome.marked === 1 ? '' : 's'}${outcome.toReview ? `; ${outcome.toReview} left for review (npm run annotate -- ${outcome.file} lists them)` : ''}`,
					);
				}
			}
		}
	}

	const corpus = await loadCorpus(root, base);
	// Draft entries are reported here as warnings; the build refuses them (unless `--drafts`).
	const diagnostics = [...corpus.diagnostics, ...draftDiagnostics(corpus.glossary.entries.values(), 'warning')];
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	if (diagnostics.length) print(formatDiagnostics(diagnostics));
	// Every article file was checked, including those whose errors keep them out of the corpus.
	const articleFiles = listMarkdownFiles(path.join(corpus.root, 'articles')).length;
	print(`checked ${articleFiles} article${articleFiles === 1 ? '' : 's'} and ${corpus.glossary.entries.size} glossary entries in ${corpus.root}`);
	return errors ? 1 : 0;
}
