/**
 * `npm run import -- <file> [--slug <slug>] [--force] [--json]`: turns a raw article (plain text,
 * an HTML page or Markdown) into `<CONTENT_DIR>/articles/<slug>.md`, ready for `npm run annotate`.
 * Bad input is one line on stderr and exit code 1; the summary goes to stdout (`--json` for tools).
 */
import { parseArgs } from 'node:util';
import { contentRoot } from '../src/settings.ts';
import { ImportError } from '../src/authoring/import/errors.ts';
import { importArticle } from '../src/authoring/import/import-article.ts';
import { formatSummary, summaryData } from '../src/authoring/import/summary.ts';

const USAGE = 'usage: npm run import -- <file> [--slug <slug>] [--force] [--json]';

try {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: { slug: { type: 'string' }, force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
		});
	} catch (error) {
		throw new ImportError(`${(error as Error).message.split('\n')[0]}\n${USAGE}`);
	}
	const { values, positionals } = parsed;
	if (values.help) {
		console.log(USAGE);
	} else {
		if (positionals.length !== 1) throw new ImportError(positionals.length ? `one file at a time, not ${positionals.length}\n${USAGE}` : `which file? ${USAGE}`);
		const result = await importArticle({ file: positionals[0]!, slug: values.slug, force: values.force, contentDir: contentRoot() });
		console.log(values.json ? JSON.stringify(summaryData(result), null, 2) : formatSummary(result));
	}
} catch (error) {
	if (!(error instanceof ImportError)) throw error;
	console.error(`error: ${error.message}`);
	process.exitCode = 1;
}
