import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import compression from 'compression';
import sirv from 'sirv';
import { headersForPath, readHeadersFile } from './headers-file.ts';

export interface StaticServerOptions {
	/** The built site. */
	dir: string;
	/** Where the site is mounted, e.g. `/` or `/reader/`. */
	base?: string;
	/** 0 (the default) picks a free port. */
	port?: number;
	/** The address to listen on; loopback unless asked otherwise. */
	host?: string;
	/** Send the headers of the site's `_headers` (default true); false serves it as GitHub Pages or S3 would. */
	hostHeaders?: boolean;
}

export interface StaticServer {
	/** The site's home page, ending in the base path. */
	url: string;
	port: number;
	close(): Promise<void>;
}

/** The host's own files and dotfiles (`.nojekyll`) are not pages: hosts do not serve them. */
const NOT_PUBLISHED = /(^|\/)(\.|_headers$|_redirects$)/;
/** Pagefind's index files, which no MIME table knows. */
const PAGEFIND_FILE = /\.(pagefind|pf_meta|pf_index|pf_fragment)$/;
/** What a response gets unless `_headers` says otherwise (the `_astro/` rule): use it only once revalidated. */
const REVALIDATE = 'no-cache';

/**
 * A request handler that serves a built site the way the documented static hosts do (Netlify,
 * Cloudflare Pages, nginx with `deploy/nginx.conf`). `sirv` sends the files (types, lengths,
 * ETags, ranges, HEAD) and `compression` gzips or brotli-compresses them; this glue adds what a host
 * adds: the mount point (`BASE_PATH`), `dir` → `dir/` redirects and `dir/index.html`, the headers
 * of the site's `_headers` file (read on every request, so a rebuild is picked up), revalidation
 * for everything else, the site's `404.html` with status 404, and 405 for methods other than GET
 * and HEAD. Addresses that are not plain paths (encoded `/`, `\`, `.`/`..` segments, control
 * characters, empty segments) are not found, so a redirect only ever names a path of this site.
 *
 * Why not `astro preview`: it knows the base path, but not `_headers`, compression or caching, and
 * it boots Astro and its config for every server, where the tests and the benchmark start many
 * servers on many built folders in-process. Why compress on the fly rather than precompress: `dist/`
 * holds only what the site serves (no `.gz`/`.br` copies to upload or keep byte-identical), and the
 * documented hosts compress by themselves too.
 */
export function createStaticHandler({ dir, base = '/', hostHeaders = true }: Pick<StaticServerOptions, 'dir' | 'base' | 'hostHeaders'>): http.RequestListener {
	const root = path.resolve(dir);
	const files = sirv(root, {
		// `dev` looks files up on every request rather than listing the folder once, so a rebuild
		// (which swaps the whole folder) is served at once. Caching headers are set below.
		dev: true,
		etag: true,
		extensions: [],
		setHeaders(res, pathname) {
			if (PAGEFIND_FILE.test(pathname)) res.setHeader('Content-Type', 'application/octet-stream');
		},
		onNoMatch: (req, res) => notFound(root, req, res),
	});
	// `compression` is typed for Express, but it is plain Node middleware.
	const compress = compression() as unknown as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

	const route = (req: http.IncomingMessage, res: http.ServerResponse) => {
		const rawUrl = req.url ?? '/';
		const queryAt = rawUrl.indexOf('?');
		const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
		const query = queryAt < 0 ? '' : rawUrl.slice(queryAt);
		const rules = hostHeaders ? readHeadersFile(path.join(root, '_headers')) : [];
		const setHostHeaders = (sitePath: string) => {
			res.setHeader('Cache-Control', REVALIDATE);
			for (const [name, value] of Object.entries(headersForPath(rules, sitePath))) res.setHeader(name, value);
		};
		const pathname = plainPath(rawPath);
		const inSite = pathname !== undefined && pathname.startsWith(base);
		const relative = inSite ? pathname.slice(base.length) : '';
		setHostHeaders(inSite ? `/${relative}` : '/404.html');
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
			return res.end('Method Not Allowed\n');
		}
		if (!inSite) return pathname !== undefined && `${pathname}/` === base ? redirect(res, base) : notFound(root, req, res);
		if (NOT_PUBLISHED.test(relative)) return notFound(root, req, res);
		const target = path.join(root, relative);
		if (target !== root && !target.startsWith(root + path.sep)) return notFound(root, req, res);
		let file = relative;
		if (isFolder(target)) {
			// Only a query made of printable ASCII is carried over: a Location header must stay one line.
			if (relative && !relative.endsWith('/')) return redirect(res, `${base}${encodePath(relative)}/${/^[\x21-\x7e]*$/.test(query) ? query : ''}`);
			file = `${relative}index.html`;
		} else if (relative.endsWith('/')) return notFound(root, req, res);
		// As sirv decodes it (decodeURI, which leaves `+`, `@`, `,` … as they are).
		req.url = `/${encodeURI(file).replaceAll('?', '%3F').replaceAll('#', '%23')}`;
		files(req, res);
	};

	return (req, res) => {
		// sirv pipes a file stream into the response without an error handler: a file that vanishes
		// between the lookup and the read would otherwise stop the server.
		res.on('pipe', (source: Readable) => source.on('error', () => res.destroy()));
		compress(req, res, () => {
			try {
				route(req, res);
			} catch {
				if (res.headersSent) res.destroy();
				else {
					res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
					res.end('Internal Server Error\n');
				}
			}
		});
	};
}

