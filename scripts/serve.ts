/**
 * `npm run serve`: serves the last build (`dist/`, or `READER_OUT_DIR`) under the base path it was
 * built for (its home page records it; a different `BASE_PATH` is refused) on
 * http://127.0.0.1:4321/ (`PORT`, `HOST` to change), the way the documented static hosts serve it.
 */
import { basePath } from '../src/settings.ts';
import { builtBasePath, hasBuild, outputDir, shownDir } from './lib/output-dir.ts';
import { ListenError, serverSettings, startStaticServer } from './lib/static-server.ts';

const dir = outputDir();
const shown = shownDir(dir);
try {
	const { port, host } = serverSettings();
	if (!hasBuild(dir)) throw new ListenError(`${shown}/ holds no build yet: run npm run build first (or npm start, which builds and serves)`);
	// Serve the build under the base path it was made for: every link in it names that path.
	const built = builtBasePath(dir);
	const asked = process.env.BASE_PATH === undefined ? undefined : basePath();
	if (built && asked && built !== asked) {
		throw new ListenError(`${shown}/ was built for the base path ${built}, not ${asked}: run BASE_PATH=${built} npm run serve, or rebuild with BASE_PATH=${asked} npm run build`);
	}
	const { url } = await startStaticServer({ dir, base: built ?? asked ?? '/', port, host });
	console.log(`Serving ${shown}/ at ${url}  (Ctrl+C to stop)`);
} catch (error) {
	if (!(error instanceof ListenError)) throw error;
	console.error(`error: ${error.message}`);
	process.exitCode = 1;
}
