/**
 * `npm run annotate -- <article.md> [--write] [--json]`: marks in an article every name the
 * glossary (under `CONTENT_DIR`, default `content/`) already knows. Without `--write` it prints a
 * reviewable diff and a summary; with `--write` it edits the file, then checks that the article's
 * words are unchanged (and puts the file back if not).
 *
 * `--candidates` lists the names the glossary does not know; `--scaffold "Name" …` (or
 * `--scaffold all`) writes a draft glossary entry for each. See the README's authoring guide.
 */
import path from 'node:path';
import { runAnnotateCommand } from '../src/authoring/cli/annotate-command.ts';

process.exitCode = await runAnnotateCommand(process.argv.slice(2), { cwd: process.cwd(), out: (s) => console.log(s), err: (s) => console.error(s), scriptName: path.basename(import.meta.filename) });
