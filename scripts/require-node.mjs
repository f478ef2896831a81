// The first step of every npm script: stops with what to run when the Node running the scripts
// is too old for the project (plain JavaScript, so it runs on any Node). The project pins Node 24
// as a dev dependency; npm scripts find it in node_modules/.bin unless its install step was
// skipped (`npm ci --ignore-scripts`), and then the machine's Node runs everything instead and
// fails with `Unknown file extension ".ts"`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Astro 7 needs 22.12; running .ts files without a flag needs 22.18.
const MINIMUM = [22, 18];

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
	const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
	const pinned = path.join(root, 'node_modules', 'node', 'bin', 'node');
	const lines = [`error: this project needs Node.js ${MINIMUM.join('.')} or newer (it pins Node 24), but Node ${process.versions.node} is running (${process.execPath}).`];
	if (!fs.existsSync(path.join(root, 'node_modules'))) {
		lines.push('  fix: install the project first: npm ci');
	} else if (!fs.existsSync(pinned)) {
		lines.push('  The pinned Node was not installed: `npm ci --ignore-scripts` (or ignore-scripts=true in .npmrc) skips its install step.');
		lines.push('  fix: run `npm rebuild node` (or `npm ci` without --ignore-scripts), then run the command again.');
	} else {
		lines.push('  The pinned Node is installed but was not used: run the project through npm (`npm run build`, `npm start`, `npm test`), or call node_modules/.bin/node.');
	}
	console.error(lines.join('\n'));
	process.exit(1);
}
