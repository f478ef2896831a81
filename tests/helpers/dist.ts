import fs from 'node:fs';
import path from 'node:path';
import { headersForPath, readHeadersFile } from '../../scripts/lib/headers-file.ts';

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

/** The headers a `_headers` file (Netlify, Cloudflare Pages) gives a path, as the preview server reads them. */
export function headersFor(file: string, urlPath: string): Record<string, string> {
	return headersForPath(readHeadersFile(file), urlPath);
}
