/**
 * `npm run build`: checks the content (and stops with `file:line:column` messages if it has
 * errors), builds the site with Astro, then indexes it with Pagefind. Leaves a complete `dist/`.
 */
import path from 'node:path';
import { buildSite } from './lib/build-site.ts';

const outDir = path.resolve(process.env.OUT_DIR ?? 'dist');
const ok = await buildSite({ outDir });
process.exitCode = ok ? 0 : 1;
