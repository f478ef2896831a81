/**
 * `npm run bench`: builds the seed site and synthetic corpora of N = 10, 100 and 1,000 articles
 * (2N glossary entries each) with the real pipeline, one child process per build, and reports
 * build time by phase, peak memory, output size, page weight and search download sizes.
 *
 *   npm run bench                       # seed + 10, 100, 1000
 *   npm run bench -- --quick            # seed + 10
 *   npm run bench -- --sizes 10,100     # seed + the sizes given
 *   npm run bench -- --with-5000        # adds N = 5,000
 *   npm run bench -- --no-seed          # synthetic corpora only
 *   npm run bench -- --docs             # also writes docs/benchmarks.json and the table in docs/benchmarks.md
 *
 * Results: a table on stdout and bench/.work/results.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCorpus } from './generate.ts';
import { distStats, type DistStats } from './lib/dist-stats.ts';
import { pageWeight } from './lib/page-weight.ts';
import { sampleTreeMemory } from './lib/process-tree.ts';
import { measureCardTiming, type CardTiming } from './lib/card-timing.ts';
import { measureSearch, measureSearchPage, type PageSearchBytes, type SearchMeasurement } from './lib/search-bytes.ts';
import { measureSearchLatency, type SearchLatency } from './lib/search-latency.ts';
import { measureSearchWeight, type SearchWeight } from './lib/search-weight.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WORK = path.join(ROOT, 'bench', '.work');
const GNU_TIME = '/usr/bin/time';

interface Options {
	sizes: number[];
	seed: boolean;
	docs: boolean;
	search: boolean;
}

function parseArgs(argv: string[]): Options {
	const options: Options = { sizes: [10, 100, 1000], seed: true, docs: false, search: true };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--quick') options.sizes = [10];
		else if (arg === '--with-5000') options.sizes = [...new Set([...options.sizes, 5000])];
		else if (arg === '--no-seed') options.seed = false;
		else if (arg === '--no-search') options.search = false;
		else if (arg === '--docs') options.docs = true;
		else if (arg === '--sizes' || arg.startsWith('--sizes=')) {
			const list = arg.includes('=') ? arg.split('=')[1]! : argv[++i];
			const sizes = (list ?? '').split(',').map((s) => Number(s.trim()));
			if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) usage(`--sizes takes whole numbers separated by commas, e.g. --sizes 10,100 (got "${list ?? ''}")`);
			options.sizes = sizes;
		} else if (arg === '--help' || arg === '-h') usage();
		else usage(`unknown option ${arg}`);
	}
	options.sizes.sort((a, b) => a - b);
	return options;
}

function usage(problem?: string): never {
	if (problem) console.error(`bench: ${problem}`);
	console.error('usage: npm run bench -- [--quick] [--sizes 10,100,1000] [--with-5000] [--no-seed] [--no-search] [--docs]');
	process.exit(problem ? 2 : 0);
}

export interface CorpusResult {
	name: string;
	articles: number;
	entries: number;
	words?: number;
	marks?: number;
	build: {
		contentMs: number;
		astroMs: number;
		pagefindMs: number;
		/** Wall time of the whole child process (start-up, content, Astro, Pagefind). */
		totalMs: number;
		pagesIndexed: number;
		/** HTML pages rendered per second of Astro time. */
		pagesPerSecond: number;
		/** Highest sum of resident memory over the build's process tree, sampled every 100 ms. */
		peakTreeRssBytes: number;
		/** Highest resident memory of each program in the tree (node, pagefind_extended), same samples. */
		peakRssByProgram: Record<string, number>;
		/** GNU time's maximum resident set size (of the largest single process), when available. */
		peakProcessRssBytes?: number;
		/** CPU time (user + system) of the build and its children, from GNU time, when available. */
		cpuMs?: number;
		/** The machine's 1-minute load average at the start and end of the build (shared machines inflate wall times). */
		loadAverage: [number, number];
	};
	dist: DistStats;
	/** One article page as first loaded, gzipped (bench/lib/page-weight.ts, as the byte-budget tests measure it). */
	articlePage: { htmlGzip: number; cssGzip: number; scriptGzip: number; cardScriptGzip: number; totalGzip: number; files: string[] };
	/** The header box: a first and a second query typed in it (bench/lib/search-bytes.ts). */
	search?: SearchMeasurement;
	/** The search page opened with `?q=` and the first query (bench/lib/search-bytes.ts). */
	searchPage?: Omit<PageSearchBytes, 'files'>;
	/** From the last keystroke to the first result, in the header box and on the search page (bench/lib/search-latency.ts). */
	latency?: SearchLatency;
	/** The search helper's own measure (bench/lib/search-weight.ts): index size and a first query. */
	searchWeight?: Omit<SearchWeight, 'firstQueryFiles'>;
	/** Real time from the pointer entering a name to its card visible and opaque (bench/lib/card-timing.ts; seed only). */
	cards?: CardTiming;
}

