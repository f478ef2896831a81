/**
 * `npm start`: checks `PORT` and takes the port first (so a port in use is said at once, not after
 * the build), then builds (`scripts/build.ts` in a child process) and serves the result. Until the
 * new build is complete the port serves the previous one, if any: builds replace `dist/` whole.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { basePath } from '../src/settings.ts';
import { outputDir, shownDir } from './lib/output-dir.ts';
import { ListenError, serverSettings, startStaticServer, type StaticServer } from './lib/static-server.ts';

const dir = outputDir();
let server: StaticServer;
try {
	const { port, host } = serverSettings();
	server = await startStaticServer({ dir, base: basePath(), port, host });
} catch (error) {
	if (!(error instanceof ListenError)) throw error;
	console.error(`error: ${error.message}`);
	process.exit(1);
}

// A child process, so this one keeps serving (the previous build) while it runs.
const child = spawn(process.execPath, [fileURLToPath(new URL('build.ts', import.meta.url))], { stdio: 'inherit' });
const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
if (status !== 0) {
	await server.close();
	process.exit(status);
}
console.log(`\nServing ${shownDir(dir)}/ at ${server.url}  (Ctrl+C to stop)`);
