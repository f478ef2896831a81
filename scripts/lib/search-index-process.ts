/**
 * The process that indexes the written pages for search (search-index.ts), started by
 * build-site.ts once the process that wrote the pages has exited, with the site's folder as its
 * argument. It sends back the number of pages indexed, or why indexing failed, and exits.
 *
 * It holds no timer and listens to nothing: should Pagefind's binary die while indexing (killed,
 * out of memory), Pagefind's client never answers and this process runs out of work; it then
 * says so and fails, and the build fails rather than waits forever.
 */
import { indexSite } from './search-index.ts';

if (!process.send || !process.argv[2]) {
	console.error('search-index-process.ts is started by npm run build (scripts/lib/build-site.ts), not on its own.');
	process.exit(2);
}

const send = process.send.bind(process);
const answer = (result: number | string) => send(result, () => process.exit(typeof result === 'number' ? 0 : 1));
process.once('beforeExit', () => answer("Pagefind's binary stopped before it answered (killed, or out of memory?)."));
answer(await indexSite(process.argv[2]));