/** What one child build gives: the figures of `CorpusResult['build']` but the rate, plus its outcome. */
interface Build extends Omit<CorpusResult['build'], 'pagesPerSecond'> {
	ok: boolean;
	log: string;
}

async function buildInChild(name: string, contentDir: string, outDir: string): Promise<Build> {
	const timingsFile = path.join(WORK, `timings-${name}.json`);
	const cacheDir = path.join(WORK, `cache-${name}`);
	fs.rmSync(timingsFile, { force: true });
	// A cold build every time: no content-layer cache carried over from an earlier run.
	fs.rmSync(cacheDir, { recursive: true, force: true });
	const useTime = fs.existsSync(GNU_TIME);
	const timeFile = path.join(WORK, `time-${name}.txt`);
	const node = process.execPath;
	const command = useTime ? GNU_TIME : node;
	const args = useTime ? ['-v', '-o', timeFile, node, 'scripts/build.ts'] : ['scripts/build.ts'];
	const env = {
		...process.env,
		CONTENT_DIR: contentDir,
		READER_OUT_DIR: outDir,
		BASE_PATH: '/',
		ASTRO_CACHE_DIR: cacheDir,
		ASTRO_TELEMETRY_DISABLED: '1',
		BUILD_TIMINGS_FILE: timingsFile,
		BUILD_QUIET: '1',
	};
	const loadBefore = os.loadavg()[0]!;
	const start = performance.now();
	const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const memory = sampleTreeMemory(child.pid!);
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	const totalMs = performance.now() - start;
	const { peakBytes: peakTreeRssBytes, peakByProgram: peakRssByProgram } = memory.stop();
	const loadAverage: [number, number] = [round2(loadBefore), round2(os.loadavg()[0]!)];
	let peakProcessRssBytes: number | undefined;
	let cpuMs: number | undefined;
	if (useTime && fs.existsSync(timeFile)) {
		const report = fs.readFileSync(timeFile, 'utf8');
		const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
		if (kb) peakProcessRssBytes = Number(kb[1]) * 1024;
		const user = /User time \(seconds\): ([\d.]+)/.exec(report);
		const system = /System time \(seconds\): ([\d.]+)/.exec(report);
		if (user && system) cpuMs = Math.round((Number(user[1]) + Number(system[1])) * 1000);
	}
	if (code !== 0 || !fs.existsSync(timingsFile)) {
		throw new Error(`the build of ${name} failed (exit code ${code}):\n${log.slice(-4000)}`);
	}
	const timings = JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as Omit<Build, 'totalMs' | 'peakTreeRssBytes' | 'peakRssByProgram' | 'cpuMs' | 'loadAverage' | 'log'>;
	return { ...timings, totalMs, peakTreeRssBytes, peakRssByProgram, peakProcessRssBytes, cpuMs, loadAverage, log };
}

