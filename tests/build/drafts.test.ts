/**
 * Draft glossary entries (`draft: true`, as `npm run annotate -- --scaffold` writes them): the
 * build refuses to publish them and lists each at its place, unless run with `--drafts`, and then
 * every page that shows the entry carries a visible "draft" badge (the same components serve
 * `npm run dev`). `npm run check` reports them as warnings. One real build.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, holdBuilds, NODE, OUTPUT_ROOT } from '../helpers/build.ts';
import { findAll, readPage } from '../helpers/html.ts';

const run = promisify(execFile);
const FIXTURE = path.resolve('tests/fixtures/drafts');
const OUT = path.join(OUTPUT_ROOT, 'drafts');
const DRAFT_FILE = path.join('tests', 'fixtures', 'drafts', 'glossary', 'places', 'tal-afar.md');
const env = (extra: Record<string, string> = {}) => ({
	...process.env,
	CONTENT_DIR: FIXTURE,
	BASE_PATH: '/',
	READER_OUT_DIR: OUT,
	ASTRO_CACHE_DIR: path.join(OUTPUT_ROOT, '.cache-drafts'),
	ASTRO_TELEMETRY_DISABLED: '1',
	...extra,
});
const draftLine = fs.readFileSync(path.resolve(DRAFT_FILE), 'utf8').split('\n').indexOf('draft: true') + 1;

describe('draft entries', () => {
	it('stop the build, each listed with its place and the fix', async () => {
		fs.rmSync(OUT, { recursive: true, force: true });
		const failure = await run(NODE, ['scripts/build.ts'], { env: env(), maxBuffer: 16 * 1024 * 1024 }).then(
			() => ({ code: 0, stderr: '' }),
			(e: { code: number; stderr: string }) => e,
		);
		expect(failure.code).toBe(1);
		expect(draftLine).toBeGreaterThan(1);
		expect(failure.stderr).toContain(`${DRAFT_FILE}:${draftLine}:1: error: glossary entry \`tal-afar\` is a draft [draft-entry]`);
		expect(failure.stderr).toContain('npm run build -- --drafts');
		expect(fs.existsSync(path.join(OUT, 'index.html'))).toBe(false);
	});

	it('are not published by a mistyped option, which stops the build before it starts', async () => {
		const failure = await run(NODE, ['scripts/build.ts', '--draft'], { env: env() }).then(
			() => ({ code: 0, stdout: '', stderr: '' }),
			(e: { code: number; stdout: string; stderr: string }) => e,
		);
		expect(failure.code).toBe(2);
		expect(failure.stderr.trim()).toBe('error: unknown option `--draft`: npm run build takes only --drafts (npm run build -- --drafts)');
		expect(failure.stdout).toBe('');
	});

	it('are warnings for npm run check', async () => {
		const result = await checkContent(FIXTURE);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`${DRAFT_FILE}:${draftLine}:1: warning: glossary entry \`tal-afar\` is a draft [draft-entry]`);
	});

	describe('published with --drafts', () => {
		beforeAll(async () => {
			// This build gets as far as Astro, which works in the project folder the run's queued builds share: hold them meanwhile.
			const release = await holdBuilds();
			const { stdout } = await run(NODE, ['scripts/build.ts', '--drafts'], { env: env(), maxBuffer: 64 * 1024 * 1024 }).finally(release);
			expect(stdout).toContain('publishing a draft entry (--drafts)');
		}, 240_000);

		it('show a draft badge on the entry page, in the card and in the glossary list, and only for drafts', () => {
			const badges = (page: string) => findAll(readPage(OUT, page), (el) => el.properties.dataDraft !== undefined);
			expect(badges('glossary/tal-afar/index.html')).toHaveLength(1);
			expect(badges('glossary/mosul/index.html')).toHaveLength(0);
			const article = readPage(OUT, 'articles/drafts/index.html');
			const card = findAll(article, (el) => el.properties.dataCardContent === 'tal-afar')[0]!;
			expect(findAll(card, (el) => el.properties.dataDraft !== undefined)).toHaveLength(1);
			const otherCard = findAll(article, (el) => el.properties.dataCardContent === 'mosul')[0]!;
			expect(findAll(otherCard, (el) => el.properties.dataDraft !== undefined)).toHaveLength(0);
			expect(badges('glossary/index.html')).toHaveLength(1);
		});
	});
});
