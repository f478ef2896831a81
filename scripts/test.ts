/**
 * `npm test`: every test (unit, build, browser). The browser tests need Chromium: when it is
 * missing, say how to get it, or install it from Debian when running as root on Debian.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium } from './lib/chromium.ts';

let chromium = findChromium();
if (!chromium) {
	const isRoot = process.getuid?.() === 0;
	const isDebian = fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
	if (isRoot && isDebian) {
		console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		chromium = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
	}
	if (!chromium) {
		console.error('The browser tests need Chromium. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`), or set CHROME_PATH to a Chrome or Chromium binary, then run `npm test` again.');
		process.exit(1);
	}
}

const vitest = path.resolve('node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, CHROME_PATH: chromium, ASTRO_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
