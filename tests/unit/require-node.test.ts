/**
 * The Node preflight (`scripts/require-node.mjs`), which every npm script runs first: with the
 * machine's old Node and the pinned Node missing (`npm ci --ignore-scripts`), `npm run build` must
 * say what to run instead of failing with `Unknown file extension ".ts"`.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../helpers/build.ts';

const run = promisify(execFile);
const PREFLIGHT = 'node scripts/require-node.mjs && ';

/** The machine's Nodes outside node_modules, with their versions. */
function machineNodes(): { path: string; version: string }[] {
	const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !d.includes('node_modules'));
	const found = new Map<string, { path: string; version: string }>();
	for (const candidate of [...dirs.map((d) => path.join(d, 'node')), '/usr/local/bin/node', '/usr/bin/node']) {
		if (!fs.existsSync(candidate)) continue;
		const real = fs.realpathSync(candidate);
		if (found.has(real)) continue;
		found.set(real, { path: candidate, version: execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim() });
	}
	return [...found.values()];
}

const oldNode = machineNodes().find((n) => {
	const [major, minor] = n.version.slice(1).split('.').map(Number);
	return major! < 22 || (major === 22 && minor! < 18);
});

async function outcome(command: string, args: string[], options: Parameters<typeof execFile>[2] = {}) {
	try {
		const { stdout, stderr } = await run(command, args, { ...options, encoding: 'utf8' });
		return { code: 0, stdout: String(stdout), stderr: String(stderr) };
	} catch (error) {
		const e = error as { code: number; stdout: string; stderr: string };
		return { code: e.code, stdout: e.stdout, stderr: e.stderr };
	}
}

describe('the Node preflight', () => {
	let project: string;
	beforeAll(() => {
		// A copy of the project as `npm ci --ignore-scripts` leaves it: node_modules without the pinned Node.
		project = fs.mkdtempSync(path.join(os.tmpdir(), 'require-node-'));
		fs.mkdirSync(path.join(project, 'scripts'));
		fs.copyFileSync('scripts/require-node.mjs', path.join(project, 'scripts/require-node.mjs'));
		fs.copyFileSync('scripts/build.ts', path.join(project, 'scripts/build.ts'));
		fs.copyFileSync('package.json', path.join(project, 'package.json'));
		fs.mkdirSync(path.join(project, 'node_modules/node'), { recursive: true });
	});
	afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

	it('runs first in every npm script that needs the pinned Node', () => {
		const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
		for (const [name, command] of Object.entries(scripts)) {
			if (/\.ts\b|\bastro\b|\bvitest\b/.test(command)) expect(command.startsWith(PREFLIGHT), `npm run ${name}`).toBe(true);
		}
	});

	it('lets the pinned Node through, silently', async () => {
		const result = await outcome(NODE, ['scripts/require-node.mjs']);
		expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
	});

	it.skipIf(!oldNode)(`stops the machine's old Node (${oldNode?.version ?? 'none found'}) and says to run npm rebuild node when the pinned one was skipped`, async () => {
		const result = await outcome(oldNode!.path, ['scripts/require-node.mjs'], { cwd: project });
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(`error: this project needs Node.js 22.18 or newer (it pins Node 24), but Node ${oldNode!.version.slice(1)} is running`);
		expect(result.stderr).toContain('fix: run `npm rebuild node` (or `npm ci` without --ignore-scripts), then run the command again.');
	});

	it.skipIf(!oldNode)('makes `npm run build` say so, instead of `Unknown file extension ".ts"`', async () => {
		const npmDir = path.dirname(fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8', env: { ...process.env, PATH: pathWithout('node_modules') } }).trim()));
		// npm and the scripts it runs find only the machine's Node, as after `npm ci --ignore-scripts`.
		const env = { ...process.env, PATH: [path.dirname(oldNode!.path), npmDir, pathWithout('node_modules')].join(path.delimiter) };
		const result = await outcome('npm', ['run', 'build', '--silent'], { cwd: project, env });
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('fix: run `npm rebuild node`');
		expect(result.stderr).not.toContain('Unknown file extension');
	});

	it.skipIf(!oldNode)('says to go through npm when the pinned Node is there but another one runs', async () => {
		const result = await outcome(oldNode!.path, ['scripts/require-node.mjs']);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('The pinned Node is installed but was not used: run the project through npm');
	});
});

function pathWithout(part: string): string {
	return (process.env.PATH ?? '')
		.split(path.delimiter)
		.filter((d) => !d.includes(part))
		.join(path.delimiter);
}
