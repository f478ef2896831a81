/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default) on every page type of the seed
 * site, served by the project's own static server (gzip, and the `_headers` of the build, as the
 * documented hosts send them): home, article, glossary index, a person's, a place's (with its map)
 * and an outlet's entry, an entry's page of mentions when the build has one, the search page
 * empty and with `?q=`, and the 404 page at an address that does not exist (with its 404 status).
 *
 * Lighthouse is not a dependency of the project (it is large, and CI does not run it). The script
 * uses the one named by `LIGHTHOUSE` (its `lighthouse` binary or `cli/index.js`), else one on
 * PATH, else, with `--npx`, `npx --yes lighthouse@<PINNED>`; it runs it with the project's pinned
 * Node, and Chromium from `CHROME_PATH` or Debian's.
 *
 *   npm run bench:lighthouse                      # builds the seed, 3 runs a page, prints the medians
 *   npm run bench:lighthouse -- --runs 5 --docs   # and writes the table into docs/benchmarks.md
 *   npm run bench:lighthouse -- --dist dist --only search,search-q
 *
 * Options: `--dist DIR` audits an existing build instead of building the seed (canonical
 * addresses must be on `localhost` for the SEO audit, as a build without `SITE_URL` makes them);
 * `--runs N`; `--only a,b` (page type names as printed); `--query WORD` (default Maliki).
 * The reports are kept in `bench/.work/lighthouse/`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { findChromium } from '../scripts/lib/chromium.ts';
import { builtBasePath } from '../scripts/lib/output-dir.ts';
import { startStaticServer } from '../scripts/lib/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work', 'lighthouse');
/** The Lighthouse this page of figures was made with (docs/benchmarks.md), for `--npx`. */
const PINNED = '13.5.0';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

interface Options {
	dist?: string;
	runs: number;
	only?: string[];
	query: string;
	docs: boolean;
	npx: boolean;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { runs: 3, query: 'Maliki', docs: false, npx: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const value = () => {
			const next = argv[++i];
			if (next === undefined) usage(`${arg} needs a value`);
			return next;
		};
		if (arg === '--dist') options.dist = path.resolve(value());
		else if (arg === '--runs') options.runs = Number(value());
		else if (arg === '--only') options.only = value().split(',');
		else if (arg === '--query') options.query = value();
		else if (arg === '--docs') options.docs = true;
		else if (arg === '--npx') options.npx = true;
		else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown option ${arg}`);
	}
	if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs takes a whole number, 1 or more');
	return options;
}

function usage(problem?: string): never {
	if (problem) console.error(`error: ${problem}`);
	console.error('usage: npm run bench:lighthouse -- [--dist DIR] [--runs 3] [--only home,article,…] [--query Maliki] [--docs] [--npx]');
	process.exit(problem ? 2 : 0);
}

/** How to run Lighthouse: a command and the arguments before the page's address. */
function findLighthouse(npx: boolean): string[] {
	const named = process.env.LIGHTHOUSE?.trim();
	const onPath = (process.env.PATH ?? '')
		.split(path.delimiter)
		.map((dir) => path.join(dir, 'lighthouse'))
		.find((file) => fs.existsSync(file));
	const found = named || onPath;
	if (found) {
		if (!fs.existsSync(found)) fail(`LIGHTHOUSE names ${found}, which does not exist.`);
		// Lighthouse needs Node 22.19 or later: run its script with the project's pinned Node.
		const real = fs.realpathSync(found);
		const isScript = /\.[cm]?js$/.test(real) || fs.readFileSync(real, 'utf8').slice(0, 64).startsWith('#!/usr/bin/env node');
		return isScript ? [process.execPath, real] : [real];
	}
	if (npx) return ['npx', '--yes', `lighthouse@${PINNED}`];
	fail(
		[
			'Lighthouse was not found. It is not a dependency of the project; install a pinned version outside it, for example:',
			`  npm install --prefix ~/.cache/lighthouse lighthouse@${PINNED}`,
			'  LIGHTHOUSE=~/.cache/lighthouse/node_modules/.bin/lighthouse npm run bench:lighthouse',
			`or put \`lighthouse\` on PATH, or pass --npx to run \`npx --yes lighthouse@${PINNED}\` (needs the npm registry).`,
		].join('\n'),
	);
}

function fail(message: string): never {
	console.error(`error: ${message}`);
	process.exit(1);
}

