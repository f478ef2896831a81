/**
 * Vitest global setup: one queue of site builds for the whole test run, in Vitest's main process.
 *
 * Test files run in parallel workers, and several read the same build (the seed site), which
 * should be built once. Workers ask this queue for a build over HTTP (`tests/helpers/build.ts`);
 * it remembers each build by name for the rest of the run, and answers with the build's folder and
 * its output, so a build reused by a second file still has the output it printed.
 *
 * Builds run in parallel (one per core), each into its own folder under `tests/.output/`,
 * where Astro also keeps its intermediate files (`<output>/.prerender/`): they share only files
 * that Astro writes atomically with the same content. Builds of one Astro cache (the same content
 * and base path, or a cache named by the request) run one after the other, in the order asked. A
 * test file that runs builds of its own (to stop one half-way, say) or a dev server, whose
 * intermediate files go to the shared `.astro/` and whose watcher sees what builds write there,
 * holds the queue (`holdBuilds`): it gets it once no build runs, and no build starts until it lets
 * go. No lock files, no polling: a worker simply waits for its answer.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { NODE, OUTPUT_ROOT, buildEnv, cacheDirFor, type BuildRequest, type QueueRequest, type SiteBuild } from './build.ts';

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

/** How many queued builds may run at once: one per core. */
const PARALLEL_BUILDS = Math.max(1, os.availableParallelism());

/** A queued build, or a hold: what waits for its turn. */
interface Task {
	/** The Astro cache a build uses (builds of one cache run in order); undefined for a hold. */
	cache?: string;
	start(): Promise<unknown>;
}

async function startQueue(): Promise<Queue> {
	const builds = new Map<string, { settings: string; result: Promise<SiteBuild> }>();
	const waiting: Task[] = [];
	const running = new Set<Task>();

	/** Starts what may start: builds in the order asked, two at most, none beside a hold, and a hold alone once nothing runs. */
	const pump = () => {
		const held = [...running].some((task) => task.cache === undefined);
		for (let i = 0; i < waiting.length && !held; i++) {
			const task = waiting[i]!;
			const isHold = task.cache === undefined;
			// A hold waits for the builds asked before it, and the builds asked after it wait for the hold.
			if (isHold && (running.size > 0 || i > 0)) return;
			if (isHold || (running.size < PARALLEL_BUILDS && ![...running, ...waiting.slice(0, i)].some((other) => other.cache === task.cache))) {
				waiting.splice(i--, 1);
				running.add(task);
				void task.start().finally(() => {
					running.delete(task);
					pump();
				});
				if (isHold) return;
			}
		}
	};
	const enqueue = (task: Task) => {
		waiting.push(task);
		pump();
	};

	/** The build of a request: the one already made (or under way) under its name, else a new one in the queue. */
	const buildFor = (request: BuildRequest): Promise<SiteBuild> => {
		const settings = JSON.stringify([request.contentDir, request.base, request.env]);
		const known = builds.get(request.name);
		if (known) {
			if (known.settings !== settings)
				return Promise.reject(new Error(`The test build \`${request.name}\` was asked for with other settings: ${known.settings} and now ${settings}. Give each set of settings its own name.`));
			return known.result;
		}
		const result = new Promise<SiteBuild>((resolve, reject) => {
			const cache = request.env.ASTRO_CACHE_DIR ?? cacheDirFor(request.contentDir, request.base);
			enqueue({ cache, start: () => runBuild(request).then(resolve, reject) });
		});
		builds.set(request.name, { settings, result });
		return result;
	};

	/** Holds the queue for a test file's own builds, until its request closes (or its worker dies). */
	const hold = (res: http.ServerResponse) => {
		enqueue({
			start: () =>
				new Promise<void>((done) => {
					if (res.destroyed) return done();
					res.on('close', done);
					res.writeHead(200, { 'content-type': 'text/plain' }).write('held\n');
				}),
		});
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
 * the cache another build left). Its output, when it started and how long it took are kept next to
 * the site, in `.built-by-test`.
 */
async function runBuild({ name, contentDir, base, env }: BuildRequest): Promise<SiteBuild> {
	const started = new Date();
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
	const ms = Date.now() - started.getTime();
	fs.writeFileSync(path.join(dir, '.built-by-test'), `${JSON.stringify({ name, contentDir, base, env, started: started.toISOString(), ms, stdout, stderr }, null, 2)}\n`);
	return build;
}
