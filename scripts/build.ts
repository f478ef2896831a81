/**
 * `npm run build`: checks the content (and stops with `file:line:column` messages if it has
 * errors), builds the site with Astro (in a child process), then, once that process has exited,
 * indexes it with Pagefind. Leaves a complete `dist/` or the previous one (scripts/lib/build-site.ts).
 *
 * `--drafts` publishes draft glossary entries (by default they stop the build, listed with their place).
 *
 * `BUILD_TIMINGS_FILE=<path>` also writes the phase timings as JSON (used by `npm run bench`).
 */
import fs from 'node:fs';
import { buildSite, type BuildTimings } from './lib/build-site.ts';
import { outputDir, outputDirNote } from './lib/output-dir.ts';

// One option only: an unknown one (a typo of --drafts) must not build something else than asked.
const unknown = process.argv.slice(2).filter((arg) => arg !== '--drafts');
if (unknown.length) {
	console.error(`error: unknown option ${unknown.map((arg) => `\`${arg}\``).join(', ')}: npm run build takes only --drafts (npm run build -- --drafts)`);
	process.exit(2);
}

const outDir = outputDir();
const note = outputDirNote();
if (note) console.log(note);
const timings: Partial<BuildTimings> = {};
const ok = await buildSite({ outDir, verbose: process.env.BUILD_QUIET !== '1', drafts: process.argv.includes('--drafts') }, timings);
if (process.env.BUILD_TIMINGS_FILE) fs.writeFileSync(process.env.BUILD_TIMINGS_FILE, `${JSON.stringify({ ok, ...timings }, null, 2)}\n`);
process.exitCode = ok ? 0 : 1;
