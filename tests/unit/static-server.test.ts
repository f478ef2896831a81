/**
 * The preview server (`npm start`, `npm run serve`, the tests' and the benchmark's server) against
 * a small hand-made site, at the root and in a subfolder: the defect classes of issue 14 (header
 * injection, sibling folders, open redirects, a file vanishing mid-request) and the behaviour of the
 * documented hosts (methods, HEAD, compression, caching, `_headers`, 404 page).
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile, headersForPath } from '../../scripts/lib/headers-file.ts';
import { ListenError, serverSettings, startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { NODE } from '../helpers/build.ts';

const HEADERS_FILE = fs.readFileSync('public/_headers', 'utf8');
const CSP = headersForPath(parseHeadersFile(HEADERS_FILE), '/')['Content-Security-Policy']!;
const SCRIPT = `console.log(${JSON.stringify('a long enough line to be worth compressing. '.repeat(60))});\n`;

let tmp: string;
let dist: string;
let root: StaticServer;
let sub: StaticServer;

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
	dist = path.join(tmp, 'dist');
	const write = (file: string, text: string) => {
		fs.mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
		fs.writeFileSync(path.join(dist, file), text);
	};
	write('index.html', '<!doctype html><title>Home</title><p>home</p>');
	write('404.html', '<!doctype html><title>Not found</title><p>no such page</p>');
	write('articles/index.html', '<!doctype html><title>Articles</title>');
	write('articles/one/index.html', `<!doctype html><title>One</title><p>${'words '.repeat(400)}</p>`);
	write('_astro/cards.AbC123.js', SCRIPT);
	write('pagefind/pagefind-entry.json', '{"version":"1"}');
	write('pagefind/index/en_1.pf_index', 'index bytes');
	write('_headers', HEADERS_FILE);
	write('.nojekyll', '');
	write('maps/a+b,c@d é.svg', '<svg/>');
	// A sibling whose name starts like the served folder's.
	fs.mkdirSync(path.join(tmp, 'dist-secret'));
	fs.writeFileSync(path.join(tmp, 'dist-secret', 'secret.txt'), 'SECRET');
	root = await startStaticServer({ dir: dist });
	sub = await startStaticServer({ dir: dist, base: '/reader/' });
});

afterAll(async () => {
	await root?.close();
	await sub?.close();
	fs.rmSync(tmp, { recursive: true, force: true });
});

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** A request with the path exactly as written (fetch would normalise `..` and `%2e`). */
function request(server: StaticServer, rawPath: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

async function expectAlive(server: StaticServer) {
	expect((await request(server, server === sub ? '/reader/' : '/')).status).toBe(200);
}

describe('the preview server', () => {
	it('serves pages, folders as their index.html, and redirects a folder without its slash', async () => {
		const home = await request(root, '/');
		expect(home.status).toBe(200);
		expect(home.headers['content-type']).toBe('text/html;charset=utf-8');
		expect(home.body.toString()).toContain('<p>home</p>');
		const folder = await request(root, '/articles?q=1');
		expect(folder.status).toBe(301);
		expect(folder.headers.location).toBe('/articles/?q=1');
		expect((await request(root, '/articles/one/')).status).toBe(200);
	});

	it('serves files whose names hold reserved or non-ASCII characters', async () => {
		const answer = await request(root, `/maps/${encodeURIComponent('a+b,c@d é.svg')}`);
		expect(answer.status).toBe(200);
		expect(answer.body.toString()).toBe('<svg/>');
	});

	it('answers unknown addresses with the site’s 404 page and status 404', async () => {
		for (const address of ['/nothing/', '/nothing', '/articles/one/index.html/', '/%ff']) {
			const answer = await request(root, address);
			expect(answer.status, address).toBe(404);
			expect(answer.body.toString(), address).toContain('no such page');
		}
	});

	it('survives a line break in the path (it once went into the Location header and stopped the server)', async () => {
		for (const address of ['/%0a%2f..%2farticles', '/articles%0d%0aSet-Cookie:%20x=1', '/%0d%0a/articles']) {
			const answer = await request(root, address);
			expect(answer.status, address).toBe(404);
			expect(answer.headers['set-cookie']).toBeUndefined();
		}
		await expectAlive(root);
	});

	it('never serves a file outside its folder, not even from a sibling whose name starts the same', async () => {
		for (const address of [
			'/../dist-secret/secret.txt',
			'/%2e%2e/dist-secret/secret.txt',
			'/..%2fdist-secret%2fsecret.txt',
			'/%2e%2e%5cdist-secret%5csecret.txt',
			'/articles/../../dist-secret/secret.txt',
		]) {
			const answer = await request(root, address);
			expect(answer.status, address).toBe(404);
			expect(answer.body.toString()).not.toContain('SECRET');
		}
		const inSub = await request(sub, '/reader/../dist-secret/secret.txt');
		expect(inSub.body.toString()).not.toContain('SECRET');
	});

	it('never redirects to another host', async () => {
		const attempts = [
			'/%2fevil.example%2f..%2farticles',
			'/%5cevil.example%5c..%5carticles',
			'//evil.example/../articles',
			'/%2f%2fevil.example',
			'/\\evil.example/articles',
			'/%09/evil.example/articles',
		];
		for (const server of [root, sub]) {
			for (const attempt of attempts) {
				const address = server === sub ? attempt.replace(/^\//, '/reader/') : attempt;
				const answer = await request(server, address);
				const location = answer.headers.location;
				if (location !== undefined) expect(new URL(location, 'http://127.0.0.1/').host, `${address} → ${location}`).toBe('127.0.0.1');
				expect(answer.status, address).toBe(404);
			}
		}
	});

	it('keeps serving when a file vanishes between its lookup and its read', async () => {
		const original = fs.createReadStream;
		// What the read stream does when the file was deleted after it was found.
		fs.createReadStream = ((file: fs.PathLike) => {
			const stream = new Readable({ read() {} });
			process.nextTick(() => stream.destroy(Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' })));
			return stream;
		}) as typeof fs.createReadStream;
		syncBuiltinESMExports();
		try {
			await expect(request(root, '/articles/one/')).rejects.toThrow();
		} finally {
			fs.createReadStream = original;
			syncBuiltinESMExports();
		}
		await expectAlive(root);
	});

	it('serves byte ranges, and survives impossible ones', async () => {
		const part = await request(root, '/_astro/cards.AbC123.js', { headers: { Range: 'bytes=0-6' } });
		expect(part.status).toBe(206);
		expect(part.body.toString()).toBe(SCRIPT.slice(0, 7));
		for (const range of ['bytes=9-2', 'bytes=abc', 'bytes=999999-', 'bytes=-', 'lines=1-2']) {
			await request(root, '/_astro/cards.AbC123.js', { headers: { Range: range } }).catch(() => undefined);
		}
		await expectAlive(root);
	});

	it('answers 405 to methods other than GET and HEAD', async () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
			const answer = await request(root, '/', { method });
			expect(answer.status, method).toBe(405);
			expect(answer.headers.allow).toBe('GET, HEAD');
			expect(answer.body.toString()).not.toContain('home');
		}
	});

	it('answers HEAD with the length and no body', async () => {
		const get = await request(root, '/articles/one/');
		const head = await request(root, '/articles/one/', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(Number(head.headers['content-length'])).toBe(get.body.length);
		expect(head.body.length).toBe(0);
		const missing = await request(root, '/nothing/', { method: 'HEAD' });
		expect(missing.status).toBe(404);
		expect(Number(missing.headers['content-length'])).toBe(fs.statSync(path.join(dist, '404.html')).size);
	});

	it('compresses with brotli or gzip as the browser asks', async () => {
		const brotli = await request(root, '/_astro/cards.AbC123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
		expect(brotli.headers['content-encoding']).toBe('br');
		expect(brotli.body.length).toBeLessThan(SCRIPT.length / 4);
		expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);
		expect(brotli.headers.vary).toMatch(/Accept-Encoding/i);
		const gzip = await request(root, '/articles/one/', { headers: { 'Accept-Encoding': 'gzip' } });
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(zlib.gunzipSync(gzip.body).toString()).toContain('words words');
		const plain = await request(root, '/articles/one/');
		expect(plain.headers['content-encoding']).toBeUndefined();
	});

	it('caches hashed assets for good and has pages revalidated', async () => {
		const asset = await request(sub, '/reader/_astro/cards.AbC123.js');
		expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		for (const address of ['/reader/', '/reader/articles/one/', '/reader/pagefind/pagefind-entry.json']) {
			const answer = await request(sub, address);
			expect(answer.headers['cache-control'], address).toBe('no-cache');
			expect(answer.headers.etag, address).toBeTruthy();
			const again = await request(sub, address, { headers: { 'If-None-Match': answer.headers.etag! } });
			expect(again.status, address).toBe(304);
		}
	});

	it('sends the headers of _headers with every answer, and never _headers itself', async () => {
		for (const address of ['/', '/articles/one/', '/_astro/cards.AbC123.js', '/nothing/', '/articles']) {
			const answer = await request(root, address);
			expect(answer.headers['content-security-policy'], address).toBe(CSP);
			expect(answer.headers['x-content-type-options'], address).toBe('nosniff');
			expect(answer.headers['x-frame-options'], address).toBe('DENY');
		}
		for (const [server, address] of [
			[root, '/_headers'],
			[sub, '/reader/_headers'],
			[root, '/.nojekyll'],
		] as const) {
			const answer = await request(server, address);
			expect(answer.status, address).toBe(404);
			expect(answer.body.toString()).not.toContain('Content-Security-Policy');
		}
	});

	it('can serve without them, as GitHub Pages or S3 would', async () => {
		const bare = await startStaticServer({ dir: dist, hostHeaders: false });
		try {
			expect((await request(bare, '/')).headers['content-security-policy']).toBeUndefined();
			expect((await request(bare, '/_headers')).status).toBe(404);
		} finally {
			await bare.close();
		}
	});

	it('gives Pagefind’s index files a type', async () => {
		expect((await request(root, '/pagefind/index/en_1.pf_index')).headers['content-type']).toBe('application/octet-stream');
	});

	it('serves the site in its subfolder only', async () => {
		expect((await request(sub, '/reader/')).body.toString()).toContain('<p>home</p>');
		const bare = await request(sub, '/reader');
		expect(bare.status).toBe(301);
		expect(bare.headers.location).toBe('/reader/');
		const outside = await request(sub, '/articles/one/');
		expect(outside.status).toBe(404);
		expect(outside.body.toString()).toContain('no such page');
		expect((await request(sub, '/reader/articles')).headers.location).toBe('/reader/articles/');
	});

	it('listens on loopback unless asked otherwise', () => {
		expect(new URL(root.url).hostname).toBe('127.0.0.1');
		expect(serverSettings({}).host).toBe('127.0.0.1');
	});
});

describe('PORT and a port in use', () => {
	it('refuses an invalid PORT with one line', () => {
		for (const port of ['abc', '-1', '70000', '80.5', '0x50']) {
			expect(() => serverSettings({ PORT: port }), port).toThrow(ListenError);
			expect(() => serverSettings({ PORT: port })).toThrow(/^PORT must be a whole number from 1 to 65535, not "/);
		}
		expect(serverSettings({ PORT: '8080' }).port).toBe(8080);
	});

	it('says the port is in use in one line', async () => {
		const error = await startStaticServer({ dir: dist, port: root.port }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ListenError);
		expect((error as Error).message).toContain(`Port ${root.port} is already in use`);
		expect((error as Error).message).not.toContain('\n');
	});

	it('npm run serve says when there is no build to serve', async () => {
		const empty = path.join(tmp, 'no-build');
		const failure = await promisify(execFile)(NODE, ['scripts/serve.ts'], { env: { ...process.env, PORT: '', READER_OUT_DIR: empty } }).catch((e: { code: number; stderr: string }) => e);
		expect('code' in failure && failure.code).toBe(1);
		expect(failure.stderr.trim()).toBe(`error: ${empty}/ holds no build yet: run npm run build first (or npm start, which builds and serves)`);
	});

	it('npm run serve serves a build under the base path it was made for, and refuses another', async () => {
		const built = path.join(tmp, 'built-for-reader');
		fs.mkdirSync(built, { recursive: true });
		fs.writeFileSync(path.join(built, 'index.html'), '<!doctype html><html lang="en" data-base="/reader/"><title>x</title></html>');
		// A port that was free a moment ago (PORT must be 1 to 65535, so 0 cannot ask for any).
		const probe = await startStaticServer({ dir: dist });
		await probe.close();
		const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(probe.port), READER_OUT_DIR: built };
		delete env.BASE_PATH;
		// Unset BASE_PATH: the recorded base is used (the server prints its address and keeps running).
		const child = spawn(NODE, ['scripts/serve.ts'], { env });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const firstLine = await new Promise<string>((resolve) => {
			child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
			child.once('exit', () => resolve(`exited: ${stderr}`));
		});
		child.kill();
		expect(firstLine).toMatch(/^Serving .* at http:\/\/127\.0\.0\.1:\d+\/reader\//);
		// A BASE_PATH that is not the build's: one line saying what to run.
		const failure = await promisify(execFile)(NODE, ['scripts/serve.ts'], { env: { ...env, BASE_PATH: '/' } }).catch((e: { code: number; stderr: string }) => e);
		expect('code' in failure && failure.code).toBe(1);
		expect(failure.stderr.trim()).toBe(`error: ${built}/ was built for the base path /reader/, not /: run BASE_PATH=/reader/ npm run serve, or rebuild with BASE_PATH=/ npm run build`);
	});

	it('names the command that was run in the port-in-use hint', async () => {
		const saved = process.env.npm_lifecycle_event;
		process.env.npm_lifecycle_event = 'serve';
		try {
			const error = await startStaticServer({ dir: dist, port: root.port }).catch((e: unknown) => e);
			expect((error as Error).message).toMatch(/e\.g\. PORT=\d+ npm run serve$/);
			expect(() => serverSettings({ PORT: 'x', npm_lifecycle_event: 'serve' })).toThrow(/PORT=8080 npm run serve$/);
			expect(() => serverSettings({ PORT: 'x', npm_lifecycle_event: 'start' })).toThrow(/PORT=8080 npm start$/);
		} finally {
			if (saved === undefined) delete process.env.npm_lifecycle_event;
			else process.env.npm_lifecycle_event = saved;
		}
	});

	it('npm start says so before it builds anything', async () => {
		const run = promisify(execFile);
		const out = path.join(tmp, 'start-out');
		for (const [port, expected] of [
			[String(root.port), /^error: Port \d+ is already in use/],
			['not-a-port', /^error: PORT must be a whole number/],
		] as const) {
			const failure = await run(NODE, ['scripts/start.ts'], { env: { ...process.env, PORT: port, READER_OUT_DIR: out, CONTENT_DIR: 'tests/fixtures/site/content' } }).catch(
				(e: { code: number; stdout: string; stderr: string }) => e,
			);
			expect('code' in failure && failure.code, port).toBe(1);
			expect(failure.stderr.trim(), port).toMatch(expected);
			expect(failure.stderr.trim().split('\n'), port).toHaveLength(1);
			expect(failure.stdout, port).toBe('');
			expect(fs.existsSync(out), port).toBe(false);
		}
	});
});