/**
 * The decoded path of a request, or undefined when it is not a plain path: undecodable, holding a
 * control character, a backslash, an empty, `.` or `..` segment, or an encoded `/` (so `%2f`
 * cannot turn into a second slash and a redirect to another host).
 */
function plainPath(rawPath: string): string | undefined {
	if (!rawPath.startsWith('/') || /%2f/i.test(rawPath)) return undefined;
	let decoded: string;
	try {
		decoded = decodeURIComponent(rawPath);
	} catch {
		return undefined;
	}
	if (/(?![\u0080-\u009f])[\p{Cc}\\]/u.test(decoded)) return undefined;
	const segments = decoded.slice(1).split('/');
	if (segments.slice(0, -1).some((s) => s === '' || s === '.' || s === '..') || segments.at(-1) === '.' || segments.at(-1) === '..') return undefined;
	return decoded;
}

function isFolder(target: string): boolean {
	try {
		return fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() ?? false;
	} catch {
		return false; // e.g. ENOTDIR: a file's name used as a folder
	}
}

/** Each segment percent-encoded, so the result is a path of this site and nothing else. */
function encodePath(relative: string): string {
	return relative.split('/').map(encodeURIComponent).join('/');
}

function redirect(res: http.ServerResponse, location: string) {
	res.writeHead(301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
	res.end(`Moved to ${location}\n`);
}

/** The site's `404.html` with status 404 (a plain "Not Found" when the site has none). */
function notFound(root: string, req: http.IncomingMessage, res: http.ServerResponse) {
	fs.readFile(path.join(root, '404.html'), (error, page) => {
		if (res.headersSent) return;
		const body = error ? Buffer.from('Not Found\n') : page;
		res.writeHead(404, { 'Content-Type': error ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8', 'Content-Length': body.length });
		res.end(req.method === 'HEAD' ? undefined : body);
	});
}

/** The npm command that started this process, for messages that say how to run it again. */
function runningCommand(env: NodeJS.ProcessEnv = process.env): string {
	const script = env.npm_lifecycle_event;
	return script && script !== 'start' ? `npm run ${script}` : 'npm start';
}

/** Why a server could not listen, in one line an author can act on. */
export class ListenError extends Error {}

/** Starts an HTTP server for `handler` on `host:port`; rejects with a `ListenError` saying why it could not. */
export function listen(handler: http.RequestListener, port: number, host: string): Promise<http.Server> {
	// Idle connections are kept longer than Node's 5 s default: a client that reuses one just as
	// the server drops it gets ECONNRESET (seen on a loaded machine between sequential requests).
	const server = http.createServer({ keepAliveTimeout: 65_000 }, handler);
	return new Promise((resolve, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			const where = `${host}:${port}`;
			if (error.code === 'EADDRINUSE')
				reject(
					new ListenError(
						`Port ${port} is already in use on ${host} (another server, or an earlier npm start still running?): stop it, or pick another port, e.g. PORT=${port === 65535 ? port - 1 : port + 1} ${runningCommand()}`,
					),
				);
			else if (error.code === 'EACCES') reject(new ListenError(`Not allowed to listen on ${where} (ports below 1024 need privileges): pick another port, e.g. PORT=4321`));
			else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
				reject(new ListenError(`Cannot listen on ${where}: this machine has no address ${host}; set HOST to one of its addresses, or leave it unset for 127.0.0.1`));
			else reject(new ListenError(`Cannot listen on ${where}: ${error.message}`));
		});
		server.listen(port, host, () => resolve(server));
	});
}

/**
 * Serves a built site (see `createStaticHandler`) on loopback by default. Used by `npm start`,
 * `npm run serve`, the tests and the benchmark.
 */
export async function startStaticServer({ dir, base = '/', port = 0, host = '127.0.0.1', hostHeaders = true }: StaticServerOptions): Promise<StaticServer> {
	const server = await listen(createStaticHandler({ dir, base, hostHeaders }), port, host);
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const shownHost = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${shownHost}:${actualPort}${base}`,
		port: actualPort,
		close: () =>
			new Promise<void>((done) => {
				server.closeAllConnections();
				server.close(() => done());
			}),
	};
}

/** Reads `PORT` (default 4321) and `HOST` (default 127.0.0.1); throws a `ListenError` with a one-line message for a bad `PORT`. */
export function serverSettings(env: NodeJS.ProcessEnv = process.env): { port: number; host: string } {
	const raw = env.PORT?.trim() || '4321';
	const port = Number(raw);
	if (!/^\d+$/.test(raw) || !Number.isInteger(port) || port < 1 || port > 65535) {
		throw new ListenError(`PORT must be a whole number from 1 to 65535, not "${env.PORT}": e.g. PORT=8080 ${runningCommand(env)}`);
	}
	return { port, host: env.HOST?.trim() || '127.0.0.1' };
}
