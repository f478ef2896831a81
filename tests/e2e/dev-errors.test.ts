/**
 * Content errors in `npm run dev` (`astro dev` on a copy of the fixture site): printed once in the
 * terminal (not once per collection, nor once per page request), shown in the browser as Astro's error overlay with the
 * `file:line:column` message (pushed to the open page, and on every page loaded while the error
 * lasts, instead of the last good page), and gone once the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeContexts, workerBrowser } from '../helpers/browser.ts';
import { NODE, holdBuilds } from '../helpers/build.ts';

const MESSAGE = 'fixture-article.md:9:21: error: unknown glossary id `bagdad` in :e[Baghdad]{#bagdad}';
/** The loaders' own report of the errors (Astro prefixes it with the loader's name). */
const LOADER_REPORT = /\[annotated-reader-(articles|glossary)\] The content has errors:/g;

let tmp: string;
let article: string;
let original: string;
let dev: ChildProcess;
let output = '';
let url: string;
let browser: Browser;
let page: Page;

function withoutTestRunner(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
}

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Resolves once the dev server has printed a line matching `pattern`. */
function printed(pattern: RegExp): Promise<void> {
	return new Promise((resolve, reject) => {
		const check = () => {
			if (!pattern.test(output)) return;
			dev.stdout!.off('data', check);
			dev.stderr!.off('data', check);
			resolve();
		};
		dev.stdout!.on('data', check);
		dev.stderr!.on('data', check);
		dev.once('exit', () => reject(new Error(`astro dev stopped:\n${output}`)));
		check();
	});
}

// The dev server writes Astro's project folder (.astro/) as builds do: keep the run's builds waiting meanwhile.
let releaseBuilds = () => {};
beforeAll(async () => {
	releaseBuilds = await holdBuilds();
});
afterAll(() => releaseBuilds());

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-errors-'));
	fs.cpSync('tests/fixtures/site/content', path.join(tmp, 'content'), { recursive: true });
	article = path.join(tmp, 'content', 'articles', 'fixture-article.md');
	original = fs.readFileSync(article, 'utf8');
	expect(original.split('\n')[8]).toContain(':e[Baghdad]');
	const port = await freePort();
	dev = spawn(NODE, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
		// Not the test runner's NODE_ENV=test or VITEST: a dev server as an author starts it.
		env: { ...withoutTestRunner(process.env), CONTENT_DIR: path.join(tmp, 'content'), ASTRO_CACHE_DIR: path.join(tmp, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
	});
	// Without colour codes, which Astro's logger writes or not depending on the terminal and CI.
	dev.stdout!.on('data', (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString())));
	dev.stderr!.on('data', (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString())));
	url = `http://127.0.0.1:${port}/`;
	await printed(/watching for file changes/);
	// The first request has Vite compile the whole page (the Markdown pipeline and all): make it here,
	// under the hook's timeout, so that a busy machine does not spend a test's navigation timeout on it.
	expect((await fetch(`${url}articles/fixture-article/`)).status).toBe(200);
	browser = await workerBrowser();
	page = await browser.newPage();
}, 120_000);

afterAll(async () => {
	if (process.env.DEBUG_DEV_ERRORS) console.log(output);
	await closeContexts(browser);
	dev?.kill('SIGTERM');
	fs.rmSync(tmp, { recursive: true, force: true });
});

const overlay = () => page.locator('vite-error-overlay #stack-content');

describe('content errors in npm run dev', () => {
	it('serve the article while the content is good', async () => {
		await page.goto(`${url}articles/fixture-article/`);
		await page.locator('[data-entity="baghdad"]').first().waitFor({ timeout: 30_000 });
		expect(await page.locator('vite-error-overlay').count()).toBe(0);
	});

	it('show up in the open page as soon as the file is saved with an error', async () => {
		fs.writeFileSync(article, original.replace(':e[Baghdad]', ':e[Baghdad]{#bagdad}'));
		await overlay().waitFor({ timeout: 30_000 });
		expect(await overlay().innerText()).toContain(MESSAGE);
		expect(await page.locator('vite-error-overlay #name').innerText()).toBe('ContentError');
	});

	it('replace every page loaded while the error lasts, instead of the last good one', async () => {
		for (const address of ['articles/fixture-article/', '', 'glossary/']) {
			await page.goto(`${url}${address}`);
			await overlay().waitFor({ timeout: 30_000 });
			expect(await overlay().innerText(), address).toContain(MESSAGE);
			expect(await page.locator('[data-entity]').count(), address).toBe(0);
			// Under the overlay, the page itself says so (its text, not the last good content).
			expect(await page.locator('main [role="alert"] pre').textContent(), address).toContain(MESSAGE);
		}
	});

	it('were printed once in the terminal: not once per collection, nor again for each page loaded', () => {
		expect(output.match(LOADER_REPORT)).toHaveLength(1);
		expect(output.split(MESSAGE)).toHaveLength(2);
	});

	it('go away once the file is fixed: the page reloads with the fixed content', async () => {
		await page.goto(`${url}articles/fixture-article/`);
		await overlay().waitFor({ timeout: 30_000 });
		fs.writeFileSync(article, original);
		await page.locator('[data-entity="baghdad"]').first().waitFor({ timeout: 30_000 });
		expect(await page.locator('vite-error-overlay').count()).toBe(0);
	});
});
