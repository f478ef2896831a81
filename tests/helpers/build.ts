import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The project's pinned Node (24), whatever Node runs the tests. */
export const NODE = fs.existsSync(path.resolve('node_modules/.bin/node')) ? path.resolve('node_modules/.bin/node') : process.execPath;

/** Where test builds go (ignored by git). */
export const OUTPUT_ROOT = path.resolve('tests/.output');

export interface SiteBuild {
	/** The built site. */
	dir: string;
	base: string;
	stdout: string;
	stderr: string;
}

export interface BuildFailure {
	code: number;
	stdout: string;
	stderr: string;
}

function envFor(contentDir: string, base: string, outDir: string, extra: Record<string, string> = {}) {
	const key = crypto.createHash('sha1').update(`${path.resolve(contentDir)}|${base}`).digest('hex').slice(0, 10);
	return {
		...process.env,
		CONTENT_DIR: path.resolve(contentDir),
		BASE_PATH: base,
		READER_OUT_DIR: outDir,
		ASTRO_CACHE_DIR: path.join(OUTPUT_ROOT, `.cache-${key}`),
		ASTRO_TELEMETRY_DISABLED: '1',
		...extra,
	};
}

/**
 * Builds a content folder with the real build script (`npm run build`'s), in a child process, into
 * `tests/.output/<name>`. Builds are cached for the test run by name: several test files can
 * share one build.
 */
export async function buildSite(name: string, contentDir: string, base = '/', extraEnv: Record<string, string> = {}): Promise<SiteBuild> {
	const dir = path.join(OUTPUT_ROOT, name);
	const marker = path.join(dir, '.built-by-test');
	const stamp = `${process.env.VITEST_RUN_ID ?? ''}|${path.resolve(contentDir)}|${base}|${JSON.stringify(extraEnv)}`;
	// Test files may run in parallel workers: one build per name at a time, then reuse.
	return withLock(`${dir}.lock`, async () => {
		if (process.env.VITEST_RUN_ID && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) {
			return { dir, base, stdout: '', stderr: '' };
		}
		const { stdout, stderr } = await run(NODE, ['scripts/build.ts'], {
			env: envFor(contentDir, base, dir, extraEnv),
			maxBuffer: 64 * 1024 * 1024,
		});
		fs.writeFileSync(marker, stamp);
		return { dir, base, stdout, stderr };
	});
}

/** Runs `task` holding a lock directory (created atomically), waiting for other holders. */
async function withLock<T>(lock: string, task: () => Promise<T>): Promise<T> {
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	const deadline = Date.now() + 10 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			// A lock left by a killed run is stale after its build time.
			const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > 5 * 60_000 || Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
	try {
		return await task();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Runs the build on content expected to fail, and returns its exit code and output. */
export async function buildExpectingFailure(name: string, contentDir: string): Promise<BuildFailure> {
	const dir = path.join(OUTPUT_ROOT, name);
	try {
		const { stdout, stderr } = await run(NODE, ['scripts/build.ts'], { env: envFor(contentDir, '/', dir), maxBuffer: 64 * 1024 * 1024 });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

/** Runs `npm run check`'s content linter on a folder. */
export async function checkContent(contentDir: string): Promise<BuildFailure> {
	try {
		const { stdout, stderr } = await run(NODE, ['scripts/check-content.ts'], { env: envFor(contentDir, '/', '') });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}
