import fs from 'node:fs';
import path from 'node:path';

export { outputDir } from '../../src/settings.ts';

/** A line to print when the output folder comes from the old `OUT_DIR` name, else undefined. */
export function outputDirNote(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.READER_OUT_DIR?.trim() || !env.OUT_DIR?.trim()) return undefined;
	return `note: OUT_DIR is deprecated (other tools set it too): set READER_OUT_DIR=${env.OUT_DIR.trim()} instead.`;
}

/** Whether a folder holds a build of the site (its home page). */
export function hasBuild(dir: string): boolean {
	return fs.existsSync(path.join(dir, 'index.html'));
}

/**
 * The base path a build was made for, as its home page records it (`<html data-base="/reader/">`),
 * or undefined when the folder holds no build or the page does not say.
 */
export function builtBasePath(dir: string): string | undefined {
	try {
		const head = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').slice(0, 4096);
		return /<html[^>]*\sdata-base="([^"]*)"/.exec(head)?.[1];
	} catch {
		return undefined;
	}
}

/** A folder as messages show it: relative to the working directory when inside it, else absolute. */
export function shownDir(dir: string): string {
	const relative = path.relative(process.cwd(), dir);
	return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : dir;
}
