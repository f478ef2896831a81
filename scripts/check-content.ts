/**
 * `npm run check` (content part): loads and renders every article and glossary entry and prints
 * every diagnostic as `file:line:column: severity: message`. Exits 1 when there is an error.
 *
 * `--fix` first marks, in every article, the names the glossary knows that are not marked (the
 * `unmarked-name` warning), with `npm run annotate`'s engine; then checks as usual
 * (`scripts/lib/content-check.ts`).
 */
import { runContentCheck } from './lib/content-check.ts';

process.exitCode = await runContentCheck({ fix: process.argv.includes('--fix') });