/** Builds the seed site for the audit: canonical addresses on localhost (no `SITE_URL`), at the root. */
async function buildSeed(): Promise<string> {
	const outDir = path.join(WORK, 'dist');
	const env: NodeJS.ProcessEnv = { ...process.env, READER_OUT_DIR: outDir, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1', BUILD_QUIET: '1' };
	delete env.SITE_URL;
	delete env.CONTENT_DIR;
	process.stderr.write('lighthouse: building the seed site… ');
	const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	if (code !== 0) fail(`the build failed (exit code ${code}):\n${log.slice(-4000)}`);
	process.stderr.write('done\n');
	return outDir;
}

interface PageType {
	name: string;
	/** Address under the base path, without its leading slash. */
	address: string;
	/** A page answered with an error status on purpose (the 404 page). */
	errorStatus?: boolean;
}

/** One page of each type in a build; a type the build lacks (pages of mentions) is left out. */
function pageTypes(dist: string, query: string): PageType[] {
	const first = (folder: string, test: (page: string) => boolean = () => true) => {
		const dir = path.join(dist, folder);
		if (!fs.existsSync(dir)) return undefined;
		return fs
			.readdirSync(dir)
			.sort()
			.find((name) => {
				const page = path.join(dir, name, 'index.html');
				return fs.existsSync(page) && test(fs.readFileSync(page, 'utf8'));
			});
	};
	const glossary = path.join(ROOT, 'content', 'glossary');
	const entryOf = (type: string, test?: (page: string) => boolean) =>
		fs.existsSync(path.join(glossary, type))
			? fs
					.readdirSync(path.join(glossary, type))
					.filter((f) => f.endsWith('.md'))
					.map((f) => f.slice(0, -3))
					.sort()
					.find((id) => {
						const page = path.join(dist, 'glossary', id, 'index.html');
						return fs.existsSync(page) && (!test || test(fs.readFileSync(page, 'utf8')));
					})
			: undefined;
	const article = first('articles');
	const person = entryOf('people');
	const place = entryOf('places', (page) => page.includes('/maps/'));
	const outlet = entryOf('outlets');
	const withMentions = first('glossary', (page) => page.includes('/mentions/2/'));
	const types: (PageType | undefined)[] = [
		{ name: 'home', address: '' },
		article ? { name: 'article', address: `articles/${article}/` } : undefined,
		{ name: 'glossary', address: 'glossary/' },
		person ? { name: 'person', address: `glossary/${person}/` } : undefined,
		place ? { name: 'place', address: `glossary/${place}/` } : undefined,
		outlet ? { name: 'outlet', address: `glossary/${outlet}/` } : undefined,
		withMentions ? { name: 'mentions', address: `glossary/${withMentions}/mentions/2/` } : undefined,
		{ name: 'search', address: 'search/' },
		{ name: 'search-q', address: `search/?q=${encodeURIComponent(query)}` },
		{ name: '404', address: 'no-such-page/', errorStatus: true },
	];
	return types.filter((t): t is PageType => !!t);
}

interface Audit {
	id: string;
	score: number | null;
	scoreDisplayMode: string;
	displayValue?: string;
}
interface Report {
	categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, Audit & { numericValue?: number }>;
	runtimeError?: { code: string; message: string };
	environment: { benchmarkIndex: number };
}

interface PageResult {
	type: PageType;
	/** Median score (0-100) of each category over the runs. */
	scores: Record<Category, number>;
	/** Every run's scores, in order. */
	runs: Record<Category, number>[];
	/** Weighted audits below a full score in any run, with the category they count in. */
	failing: string[];
	totalBlockingTimeMs: number[];
	/** Lighthouse's measure of the machine's speed at each run (lower on a busy machine). */
	benchmarkIndex: number[];
}

async function runLighthouse(command: string[], url: string, output: string, errorStatus: boolean): Promise<Report> {
	const chrome = findChromium() ?? fail('Chromium was not found: install it (`sudo apt-get install -y chromium` on Debian) or set CHROME_PATH.');
	const flags = ['--headless=new', '--disable-gpu', '--no-first-run', ...(os.userInfo().uid === 0 ? ['--no-sandbox'] : [])];
	const args = [...command.slice(1), url, '--quiet', '--output=json', `--output-path=${output}`, `--chrome-flags=${flags.join(' ')}`, ...(errorStatus ? ['--ignore-status-code'] : [])];
	// Asynchronously: the static server answering Lighthouse's requests runs in this process.
	const child = spawn(command[0]!, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const code = await new Promise<number>((resolve) => {
		child.on('error', (error) => {
			log += String(error);
			resolve(1);
		});
		child.on('close', (c) => resolve(c ?? 1));
	});
	if (code !== 0 || !fs.existsSync(output)) throw new Error(`Lighthouse failed on ${url} (exit code ${code}):\n${log.slice(-3000)}`);
	const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Report;
	if (report.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
	return report;
}

/** Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART): a run is tried up to three times. */
async function withRetries<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
	for (let i = 1; ; i++) {
		try {
			return await attempt();
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			if (i >= tries) fail(message);
			process.stderr.write(`lighthouse: ${message.split('\n').at(-1) || message}; trying again\n`);
		}
	}
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;

async function auditPage(command: string[], base: string, type: PageType, runs: number): Promise<PageResult> {
	const url = `${base}${type.address}`;
	const scores: Record<Category, number>[] = [];
	const failing = new Set<string>();
	const tbt: number[] = [];
	const benchmarkIndex: number[] = [];
	for (let run = 1; run <= runs; run++) {
		process.stderr.write(`lighthouse: ${type.name} (${url}), run ${run} of ${runs}\n`);
		const report = await withRetries(() => runLighthouse(command, url, path.join(WORK, `${type.name}-${run}.json`), !!type.errorStatus));
		scores.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>);
		tbt.push(Math.round(report.audits['total-blocking-time']?.numericValue ?? 0));
		benchmarkIndex.push(Math.round(report.environment.benchmarkIndex));
		for (const category of CATEGORIES) {
			for (const ref of report.categories[category]?.auditRefs ?? []) {
				const audit = report.audits[ref.id];
				if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.add(`${category}: ${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
			}
		}
	}
	return {
		type,
		scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(scores.map((s) => s[c]))])) as Record<Category, number>,
		runs: scores,
		failing: [...failing].sort(),
		totalBlockingTimeMs: tbt,
		benchmarkIndex,
	};
}

function table(results: PageResult[]): string {
	const rows = results.map((r) => {
		const cells = CATEGORIES.map((c) => {
			const all = r.runs.map((s) => s[c]);
			return Math.min(...all) === Math.max(...all) ? String(r.scores[c]) : `${r.scores[c]} (${Math.min(...all)}–${Math.max(...all)})`;
		});
		return `| ${r.type.name} | \`/${r.type.address}\` | ${cells.join(' | ')} | ${r.totalBlockingTimeMs.join(', ')} |`;
	});
	return ['| page type | address | performance | accessibility | best practices | SEO | total blocking time, each run (ms) |', '|---|---|---:|---:|---:|---:|---|', ...rows].join('\n');
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const command = findLighthouse(options.npx);
	const version = spawnSync(command[0]!, [...command.slice(1), '--version'], { encoding: 'utf8' }).stdout.trim();
	// Reports of an earlier run go; the seed build is made again (unless --dist names one).
	fs.mkdirSync(WORK, { recursive: true });
	for (const file of fs.readdirSync(WORK)) if (file.endsWith('.json')) fs.rmSync(path.join(WORK, file));
	const dist = options.dist ?? (await buildSeed());
	if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`${dist} holds no build (no index.html)`);
	const base = builtBasePath(dist) ?? '/';
	const server = await startStaticServer({ dir: dist, base, host: '127.0.0.1' });
	// Canonical addresses of a build without SITE_URL are on localhost: audit it by that name.
	const origin = `http://localhost:${server.port}${base}`;
	const results: PageResult[] = [];
	const loadAtStart = os.loadavg()[0]!.toFixed(1);
	try {
		const types = pageTypes(dist, options.query).filter((t) => !options.only || options.only.includes(t.name));
		for (const type of types) results.push(await auditPage(command, origin, type, options.runs));
	} finally {
		await server.close();
	}
	const load = os.loadavg()[0]!.toFixed(1);
	const indexes = results.flatMap((r) => r.benchmarkIndex);
	const heading = [
		`Lighthouse ${version} (mobile, simulated throttling), ${options.runs} run${options.runs === 1 ? '' : 's'} a page, median (range when the runs differ);`,
		`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load average ${loadAtStart} at the start and ${load} at the end,`,
		`Lighthouse's CPU benchmark index ${Math.min(...indexes)} to ${Math.max(...indexes)} (lower on a busier machine).`,
	].join(' ');
	const text = `${heading}\n\n${table(results)}`;
	console.log(`\n${text}\n`);
	for (const r of results) if (r.failing.length) console.log(`${r.type.name}: below full score in some run: ${r.failing.join('; ')}`);
	if (options.docs) {
		const docFile = path.join(ROOT, 'docs', 'benchmarks.md');
		const start = '<!-- lighthouse:start -->';
		const end = '<!-- lighthouse:end -->';
		const doc = fs.readFileSync(docFile, 'utf8');
		if (!doc.includes(start)) fail(`${docFile} has no ${start} … ${end} block to fill`);
		const written = doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), `${start}\n\n${text}\n\n${end}`);
		// Formatted as the rest of the docs (npm run lint checks it).
		fs.writeFileSync(docFile, await prettier.format(written, { ...(await prettier.resolveConfig(docFile)), filepath: docFile }));
		console.log('updated docs/benchmarks.md');
	}
}

await main();
