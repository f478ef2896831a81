import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { seedEdition } from './seed.ts';

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

/** What a test file asks the run's build queue for (`tests/helpers/build-queue.ts`). */
export interface BuildRequest {
	/** Folder name under `tests/.output/`, and the name under which the build is shared. */
	name: string;
	contentDir: string;
	base: string;
	/** Extra environment for the build, such as `SITE_URL`. */
	env: Record<string, string>;
}

/** A request to the queue: a build, or the queue held for builds of one's own. */
export type QueueRequest = BuildRequest | { hold: true };

/** The origin the shared seed builds are made for, as a host's build would be. */
export const SITE_URL = 'https://reader.example';

/** The Astro cache a content folder gets under a base path (each its own). */
export function cacheDirFor(contentDir: string, base: string): string {
	const key = crypto
		.createHash('sha1')
		.update(`${path.resolve(contentDir)}|${base}`)
		.digest('hex')
		.slice(0, 10);
	return path.join(OUTPUT_ROOT, `.cache-${key}`);
}

/** The environment of the build script for a content folder, base path and output folder. */
export function buildEnv(contentDir: string, base: string, outDir: string, extra: Record<string, string> = {}) {
	return {
		...process.env,
		CONTENT_DIR: path.resolve(contentDir),
		BASE_PATH: base,
		READER_OUT_DIR: outDir,
		ASTRO_CACHE_DIR: cacheDirFor(contentDir, base),
		ASTRO_TELEMETRY_DISABLED: '1',
		...extra,
	};
}

/**
 * Builds a content folder with the real build script (`npm run build`'s), in a child process, into
 * `tests/.output/<name>`. Builds are made one at a time and shared for the test run by name,
 * through the run's build queue: several test files can read one build, and each gets the build's
 * own output, however many read it. Outside a Vitest run with the queue, builds right here.
 */
export async function buildSite(name: string, contentDir: string, base = '/', env: Record<string, string> = {}): Promise<SiteBuild> {
	const request: BuildRequest = { name, contentDir, base, env };
	const queue = queueAddress();
	if (!queue) return buildNow(request);
	return new Promise((resolve, reject) => {
		// node:http rather than fetch: fetch gives up on an answer after 5 minutes, a build may take longer.
		const req = http.request(queue, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body) as SiteBuild) : reject(new Error(body))));
		});
		req.on('error', reject);
		req.end(JSON.stringify(request));
	});
}

/**
 * For a test file that runs builds itself (not through `buildSite`): waits until no queued build
 * runs, and keeps the queue's builds waiting until `release` is called (or the worker ends), so
 * that no two builds share the Astro project folder at once.
 */
export function holdBuilds(): Promise<() => void> {
	const queue = queueAddress();
	if (!queue) return Promise.resolve(() => {});
	return new Promise((resolve, reject) => {
		const req = http.request(queue, { method: 'POST', headers: { 'content-type': 'application/json' }, agent: false }, (res) => {
			res.once('data', () => resolve(() => req.destroy()));
			res.on('error', () => {});
		});
		req.on('error', reject);
		req.end(JSON.stringify({ hold: true }));
	});
}

function queueAddress(): string | undefined {
	return process.env.VITEST ? inject('buildQueue') : undefined;
}

/**
 * The seed edition (`seedEdition()`) as a host would build it (`SITE_URL` set), at a domain's root
 * or under /reader/: the one build of each that every test file reading the seed shares.
 */
export function seedSite(base: '/' | '/reader/'): Promise<SiteBuild> {
	return buildSite(base === '/' ? 'seed-root' : 'seed-reader', seedEdition(), base, { SITE_URL });
}

/** The small fixture site (`tests/fixtures/site/content`) at a domain's root or under /reader/. */
export function fixtureSite(base: '/' | '/reader/'): Promise<SiteBuild> {
	return buildSite(base === '/' ? 'fixture-root' : 'fixture-reader', 'tests/fixtures/site/content', base);
}

/**
 * The fixture of edge cases (`tests/fixtures/edge-cases/content`), built once at the root: the small
 * sites each written for one concern (roles that change between two dated articles, script payloads
 * in every field, words too long for a phone's width) in one content folder, so that one build
 * serves them all. Each article and entry keeps its own names; a test of one concern reads its own
 * pages.
 */
export function edgeCasesSite(): Promise<SiteBuild> {
	return buildSite('edge-cases', 'tests/fixtures/edge-cases/content', '/');
}

async function buildNow({ name, contentDir, base, env }: BuildRequest): Promise<SiteBuild> {
	const dir = path.join(OUTPUT_ROOT, name);
	const { stdout, stderr } = await run(NODE, ['scripts/build.ts'], { env: buildEnv(contentDir, base, dir, env), maxBuffer: 64 * 1024 * 1024 });
	return { dir, base, stdout, stderr };
}

/** Runs the build on content expected to fail, and returns its exit code and output. */
export async function buildExpectingFailure(name: string, contentDir: string): Promise<BuildFailure> {
	const dir = path.join(OUTPUT_ROOT, name);
	try {
		const { stdout, stderr } = await run(NODE, ['scripts/build.ts'], { env: buildEnv(contentDir, '/', dir), maxBuffer: 64 * 1024 * 1024 });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

/**
 * Runs `npm run check`'s content linter on a folder, in this process (`runContentCheck`, which the
 * command `scripts/check-content.ts` calls; tests/unit/annotate-cli.test.ts runs the command).
 */
export async function checkContent(contentDir: string): Promise<BuildFailure> {
	// Imported here, not above: the build queue's process imports this file and needs no Markdown pipeline.
	const { runContentCheck } = await import('../../scripts/lib/content-check.ts');
	let stdout = '';
	const code = await runContentCheck({ root: path.resolve(contentDir), base: '/', print: (line) => (stdout += `${line}\n`) });
	return { code, stdout, stderr: '' };
}
