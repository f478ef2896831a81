/**
 * Vitest global setup: one queue of site builds for the whole test run, in Vitest's main process.
 *
 * Test files run in parallel workers, but builds share the Astro project folder (`.astro/`), so
 * they must run one at a time; and several files read the same build (the seed site), which
 * should be built once. Workers ask this queue for a build over HTTP (`tests/helpers/build.ts`);
 * it runs builds in order, remembers each by name for the rest of the run, and answers with the
 * build's folder and its output, so a build reused by a second file still has the output it
 * printed. A test file that runs builds of its own (to stop one half-way, say) holds the queue
 * while it does (`holdBuilds`). No lock files, no polling: a worker simply waits for its answer.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { NODE, OUTPUT_ROOT, buildEnv, type BuildRequest, type QueueRequest, type SiteBuild } from './build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Address of the run's build queue. */
		buildQueue: string;
	}
}

interface Queue {
	url: string;
	users: number;
	close(): Promise<void>;
}

/** Every project's global setup runs in the same process: they share one queue, closed by the last. */
const SHARED = Symbol.for('annotated-reader.build-queue');
type Shared = typeof globalThis & { [SHARED]?: Promise<Queue> };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const shared = globalThis as Shared;
	const queue = await (shared[SHARED] ??= startQueue());
	queue.users++;
	project.provide('buildQueue', queue.url);
	return async () => {
		if (--queue.users > 0) return;
		delete shared[SHARED];
		await queue.close();
	};
}

async function startQueue(): Promise<Queue> {
	const builds = new Map<string, { settings: string; result: Promise<SiteBuild> }>();
	let last: Promise<unknown> = Promise.resolve();
	/** The build of a request: the one already made (or under way) under its name, else a new one after the others. */
	const buildFor = (request: BuildRequest): Promise<SiteBuild> => {
		const settings = JSON.stringify([request.contentDir, request.base, request.env]);
		const known = builds.get(request.name);
		if (known) {
			if (known.settings !== settings)
				return Promise.reject(new Error(`The test build \`${request.name}\` was asked for with other settings: ${known.settings} and now ${settings}. Give each set of settings its own name.`));
			return known.result;
		}
		const result = last.then(() => runBuild(request));
		last = result.catch(() => undefined);
		builds.set(request.name, { settings, result });
		return result;
	};

	/** Holds the queue for a test file's own builds, until its request closes (or its worker dies). */
	const hold = (res: http.ServerResponse) => {
		last = last.then(
			() =>
				new Promise<void>((done) => {
					if (res.destroyed) return done();
					res.on('close', done);
					res.writeHead(200, { 'content-type': 'text/plain' }).write('held\n');
				}),
		);
	};

	const server = http.createServer((req, res) => {
		let body = '';
		req.setEncoding('utf8');
		req.on('data', (chunk: string) => (body += chunk));
		req.on('end', () => {
			const request = JSON.parse(body) as QueueRequest;
			if ('hold' in request) return hold(res);
			buildFor(request).then(
				(build) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(build)),
				(error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
			);
		});
	});
	// A build can take minutes on a busy machine: no server-side timeouts.
	server.requestTimeout = 0;
	server.headersTimeout = 0;
	server.keepAliveTimeout = 0;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		users: 0,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/**
 * Runs the real build script into `tests/.output/<name>`. Each build starts from an empty Astro
 * cache, unless the request names a cache of its own (the reproducibility test builds again from
 * the cache another build left). Its output is kept next to the site, in `.built-by-test`.
 */
async function runBuild({ name, contentDir, base, env }: BuildRequest): Promise<SiteBuild> {
	const dir = path.join(OUTPUT_ROOT, name);
	const buildEnvironment = buildEnv(contentDir, base, dir, env);
	if (!env.ASTRO_CACHE_DIR) fs.rmSync(buildEnvironment.ASTRO_CACHE_DIR, { recursive: true, force: true });
	const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
		execFile(NODE, ['scripts/build.ts'], { env: buildEnvironment, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`The test build \`${name}\` (${contentDir} under ${base}) failed:\n${stdout}\n${stderr}`));
			else resolve({ stdout, stderr });
		});
	});
	const build: SiteBuild = { dir, base, stdout, stderr };
	fs.writeFileSync(path.join(dir, '.built-by-test'), `${JSON.stringify({ name, contentDir, base, env, stdout, stderr }, null, 2)}\n`);
	return build;
}
