/**
 * `npm run check` runs the content check whatever the code check finds, and labels the code
 * check's output as the project's, not the author's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../scripts/lib/check-all.ts';

const node = process.execPath;

/** A diagnostics fixture's content alone (its articles and glossary), without the fixture's own `messages.txt`. */
function contentOf(fixture: string): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'check-all-'));
	for (const folder of ['articles', 'glossary']) fs.cpSync(path.join(fixture, folder), path.join(copy, folder), { recursive: true });
	return copy;
}

async function check(contentDir: string, codeCheck: string[]) {
	let output = '';
	const status = await runChecks({ codeCheck, env: { ...process.env, CONTENT_DIR: contentOf(contentDir) }, print: (t) => (output += t) });
	return { status, output };
}

describe('npm run check', { timeout: 30_000 }, () => {
	it('reports the content even when the project code has errors, and says whose problem each is', async () => {
		const failingCode = [node, '-e', 'console.log("src/lib/x.ts:3:7 - error ts(2322): Type string is not assignable to type number."); process.exit(1)'];
		const { status, output } = await check('tests/fixtures/content/unused-entry', failingCode);
		expect(status).toBe(1);
		const content = output.indexOf('Content (your articles and glossary)');
		const code = output.indexOf('Project code (');
		expect(content).toBeGreaterThanOrEqual(0);
		expect(code).toBeGreaterThan(content);
		// The content's warning is there, with its count, in the content section.
		expect(output.slice(content, code)).toContain('warning: glossary entry `iraq` is never mentioned in an article [unused-entry]');
		expect(output.slice(content, code)).toContain('0 errors, 1 warning');
		// The code's error is in the project's section.
		expect(output.slice(code)).toContain('  src/lib/x.ts:3:7 - error ts(2322)');
		expect(output).toMatch(/Project code: errors, listed above \(for the project's developers\)/);
	});

	it('fails on content errors when the code is fine', async () => {
		const { status, output } = await check('tests/fixtures/content/invalid-type', [node, '-e', 'console.log("Result (1 files): 0 errors")']);
		expect(status).toBe(1);
		expect(output).toContain('[invalid-field]');
		expect(output).toContain('Content: errors, listed above. Project code: no errors.');
	});

	it("runs the code check on the project's fixture site, never on the author's content", async () => {
		const { output } = await check('tests/fixtures/content/invalid-type', [node, '-e', 'console.log("CONTENT_DIR=" + process.env.CONTENT_DIR)']);
		expect(output).toContain(`CONTENT_DIR=${path.resolve('tests/fixtures/site/content')}`);
	});
});
