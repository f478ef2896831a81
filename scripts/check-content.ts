/**
 * `npm run check` (content part): loads and renders every article and glossary entry and prints
 * every diagnostic as `file:line:column: severity: message`. Exits 1 when there is an error.
 *
 * `--fix` first marks, in every article, the names the glossary knows that are not marked (the
 * `unmarked-name` warning), with `npm run annotate`'s engine; then checks as usual.
 */
import path from 'node:path';
import { fixUnmarkedNames } from '../src/authoring/annotate/fix-unmarked.ts';
import { loadCorpus } from '../src/corpus/corpus.ts';
import { contentRoot } from '../src/settings.ts';
import { listMarkdownFiles, loadGlossary } from '../src/corpus/glossary.ts';
import { draftDiagnostics } from '../src/corpus/drafts.ts';
import { formatDiagnostics } from '../src/markdown/diagnostics.ts';

if (process.argv.includes('--fix')) {
	const glossary = loadGlossary(path.join(contentRoot(), 'glossary'));
	if (glossary.diagnostics.some((d) => d.severity === 'error')) {
		console.log('--fix: the glossary has errors, so no article was changed (they are listed below).');
	} else {
		for (const outcome of await fixUnmarkedNames(path.join(contentRoot(), 'articles'), glossary)) {
			if (outcome.error) console.log(outcome.error);
			else if (outcome.marked || outcome.toReview) {
				console.log(
					`--fix: ${outcome.file}: marked ${outcome.marked} name${outcome.marked === 1 ? '' : 's'}${outcome.toReview ? `; ${outcome.toReview} left for review (npm run annotate -- ${outcome.file} lists them)` : ''}`,
				);
			}
		}
	}
}

const corpus = await loadCorpus();
// Draft entries are reported here as warnings; the build refuses them (unless `--drafts`).
const diagnostics = [...corpus.diagnostics, ...draftDiagnostics(corpus.glossary.entries.values(), 'warning')];
const errors = diagnostics.filter((d) => d.severity === 'error').length;
if (diagnostics.length) console.log(formatDiagnostics(diagnostics));
// Every article file was checked, including those whose errors keep them out of the corpus.
const articleFiles = listMarkdownFiles(path.join(corpus.root, 'articles')).length;
console.log(`checked ${articleFiles} article${articleFiles === 1 ? '' : 's'} and ${corpus.glossary.entries.size} glossary entries in ${corpus.root}`);
process.exitCode = errors ? 1 : 0;
