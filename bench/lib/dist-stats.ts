import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface DistStats {
	bytes: number;
	files: number;
	htmlPages: number;
	articlePages: number;
	/** Mean and largest HTML size of `/articles/<slug>/index.html`. */
	articleHtmlMeanBytes: number;
	articleHtmlMaxBytes: number;
	/** Largest glossary entry page: it lists every mention, so it grows with the corpus. */
	entryHtmlMaxBytes: number;
	pagefindBytes: number;
	pagefindFiles: number;
}

function walk(dir: string): string[] {
	return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

/** Sizes and counts of a built site. */
export function distStats(dist: string): DistStats {
	const files = walk(dist);
	const size = (f: string) => fs.statSync(f).size;
	const articles = files.filter((f) => /^articles[\\/][^\\/]+[\\/]index\.html$/.test(path.relative(dist, f)));
	const entries = files.filter((f) => /^glossary[\\/][^\\/]+[\\/]index\.html$/.test(path.relative(dist, f)));
	const pagefind = files.filter((f) => path.relative(dist, f).startsWith(`pagefind${path.sep}`));
	const articleSizes = articles.map(size);
	return {
		bytes: files.reduce((sum, f) => sum + size(f), 0),
		files: files.length,
		htmlPages: files.filter((f) => f.endsWith('.html')).length,
		articlePages: articles.length,
		articleHtmlMeanBytes: articleSizes.length ? Math.round(articleSizes.reduce((a, b) => a + b, 0) / articleSizes.length) : 0,
		articleHtmlMaxBytes: Math.max(0, ...articleSizes),
		entryHtmlMaxBytes: Math.max(0, ...entries.map(size)),
		pagefindBytes: pagefind.reduce((sum, f) => sum + size(f), 0),
		pagefindFiles: pagefind.length,
	};
}

export interface PageWeight {
	/** gzip bytes of the page's HTML. */
	htmlGzip: number;
	cssGzip: number;
	/** gzip bytes of all the page's scripts (cards, search box, what they import). */
	scriptGzip: number;
	/** gzip bytes of the card script: the bundle that handles `data-entity-card`. */
	cardScriptGzip: number;
	totalGzip: number;
	scripts: string[];
}

const gzipSize = (bytes: Buffer | string) => zlib.gzipSync(bytes, { level: 9 }).length;

/**
 * What a reader downloads for one page, gzipped as a static host would serve it: the HTML, its
 * stylesheets, and its module scripts with their static imports (not Pagefind, which loads only
 * when searching).
 */
export function pageWeight(dist: string, base: string, pagePath: string): PageWeight {
	const html = fs.readFileSync(path.join(dist, pagePath, 'index.html'), 'utf8');
	const local = (url: string) => (url.startsWith(base) ? path.join(dist, url.slice(base.length)) : undefined);
	const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]).filter(Boolean).map((u) => local(u!)).filter(Boolean) as string[];
	const scripts = new Set<string>();
	const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => local(m[1]!)).filter(Boolean) as string[];
	while (queue.length) {
		const file = queue.pop()!;
		if (scripts.has(file) || !fs.existsSync(file)) continue;
		scripts.add(file);
		const code = fs.readFileSync(file, 'utf8');
		for (const m of code.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+)["']/g)) queue.push(path.resolve(path.dirname(file), m[1]!));
	}
	const htmlGzip = gzipSize(html);
	const cssGzip = css.reduce((sum, f) => sum + gzipSize(fs.readFileSync(f)), 0);
	const scriptGzip = [...scripts].reduce((sum, f) => sum + gzipSize(fs.readFileSync(f)), 0);
	const cardScriptGzip = [...scripts].filter((f) => fs.readFileSync(f, 'utf8').includes('data-entity-card')).reduce((sum, f) => sum + gzipSize(fs.readFileSync(f)), 0);
	return { htmlGzip, cssGzip, scriptGzip, cardScriptGzip, totalGzip: htmlGzip + cssGzip + scriptGzip, scripts: [...scripts].map((f) => path.relative(dist, f)) };
}
