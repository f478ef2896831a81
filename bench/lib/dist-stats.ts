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
	/** Largest glossary entry page (`/glossary/<id>/index.html`): the first page of its mentions. */
	entryHtmlMaxBytes: number;
	/** Largest later page of an entry's mentions or quoted blocks (`/glossary/<id>/mentions|quotes/<n>/`). */
	entryPagesHtmlMaxBytes: number;
	/**
	 * The largest HTML page but the indexes that list the whole corpus (the home page and the
	 * glossary's index, which grow with it by design): no other page should grow with the corpus.
	 */
	largestOtherPage: { file: string; bytes: number };
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
	const entryPages = files.filter((f) => /^glossary[\\/][^\\/]+[\\/](?:mentions|quotes)[\\/]\d+[\\/]index\.html$/.test(path.relative(dist, f)));
	const corpusIndexes = new Set(['index.html', path.join('glossary', 'index.html')]);
	let largestOtherPage = { file: '', bytes: 0 };
	for (const file of files) {
		const relative = path.relative(dist, file);
		if (!relative.endsWith('.html') || corpusIndexes.has(relative)) continue;
		const bytes = size(file);
		if (bytes > largestOtherPage.bytes) largestOtherPage = { file: relative, bytes };
	}
	const pagefind = files.filter((f) => path.relative(dist, f).startsWith(`pagefind${path.sep}`));
	const articleSizes = articles.map(size);
	return {
		bytes: files.reduce((sum, f) => sum + size(f), 0),
		files: files.length,
		htmlPages: files.filter((f) => f.endsWith('.html')).length,
		articlePages: articles.length,
		articleHtmlMeanBytes: articleSizes.length ? Math.round(articleSizes.reduce((a, b) => a + b, 0) / articleSizes.length) : 0,
		articleHtmlMaxBytes: Math.max(0, ...articleSizes),
		entryHtmlMaxBytes: entries.reduce((max, f) => Math.max(max, size(f)), 0),
		entryPagesHtmlMaxBytes: entryPages.reduce((max, f) => Math.max(max, size(f)), 0),
		largestOtherPage,
		pagefindBytes: pagefind.reduce((sum, f) => sum + size(f), 0),
		pagefindFiles: pagefind.length,
	};
}
