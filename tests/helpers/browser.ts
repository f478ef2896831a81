import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, or the one named by CHROME_PATH. */
export function chromiumPath(): string {
	const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
	const found = candidates.find((p) => fs.existsSync(p));
	if (!found) {
		throw new Error('Chromium is needed for the browser tests: install it with `sudo apt-get install -y chromium` (Debian), or set CHROME_PATH to a Chrome or Chromium binary.');
	}
	return found;
}

/** Launches headless Chromium with no background network traffic (this machine has no network). */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
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
