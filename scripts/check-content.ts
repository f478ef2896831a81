/**
 * `npm run check` (content part): loads and renders every article and glossary entry and prints
 * every diagnostic as `file:line:column: severity: message`. Exits 1 when there is an error.
 */
import { loadCorpus } from '../src/corpus/corpus.ts';
import { formatDiagnostics } from '../src/markdown/diagnostics.ts';

const corpus = await loadCorpus();
const errors = corpus.diagnostics.filter((d) => d.severity === 'error').length;
if (corpus.diagnostics.length) console.log(formatDiagnostics(corpus.diagnostics));
console.log(`checked ${corpus.articles.length} article${corpus.articles.length === 1 ? '' : 's'} and ${corpus.glossary.entries.size} glossary entries in ${corpus.root}`);
process.exitCode = errors ? 1 : 0;
