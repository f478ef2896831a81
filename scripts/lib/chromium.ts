/**
 * Chromium for the browser tests and the benchmark's search measurements: found once here, so the
 * test runner, the tests' helpers and the benchmark look in the same places.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the one named by CHROME_PATH; undefined when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const candidates = [env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
	return candidates.find((p) => fs.existsSync(p));
}

/** Debian's Chromium, or the one named by CHROME_PATH; throws saying how to install it when there is none. */
export function chromiumPath(): string {
	const found = findChromium();
	if (!found) {
		throw new Error('Chromium is needed for the browser tests: install it with `sudo apt-get install -y chromium` (Debian), or set CHROME_PATH to a Chrome or Chromium binary.');
	}
	return found;
}

/** Launches headless Chromium with no background network traffic (this machine has no network). */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
	});
}
