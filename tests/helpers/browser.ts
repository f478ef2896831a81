import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/lib/chromium.ts';

export { chromiumPath, launchBrowser } from '../../scripts/lib/chromium.ts';

let shared: Promise<Browser> | undefined;

/**
 * The test worker's Chromium: launched at the first call, then shared by the browser test files
 * the worker runs one after another (they run without isolation: see vitest.config.ts), so that
 * a file does not pay for a browser start of its own. Each file works in contexts of its own
 * (`browser.newPage()` makes one) and closes them with `closeContexts`; Playwright ends Chromium
 * when the worker exits, and a Chromium that crashed or was closed is launched again.
 */
export function workerBrowser(): Promise<Browser> {
	if (!shared) {
		const launched = launchBrowser();
		shared = launched;
		launched.then(
			(browser) => browser.on('disconnected', () => shared === launched && (shared = undefined)),
			() => shared === launched && (shared = undefined),
		);
	}
	return shared;
}

/** Closes every context (and so every page) of the shared browser: what a test file opened, at its end. */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
	if (!browser?.isConnected()) return;
	await Promise.all(browser.contexts().map((context) => context.close()));
}

/**
 * Pages that the tests of a file take turns in, one for each set of context options (viewport,
 * touch, colour scheme…), each test starting from a navigation of its own. A new context costs
 * Chromium about a second of CPU here (a renderer process started and warmed up), a navigation in
 * a page already open about a third of that, and the document it loads is as new: the page's
 * scripts, DOM, focus, selection and scroll start over. A page handed out again has its mouse moved
 * back to the corner (where a new page's is, so that no name lies under it as the next document
 * loads). What does not start over is the context's: the HTTP cache (a test that asserts what is
 * or is not fetched takes a context of its own), the page's listeners and init scripts (added
 * once, by `prepare`), media set with `page.emulateMedia`, and the fake clock's log. The pages
 * are closed with the file's contexts (`closeContexts`); one that a test closed is opened again.
 */
export function reusedPages(browser: () => Browser, prepare: (page: Page) => Promise<void> | void = () => {}) {
	const pages = new Map<string, Promise<Page>>();
	return async (options: BrowserContextOptions = {}): Promise<Page> => {
		const key = JSON.stringify(options);
		const known = await pages.get(key)?.catch(() => undefined);
		if (known && !known.isClosed()) {
			await known.mouse.move(0, 0);
			return known;
		}
		const made = browser()
			.newPage(options)
			.then(async (page) => {
				await prepare(page);
				return page;
			});
		pages.set(key, made);
		return made;
	};
}

/**
 * Loads axe-core into a page for an accessibility audit. Evaluated through the DevTools protocol
 * rather than added as a `<script>`, so the site's Content Security Policy (which the test server
 * sends, as the hosts do) does not block it and needs no exception.
 */
export async function injectAxe(page: Page): Promise<void> {
	const source = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	await page.evaluate(source);
}

/**
 * Resolves once the page has been through a rendering update (an IntersectionObserver reports
 * first at the next one): events, observers and performance entries that earlier actions queued
 * have had their turn. It waits for a state of the page, not for time, so it works the same under
 * Playwright's fake clock.
 */
export function renderingUpdate(page: Page): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const observer = new IntersectionObserver(() => {
					observer.disconnect();
					resolve();
				});
				observer.observe(document.documentElement);
			}),
	);
}
