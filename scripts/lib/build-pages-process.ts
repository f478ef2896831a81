/**
 * The process that writes the pages (build-pages.ts), started by build-site.ts with an IPC channel
 * and its options as one JSON argument. It sends back its `PagesResult` and exits (Astro may leave
 * timers behind), and exits at once if the build that started it is gone (killed), so that it
 * writes nothing more into a folder no one will check.
 */
import { buildPages, type PagesOptions, type PagesResult } from './build-pages.ts';

if (!process.send) {
	console.error('build-pages-process.ts is started by npm run build (scripts/lib/build-site.ts), not on its own.');
	process.exit(2);
}
process.on('disconnect', () => process.exit(1));

const options = JSON.parse(process.argv[2] ?? '{}') as PagesOptions;
let result: PagesResult = { ok: false };
try {
	result = await buildPages(options);
} catch (error) {
	console.error(`The pages could not be built: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
process.send(result, () => process.exit(result.ok ? 0 : 1));
