/**
 * `npm run serve`: serves the last build (`dist/`, or `READER_OUT_DIR`) under `BASE_PATH` on
 * http://127.0.0.1:4321/ (`PORT`, `HOST` to change), the way the documented static hosts serve it.
 */
import { basePath } from '../src/settings.ts';
import { hasBuild, outputDir, shownDir } from './lib/output-dir.ts';
import { ListenError, serverSettings, startStaticServer } from './lib/static-server.ts';

const dir = outputDir();
const shown = shownDir(dir);
try {
	const { port, host } = serverSettings();
	if (!hasBuild(dir)) throw new ListenError(`${shown}/ holds no build yet: run npm run build first (or npm start, which builds and serves)`);
	const { url } = await startStaticServer({ dir, base: basePath(), port, host });
	console.log(`Serving ${shown}/ at ${url}  (Ctrl+C to stop)`);
} catch (error) {
	if (!(error instanceof ListenError)) throw error;
	console.error(`error: ${error.message}`);
	process.exitCode = 1;
}
