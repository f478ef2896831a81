import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.jsonld': 'application/ld+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pagefind': 'application/octet-stream',
};

export interface StaticServerOptions {
	/** The built site. */
	dir: string;
	/** Where the site is mounted, e.g. `/` or `/reader/`. */
	base?: string;
	port?: number;
	/** Headers added to every response (e.g. a Content-Security-Policy). */
	headers?: Record<string, string>;
}

/**
 * Serves a built site the way a plain static host does: files as they are, `dir/` → `dir/index.html`,
 * a redirect from `dir` to `dir/`, and `404.html` for anything else. Nothing is rewritten, so a
 * link that works here works on GitHub Pages, Netlify, S3 or nginx.
 */
export function startStaticServer({ dir, base = '/', port = 0, headers = {} }: StaticServerOptions): Promise<{ url: string; close(): Promise<void> }> {
	const root = path.resolve(dir);
	const server = http.createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const send = (status: number, file: string | undefined, extra: Record<string, string> = {}) => {
			const type = file ? (TYPES[path.extname(file)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
			response.writeHead(status, { 'Content-Type': type, ...headers, ...extra });
			if (request.method === 'HEAD') return response.end();
			if (file) fs.createReadStream(file).pipe(response);
			else response.end(http.STATUS_CODES[status]);
		};
		const notFound = () => {
			const page = path.join(root, '404.html');
			send(404, fs.existsSync(page) ? page : undefined);
		};
		let pathname: string;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			return send(400, undefined);
		}
		if (!pathname.startsWith(base)) {
			if (`${pathname}/` === base) return send(301, undefined, { Location: base });
			return notFound();
		}
		const relative = pathname.slice(base.length);
		const target = path.join(root, relative);
		if (!target.startsWith(root)) return notFound();
		if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
			if (!pathname.endsWith('/')) return send(301, undefined, { Location: `${pathname}/${url.search}` });
			const index = path.join(target, 'index.html');
			return fs.existsSync(index) ? send(200, index) : notFound();
		}
		if (fs.existsSync(target)) return send(200, target);
		return notFound();
	});
	return new Promise((resolve) => {
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolve({
				url: `http://127.0.0.1:${actualPort}${base}`,
				close: () => new Promise<void>((done) => server.close(() => done())),
			});
		});
	});
}
