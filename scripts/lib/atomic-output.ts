import fs from 'node:fs';
import path from 'node:path';
import { hasBuild } from './output-dir.ts';

/**
 * A build is written into a hidden folder beside its output (`.dist.building-<pid>`), checked,
 * and only then put in the output's place, so the output folder only ever holds a complete build.
 * A build that stops halfway leaves at most that hidden folder, which no host or person takes for
 * a site, and which the next build removes.
 */
export function stagingDir(outDir: string): string {
	return sibling(outDir, 'building', process.pid);
}

function sibling(outDir: string, kind: 'building' | 'previous', pid: number): string {
	return path.join(path.dirname(outDir), `.${path.basename(outDir)}.${kind}-${pid}`);
}

/** Removes what builds of this output that no longer run left beside it; returns the folders removed. */
export function removeAbandonedBuilds(outDir: string): string[] {
	const parent = path.dirname(outDir);
	const prefix = `.${path.basename(outDir)}.`;
	const removed: string[] = [];
	for (const name of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
		const match = name.startsWith(prefix) ? /^(building|previous)-(\d+)$/.exec(name.slice(prefix.length)) : null;
		if (!match || isRunning(Number(match[2]))) continue;
		const folder = path.join(parent, name);
		// A build that was stopped while swapping may have left the previous output only here.
		if (match[1] === 'previous' && !fs.existsSync(outDir)) fs.renameSync(folder, outDir);
		else fs.rmSync(folder, { recursive: true, force: true });
		removed.push(folder);
	}
	return removed;
}

function isRunning(pid: number): boolean {
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Why the output folder must not be replaced, or undefined when it may: a build replaces the
 * folder whole, so it has to be new, empty, or a build of this site, never a folder of other files
 * that `READER_OUT_DIR` happened to name.
 */
export function refusalToReplace(outDir: string, shown: string): string | undefined {
	const stats = fs.statSync(outDir, { throwIfNoEntry: false });
	if (!stats) return undefined;
	if (!stats.isDirectory()) return `${shown} is a file, not a folder: set READER_OUT_DIR to a new or empty folder`;
	const entries = fs.readdirSync(outDir);
	if (entries.length === 0 || hasBuild(outDir) || entries.includes('_astro') || entries.includes('pagefind')) return undefined;
	return `${shown}/ holds other files (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}), not a build of this site; a build replaces its output folder whole, so set READER_OUT_DIR to a new or empty folder`;
}

/** What a complete build has and the checked folder lacks (empty when complete). */
export function missingFromBuild(dir: string): string[] {
	const required = ['index.html', '404.html', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/header/pagefind-entry.json'];
	return required.filter((file) => !fs.existsSync(path.join(dir, file)));
}

/** Puts a checked build in the output's place, the previous output going only once the new one is there. */
export function replaceOutput(staging: string, outDir: string): void {
	if (!fs.existsSync(outDir)) {
		fs.renameSync(staging, outDir);
		return;
	}
	const previous = sibling(outDir, 'previous', process.pid);
	fs.rmSync(previous, { recursive: true, force: true });
	fs.renameSync(outDir, previous);
	try {
		fs.renameSync(staging, outDir);
	} catch (error) {
		fs.renameSync(previous, outDir);
		throw error;
	}
	fs.rmSync(previous, { recursive: true, force: true });
}

/** The line that says what the output holds after a build failed or was stopped. */
export function keptOutputMessage(outDir: string, shown: string, what: 'failed' | 'was stopped'): string {
	if (!hasBuild(outDir)) return `${shown}/ holds no complete build; this build ${what}.`;
	const built = fs.statSync(path.join(outDir, 'index.html')).mtime;
	return `${shown}/ still holds the build of ${formatLocalTime(built)}; this build ${what}.`;
}

/** `2026-11-30 13:22` in the machine's time zone. */
function formatLocalTime(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
