import fs from 'node:fs';
import path from 'node:path';

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
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile())
		.map((d) => path.join(d.parentPath, d.name));
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