async function measure(
	name: string,
	contentDir: string,
	info: { articles: number; entries: number; words?: number; marks?: number; queries: [string, string]; sampleArticle: string },
	search: boolean,
	cards = false,
): Promise<CorpusResult> {
	const outDir = path.join(WORK, `dist-${name}`);
	process.stderr.write(`bench: building ${name} (${info.articles} article${info.articles === 1 ? '' : 's'}, ${info.entries} entries)… `);
	const build = await buildInChild(name, contentDir, outDir);
	process.stderr.write(`${seconds(build.totalMs)}\n`);
	const dist = distStats(outDir);
	const result: CorpusResult = {
		name,
		articles: info.articles,
		entries: info.entries,
		words: info.words,
		marks: info.marks,
		build: {
			contentMs: Math.round(build.contentMs),
			astroMs: Math.round(build.astroMs),
			pagefindMs: Math.round(build.pagefindMs),
			totalMs: Math.round(build.totalMs),
			pagesIndexed: build.pagesIndexed,
			pagesPerSecond: Math.round((dist.htmlPages / (build.astroMs / 1000)) * 10) / 10,
			peakTreeRssBytes: build.peakTreeRssBytes,
			peakRssByProgram: build.peakRssByProgram,
			peakProcessRssBytes: build.peakProcessRssBytes,
			cpuMs: build.cpuMs,
			loadAverage: build.loadAverage,
		},
		dist,
		articlePage: weighPage(outDir, `articles/${info.sampleArticle}/index.html`),
	};
	if (search) {
		process.stderr.write(`bench: searching ${name} for "${info.queries[0]}" then "${info.queries[1]}"\n`);
		try {
			result.search = await measureSearch(outDir, '/', info.queries);
			const { files: _pageFiles, ...searchPage } = await measureSearchPage(outDir, '/', info.queries[0]);
			result.searchPage = searchPage;
			result.latency = await measureSearchLatency(outDir, '/', info.queries);
			const { firstQueryFiles: _files, ...weight } = await measureSearchWeight(outDir, { base: '/', query: info.queries[0] });
			result.searchWeight = weight;
		} catch (error) {
			// Without Chromium the rest of the report still stands; say why search is missing.
			process.stderr.write(`bench: search not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
		}
	}
	if (cards) {
		process.stderr.write(`bench: timing cards on ${info.sampleArticle}\n`);
		try {
			result.cards = await measureCardTiming(outDir, '/', info.sampleArticle);
		} catch (error) {
			process.stderr.write(`bench: cards not timed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
		}
	}
	return result;
}

function weighPage(dir: string, page: string): CorpusResult['articlePage'] {
	const weight = pageWeight(dir, page, '/');
	const of = (kind: string) => weight.files.filter((f) => f.kind === kind).reduce((sum, f) => sum + f.gzip, 0);
	return { htmlGzip: of('html'), cssGzip: of('css'), scriptGzip: of('js'), cardScriptGzip: weight.cardScriptGzip, totalGzip: weight.gzip, files: weight.files.map((f) => f.file) };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const round2 = (n: number) => Math.round(n * 100) / 100;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const waits = ({ first, second }: SearchLatency['header']) => `${first.median} (${first.max}) / ${second.median} (${second.max}) ms`;

/** The results as a Markdown table, one column per corpus. */
export function resultsTable(results: CorpusResult[]): string {
	const rows: [string, (r: CorpusResult) => string][] = [
		['Articles / glossary entries', (r) => `${r.articles} / ${r.entries}`],
		['Content check (load, validate, render)', (r) => seconds(r.build.contentMs)],
		['Astro build', (r) => seconds(r.build.astroMs)],
		['Pagefind index', (r) => seconds(r.build.pagefindMs)],
		['Whole build (wall, incl. start-up)', (r) => seconds(r.build.totalMs)],
		['CPU time, all processes (user+sys)', (r) => (r.build.cpuMs ? seconds(r.build.cpuMs) : 'n/a')],
		['Load average at start / end', (r) => r.build.loadAverage.map((l) => l.toFixed(1)).join(' / ')],
		['Pages per second (Astro)', (r) => String(r.build.pagesPerSecond)],
		['Peak memory, process tree', (r) => mb(r.build.peakTreeRssBytes)],
		['Peak memory, largest process (GNU time)', (r) => (r.build.peakProcessRssBytes ? mb(r.build.peakProcessRssBytes) : 'n/a')],
		[
			'… pages (Node) / main (Node) / Pagefind apart (sampled)',
			(r) => {
				const peak = r.build.peakRssByProgram;
				return [peak['node build-pages-process.ts'], peak['node build.ts'], peak.pagefind_extended ?? peak.pagefind].map((bytes) => mb(bytes ?? 0)).join(' / ');
			},
		],
		['dist/ size', (r) => mb(r.dist.bytes)],
		['dist/ files', (r) => String(r.dist.files)],
		['HTML pages', (r) => String(r.dist.htmlPages)],
		['Article page HTML (mean)', (r) => kb(r.dist.articleHtmlMeanBytes)],
		['Largest glossary entry page', (r) => kb(r.dist.entryHtmlMaxBytes)],
		['… largest later page of mentions or quotes', (r) => kb(r.dist.entryPagesHtmlMaxBytes ?? 0)],
		['Largest page but the home page and glossary index', (r) => (r.dist.largestOtherPage ? `${kb(r.dist.largestOtherPage.bytes)} (${r.dist.largestOtherPage.file.split(path.sep)[0]}/)` : 'n/a')],
		['Card script (gzip)', (r) => kb(r.articlePage.cardScriptGzip)],
		['All scripts of an article page (gzip)', (r) => kb(r.articlePage.scriptGzip)],
		['Article page weight (HTML+CSS+JS, gzip)', (r) => kb(r.articlePage.totalGzip)],
		['pagefind/ on disk (all files)', (r) => `${mb(r.dist.pagefindBytes)} (${r.dist.pagefindFiles} files)`],
		['Pagefind searchable data (index, fragments, filters, meta)', (r) => (r.searchWeight ? mb(r.searchWeight.indexBytes) : 'n/a')],
		['Header box, first query: gzip / as served, requests', (r) => (r.search ? `${kb(r.search.first.pagefindGzipBytes)} / ${kb(r.search.first.pagefindBytes)}, ${r.search.first.requests}` : 'n/a')],
		['First query, search-weight.ts (as served)', (r) => (r.searchWeight ? kb(r.searchWeight.firstQueryBytes) : 'n/a')],
		['… of which index chunks / result fragments', (r) => (r.search ? `${kb(r.search.first.byKind.index ?? 0)} / ${kb(r.search.first.byKind.fragment ?? 0)}` : 'n/a')],
		['Header box, second query', (r) => (r.search ? kb(r.search.second.pagefindGzipBytes) : 'n/a')],
		['Search page opened with ?q= (gzip, requests)', (r) => (r.searchPage ? `${kb(r.searchPage.gzipBytes)}, ${r.searchPage.requests}` : 'n/a')],
		['Keystroke to result, header box: first / second query (median, max)', (r) => (r.latency ? waits(r.latency.header) : 'n/a')],
		['Keystroke to result, search page: first / second query (median, max)', (r) => (r.latency ? waits(r.latency.searchPage) : 'n/a')],
		['Card: pointer enters → visible / opaque (median)', (r) => (r.cards ? `${r.cards.visibleMedianMs} / ${r.cards.opaqueMedianMs} ms` : 'n/a')],
	];
	const header = `| | ${results.map((r) => r.name).join(' | ')} |`;
	const rule = `|---|${results.map(() => '---:').join('|')}|`;
	return [header, rule, ...rows.map(([label, cell]) => `| ${label} | ${results.map(cell).join(' | ')} |`)].join('\n');
}

export function machine() {
	return {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		memoryBytes: os.totalmem(),
		node: process.version,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
	};
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	fs.mkdirSync(WORK, { recursive: true });
	const results: CorpusResult[] = [];
	if (options.seed) {
		const seedDir = path.join(ROOT, 'content');
		const articles = fs.readdirSync(path.join(seedDir, 'articles')).filter((f) => f.endsWith('.md'));
		const entries = fs.readdirSync(path.join(seedDir, 'glossary'), { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
		const sample = articles.sort()[0]!.replace(/\.md$/, '');
		results.push(await measure('seed', seedDir, { articles: articles.length, entries, queries: ['Maliki', 'border'], sampleArticle: sample }, options.search, true));
	}
	for (const n of options.sizes) {
		const contentDir = path.join(WORK, `corpus-${n}`);
		const manifest = generateCorpus({ articles: n, outDir: contentDir });
		results.push(await measure(`N=${n}`, contentDir, manifest, options.search));
	}
	const report = { date: new Date().toISOString(), machine: machine(), results };
	const table = resultsTable(results);
	const m = report.machine;
	console.log(`\n${m.cpus} × ${m.cpuModel}, ${mb(m.memoryBytes)} memory, Node ${m.node}\n\n${table}\n`);
	const synthetic = results.filter((r) => r.name.startsWith('N='));
	for (let i = 1; i < synthetic.length; i++) {
		const [a, b] = [synthetic[i - 1]!, synthetic[i]!];
		const build = (r: CorpusResult) => r.build.contentMs + r.build.astroMs + r.build.pagefindMs;
		const cpu = a.build.cpuMs && b.build.cpuMs ? `, ${(b.build.cpuMs / a.build.cpuMs).toFixed(1)}× the CPU time` : '';
		console.log(`${a.name} → ${b.name}: ${(b.articles / a.articles).toFixed(0)}× the articles, ${(build(b) / build(a)).toFixed(1)}× the build time (content+Astro+Pagefind)${cpu}`);
	}
	const jsonFile = path.join(WORK, 'results.json');
	fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
	console.log(`\nresults: ${path.relative(process.cwd(), jsonFile)}`);
	if (options.docs) {
		fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.json'), `${JSON.stringify(report, null, 2)}\n`);
		const docFile = path.join(ROOT, 'docs', 'benchmarks.md');
		const doc = fs.readFileSync(docFile, 'utf8');
		const start = '<!-- bench:results -->';
		const end = '<!-- /bench:results -->';
		const block = `${start}\nMachine: ${m.cpus} cores (${m.cpuModel}), ${mb(m.memoryBytes)} memory, Node ${m.node}, ${m.platform}. Run of ${report.date.slice(0, 10)}.\n\n${table}\n${end}`;
		if (!doc.includes(start)) throw new Error(`${docFile} has no ${start} … ${end} block to fill`);
		fs.writeFileSync(docFile, doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block));
		console.log('updated docs/benchmarks.md and docs/benchmarks.json');
	}
}

await main();
