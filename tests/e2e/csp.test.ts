/**
 * The site under its own Content Security Policy: the seed site, built under /reader/, served with
 * the headers of `public/_headers` (as Netlify or Cloudflare Pages would send them), in Chromium.
 * Reading, hovering and focusing names, and searching must cause no CSP violation, no console
 * error and no request to any other host.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fromHtml } from 'hast-util-from-html';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { closeContexts, renderingUpdate, reusedPages, workerBrowser } from '../helpers/browser.ts';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { headersFor, htmlPages } from '../helpers/dist.ts';
import { findAll } from '../helpers/html.ts';

const BASE = '/reader/';
const ARTICLE = 'articles/kurds-seize-jalula-to-attack-isis/';

let site: SiteBuild;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let headers: Record<string, string>;

beforeAll(async () => {
	site = await seedSite(BASE);
	headers = headersFor(path.join(site.dir, '_headers'), '/index.html');
	// The server sends the headers of the site's `_headers` itself, as Netlify and Cloudflare Pages do.
	server = await startStaticServer({ dir: site.dir, base: BASE });
	browser = await workerBrowser();
});
afterAll(async () => {
	await closeContexts(browser);
	await server?.close();
});

interface Watch {
	violations: string[];
	consoleErrors: string[];
	foreignRequests: string[];
}

/** What the page records for the test under way (each test starts a new record). */
let watching: Watch;

/** The page the tests take turns in (see `reusedPages`), recording CSP violations, console errors and warnings, page errors and requests to other hosts. */
const pageFor = reusedPages(
	() => browser,
	async (page) => {
		const origin = new URL(server.url).origin;
		page.on('console', (message) => {
			if (message.type() === 'error' || message.type() === 'warning') watching.consoleErrors.push(`${message.type()}: ${message.text()}`);
		});
		page.on('pageerror', (error) => watching.consoleErrors.push(`page error: ${error.message}`));
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (url.origin !== origin && url.protocol !== 'data:') watching.foreignRequests.push(request.url());
		});
		await page.exposeFunction('__reportViolation', (text: string) => watching.violations.push(text));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				(window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
			});
		});
	},
);

/** A page that records CSP violations, console errors and warnings, page errors and requests to other hosts, from now on (no document loaded yet). */
async function watchedPage(): Promise<{ page: Page; watch: Watch }> {
	const page = await pageFor();
	// Whatever the page's previous document still reports goes to the previous record.
	await page.goto('about:blank');
	watching = { violations: [], consoleErrors: [], foreignRequests: [] };
	return { page, watch: watching };
}

function expectClean(watch: Watch) {
	expect(watch.violations).toEqual([]);
	expect(watch.consoleErrors).toEqual([]);
	expect(watch.foreignRequests).toEqual([]);
}

