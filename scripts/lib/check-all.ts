import { spawn } from 'node:child_process';
import path from 'node:path';
import { basePath, contentRoot } from '../../src/settings.ts';
import { runContentCheck } from './content-check.ts';

export interface CheckOptions {
	/** Arguments for the content check (`--fix`, the one it knows). */
	contentArgs?: string[];
	/** The project's code check: a command and its arguments (default: `astro check`, warnings and errors). */
	codeCheck?: string[];
	env?: NodeJS.ProcessEnv;
	/** Where the report goes, line by line (default: stdout). */
	print?: (text: string) => void;
}

/** The content the code check loads: the project's own fixture site, so that it checks code, not an author's articles. */
export const CODE_CHECK_CONTENT = 'tests/fixtures/site/content';

/** `astro check` showing errors and warnings only: hints about the project's code are for its developers. */
export function astroCheck(): string[] {
	return [process.execPath, path.resolve('node_modules/astro/bin/astro.mjs'), 'check', '--minimumSeverity', 'warning'];
}

function run(command: string[], env: NodeJS.ProcessEnv, onOutput?: (chunk: string) => void): Promise<{ status: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(command[0]!, command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		const take = (chunk: Buffer) => {
			output += chunk.toString();
			onOutput?.(chunk.toString());
		};
		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', (error) => resolve({ status: 1, output: `${output}${error.message}\n` }));
		child.on('close', (status) => resolve({ status: status ?? 1, output }));
	});
}

/**
 * `npm run check`: the content check first and always (the author's articles and glossary,
 * `file:line:column` messages), then the project's code check, under a heading that says it is
 * the project's code and not the content, with hints left out. Returns the exit code: 1 when
 * either found an error.
 */
export async function runChecks({ contentArgs = [], codeCheck = astroCheck(), env = process.env, print = (t) => process.stdout.write(t) }: CheckOptions = {}): Promise<number> {
	print('Content (your articles and glossary):\n');
	// In this process: the content check's own command (scripts/check-content.ts) would start Node and import the pipeline again.
	let contentStatus = 1;
	try {
		contentStatus = await runContentCheck({ root: contentRoot(env.CONTENT_DIR), base: basePath(env.BASE_PATH), fix: contentArgs.includes('--fix'), print: (line) => print(`${line}\n`) });
	} catch (error) {
		// As the check's own process would end: what failed, and the code check still runs.
		print(`${(error as Error).stack ?? String(error)}\n`);
	}
	print('\nProject code (TypeScript in src/, scripts/ and tests/, checked by astro check; problems here are in the project, not in your content):\n');
	const code = await run(codeCheck, { ...env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: path.resolve(CODE_CHECK_CONTENT) });
	// Astro's progress lines (`12:00:01 [types] Generated`) say nothing about the code.
	const report = code.output
		.split('\n')
		.filter((line) => line.trim() && !/^\d\d:\d\d:\d\d \[/.test(line))
		.map((line) => `  ${line}`)
		.join('\n');
	print(`${report}\n`);
	const contentResult = contentStatus === 0 ? 'no errors (warnings, if any, are listed above)' : 'errors, listed above';
	print(`\nContent: ${contentResult}. Project code: ${code.status === 0 ? 'no errors' : "errors, listed above (for the project's developers)"}.\n`);
	return contentStatus !== 0 || code.status !== 0 ? 1 : 0;
}
