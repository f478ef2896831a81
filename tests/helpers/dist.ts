import fs from 'node:fs';
import path from 'node:path';

/** Every file under a folder, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (sub: string) => {
		for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
			const relative = sub ? `${sub}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(relative);
			else out.push(relative);
		}
	};
	walk('');
	return out.sort();
}

/** The HTML pages of a built site (test markers left out). */
export function htmlPages(dir: string): string[] {
	return listFiles(dir).filter((f) => f.endsWith('.html'));
}

/** The address a static host serves a built file at: `a/index.html` → `a/`. */
export function pagePath(file: string): string {
	return file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * The headers a `_headers` file (Netlify, Cloudflare Pages) gives a path: every block whose
 * pattern (`/*`, `/_astro/*`, `/exact`) matches, in order.
 */
export function headersFor(file: string, urlPath: string): Record<string, string> {
	const headers: Record<string, string> = {};
	let matches = false;
	for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
		if (!raw.trim() || raw.trim().startsWith('#')) continue;
		if (!/^\s/.test(raw)) {
			const pattern = raw.trim();
			const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
			matches = regex.test(urlPath);
			continue;
		}
		if (!matches) continue;
		const colon = raw.indexOf(':');
		headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
	}
	return headers;
}