describe('the strict Content Security Policy of public/_headers', () => {
	it('is the policy the issue asks for, and nginx.conf sends the same headers', () => {
		const csp = headers['Content-Security-Policy']!;
		for (const directive of [
			"default-src 'self'",
			"script-src 'self' 'wasm-unsafe-eval'",
			"style-src 'self'",
			"img-src 'self' data:",
			"connect-src 'self'",
			"object-src 'none'",
			"base-uri 'self'",
			"frame-ancestors 'none'",
			"form-action 'self'",
		]) {
			expect(csp.split(/;\s*/)).toContain(directive);
		}
		expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
		for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'X-Frame-Options']) expect(headers[name], name).toBeTruthy();
		const nginx = fs.readFileSync('deploy/nginx.conf', 'utf8');
		for (const [name, value] of Object.entries(headers)) expect(nginx).toContain(`add_header ${name} "${value}" always;`);
	});

	it('needs no exception: no inline script, inline style or style attribute in any page', () => {
		const problems: string[] = [];
		for (const file of htmlPages(site.dir)) {
			const tree = fromHtml(fs.readFileSync(path.join(site.dir, file), 'utf8'));
			for (const el of findAll(tree, () => true)) {
				// JSON-LD is a data block: the browser never runs it, and CSP does not apply to it.
				if (el.tagName === 'script' && !el.properties.src && el.properties.type !== 'application/ld+json') problems.push(`${file}: inline <script>`);
				if (el.tagName === 'style') problems.push(`${file}: inline <style>`);
				if (el.properties.style !== undefined) problems.push(`${file}: style="" on <${el.tagName}>`);
				for (const name of Object.keys(el.properties)) if (/^on[a-z]/.test(name)) problems.push(`${file}: ${name} handler on <${el.tagName}>`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('is sent with every page', async () => {
		const response = await fetch(`${server.url}${ARTICLE}`);
		expect(response.headers.get('content-security-policy')).toBe(headers['Content-Security-Policy']);
	});

	it('reports a violation when one happens (the watch works)', async () => {
		const { page, watch } = await watchedPage();
		await page.goto(`${server.url}${ARTICLE}`);
		await page.evaluate(() => {
			const script = document.createElement('script');
			script.textContent = 'window.__ran = true';
			document.head.append(script);
		});
		await expect.poll(() => watch.violations.length).toBeGreaterThan(0);
		expect(watch.violations[0]).toContain('script-src');
		await expect(page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).resolves.toBeUndefined();
	});

	it('holds while reading: hovering and focusing names opens their cards with no violation or error', async () => {
		const { page, watch } = await watchedPage();
		const response = await page.goto(`${server.url}${ARTICLE}`);
		expect(response?.headers()['content-security-policy']).toBe(headers['Content-Security-Policy']);
		const ids = await page.locator('article a[data-entity]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('data-entity')!))]);
		expect(ids.length).toBeGreaterThan(20);
		for (const id of ids.slice(0, 12)) {
			await page.locator(`article a[data-entity="${id}"]`).first().hover();
			const card = page.locator(`[data-entity-card="${id}"]`);
			await card.waitFor({ state: 'visible' });
			// The card is placed with element.style (CSSOM), which style-src 'self' allows.
			await expect(card.evaluate((el) => (el as HTMLElement).style.top)).resolves.toMatch(/px$/);
			await page.mouse.move(2, 2);
			await card.waitFor({ state: 'hidden' });
		}
		await page.locator(`article a[data-entity="${ids[0]}"]`).first().focus();
		await page.locator(`[data-entity-card="${ids[0]}"]`).waitFor({ state: 'visible' });
		await page.keyboard.press('Escape');
		await page.locator(`[data-entity-card="${ids[0]}"]`).waitFor({ state: 'hidden' });
		// A violation the closing caused would have been reported by the next frame.
		await renderingUpdate(page);
		expectClean(watch);
	});

	it('holds while searching: Pagefind loads its WebAssembly and finds Baghdad', async () => {
		const { page, watch } = await watchedPage();
		await page.goto(`${server.url}search/?q=Baghdad`);
		const results = page.locator('[data-search-results] a');
		await results.first().waitFor();
		expect(await results.count()).toBeGreaterThan(1);
		await expect(page.locator('[data-search-status]').textContent()).resolves.toMatch(/results? for “Baghdad”/);
		// A second query through the form, and a result followed.
		await page.fill('[data-search-input]', 'Jalula');
		await page.press('[data-search-input]', 'Enter');
		await page.locator('[data-search-status]', { hasText: /for “Jalula”/ }).waitFor();
		await Promise.all([page.waitForURL(/\/reader\//), results.first().click()]);
		await page.waitForLoadState('load');
		expectClean(watch);
	});

	it('holds on every other kind of page: home, glossary, an entry, the 404 page', async () => {
		const { page, watch } = await watchedPage();
		for (const address of ['', 'glossary/', 'glossary/baghdad/', 'no/such/page/']) {
			await page.goto(`${server.url}${address}`);
			await page.waitForLoadState('load');
		}
		// The header search box submits to the search page (form-action 'self').
		await page.fill('#header-search-input', 'Mosul');
		await Promise.all([page.waitForURL(/search\/\?q=Mosul/), page.press('#header-search-input', 'Enter')]);
		await page.locator('[data-search-results] a').first().waitFor();
		// The 404 page's request is the one console error Chromium logs by itself: drop it.
		watch.consoleErrors = watch.consoleErrors.filter((e) => !/status of 404/.test(e));
		expectClean(watch);
	});
});
