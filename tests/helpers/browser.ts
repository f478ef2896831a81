import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export { chromiumPath, launchBrowser } from '../../scripts/lib/chromium.ts';

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
