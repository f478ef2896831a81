/**
 * `npm run check`: the content check (always, and first), then the project's code check
 * (`astro check`), each under its own heading. `--fix` is passed to the content check.
 */
import { runChecks } from './lib/check-all.ts';

process.exitCode = await runChecks({ contentArgs: process.argv.slice(2) });
