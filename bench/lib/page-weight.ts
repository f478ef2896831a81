/**
 * What a page weighs as first loaded: its HTML plus the stylesheets and scripts it links (and the
 * modules those scripts import), each gzipped on its own with zlib's default level, the way a
 * static host compresses files. Images, the favicon and search's lazily loaded files are not part
 * of the first load. Deterministic: the same `dist/` always gives the same numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface PageFile {
	/** Path inside the built site, e.g. `_astro/cards.abc123.js`. */
	file: string;
	kind: 'html' | 'css' | 'js';
	bytes: number;
	gzip: number;
}

export interface PageWeight {
	page: string;
	files: PageFile[];
	/** Gzipped bytes of HTML, CSS and JS together. */
	gzip: number;
	/** Gzipped bytes of the script(s) that run the glossary cards. */
	cardScriptGzip: number;
}

/** Gzipped size of some bytes, with zlib's default level. */
export function gzipSize(content: string | Buffer): number {
	return zlib.gzipSync(content).length;
}

/**
 * Weighs a built page. `page` is the HTML file inside `dir` (`articles/<slug>/index.html`);
 * `base` is the base path the site was built for, stripped from asset addresses.
 */
export function pageWeight(dir: string, page: string, base = '/'): PageWeight {
	const html = fs.readFileSync(path.join(dir, page), 'utf8');
	const files: PageFile[] = [{ file: page, kind: 'html', bytes: Buffer.byteLength(html), gzip: gzipSize(html) }];
	const seen = new Set<string>();
	let cardScriptGzip = 0;
	const local = (address: string, from: string) => {
		if (/^[a-z]+:|^\/\//i.test(address)) throw new Error(`${page} loads ${address} from another host`);
		const resolved = address.startsWith('/') ? address.slice(base.length) : path.posix.join(path.posix.dirname(from), address);
		return resolved.split(/[?#]/)[0]!;
	};
	const add = (file: string, kind: 'css' | 'js') => {
		if (seen.has(file)) return;
		seen.add(file);
		const content = fs.readFileSync(path.join(dir, file));
		files.push({ file, kind, bytes: content.length, gzip: gzipSize(content) });
		if (kind !== 'js') return;
		const text = content.toString('utf8');
		if (text.includes('data-entity-card')) cardScriptGzip += gzipSize(content);
		// Static imports are fetched before the module runs; dynamic `import()` is not the first load.
		for (const [, spec] of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
			add(local(spec!, file), 'js');
		}
	};
	for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\brel="stylesheet"/.test(tag)) add(local(href, page), 'css');
	}
	for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
		const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
		if (src) add(local(src, page), 'js');
	}
	// Inline scripts and styles are part of the HTML, already counted; an inline card script is
	// weighed on its own as well.
	for (const [, code] of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
		if (code!.includes('data-entity-card')) cardScriptGzip += gzipSize(code!);
	}
	return { page, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0), cardScriptGzip };
}
