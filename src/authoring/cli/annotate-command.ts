import path from 'node:path';
import { contentRoot } from '../../settings.ts';
import { loadGlossary, type Glossary } from '../../corpus/glossary.ts';
import { formatDiagnostics } from '../../markdown/diagnostics.ts';
import { planAnnotations, type AnnotationPlan } from '../annotate/annotate.ts';
import { formatDiff, formatSummary } from '../annotate/report.ts';
import { assertWordsKept, writePlan } from '../annotate/write-plan.ts';
import { AuthoringError, readArticleFile, type ArticleFile } from '../read-article.ts';

/** Where a command writes. */
export interface CommandIO {
	cwd: string;
	out: (text: string) => void;
	err: (text: string) => void;
	scriptName?: string;
}

const USAGE = `usage: npm run annotate -- <article.md> [--write] [--json]
       npm run annotate -- <article.md> --candidates [--json]
       npm run annotate -- <article.md> --scaffold "Name One" "Name Two" | --scaffold all`;

/** Parsed command line of `npm run annotate`. */
export interface AnnotateArguments {
	file: string;
	write: boolean;
	json: boolean;
	candidates: boolean;
	/** Names to scaffold, `['all']` for every candidate; undefined without `--scaffold`. */
	scaffold?: string[];
}

/** Reads the command line; throws an {@link AuthoringError} on a mistake in it. */
export function parseAnnotateArguments(argv: string[]): AnnotateArguments {
	const args: AnnotateArguments = { file: '', write: false, json: false, candidates: false };
	const files: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--write') args.write = true;
		else if (arg === '--json') args.json = true;
		else if (arg === '--candidates') args.candidates = true;
		else if (arg === '--scaffold') {
			const names: string[] = [];
			while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) names.push(argv[++i]!);
			args.scaffold = names;
		} else if (arg.startsWith('--')) throw new AuthoringError('npm run annotate', `unknown option \`${arg}\``, USAGE);
		else files.push(arg);
	}
	if (args.scaffold) {
		// `--scaffold` takes names: the article is the first argument that is a file path.
		const isArticle = (s: string) => s.endsWith('.md');
		const article = files.find(isArticle) ?? args.scaffold.find(isArticle);
		if (article) {
			files.splice(0, files.length, article);
			args.scaffold = args.scaffold.filter((n) => n !== article);
		}
		if (!args.scaffold.length)
			throw new AuthoringError(
				'npm run annotate',
				'`--scaffold` needs the names to scaffold, or `all`',
				'e.g. `npm run annotate -- content/articles/x.md --scaffold "Hoshyar Zebari"` (names as `--candidates` lists them)',
			);
	}
	if (files.length !== 1) throw new AuthoringError('npm run annotate', files.length ? `one article at a time (got ${files.length} paths)` : 'no article given', USAGE);
	args.file = files[0]!;
	if (args.write && (args.candidates || args.scaffold)) throw new AuthoringError('npm run annotate', '`--write` marks names; it does not go with `--candidates` or `--scaffold`', USAGE);
	return args;
}

/** The glossary of `CONTENT_DIR`; stops on errors (marks made from a broken glossary could be wrong). */
export function loadAuthoringGlossary(): Glossary {
	const dir = path.join(contentRoot(), 'glossary');
	const glossary = loadGlossary(dir);
	const errors = glossary.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length) throw new AuthoringError(path.relative(process.cwd(), dir) || dir, `the glossary has errors:\n${formatDiagnostics(errors)}`, 'fix them first (`npm run check` lists them)');
	return glossary;
}

/** `npm run annotate`: returns the exit code (0 done, 1 refused or failed). */
export async function runAnnotateCommand(argv: string[], io: CommandIO): Promise<number> {
	try {
		const args = parseAnnotateArguments(argv);
		const article = readArticleFile(path.resolve(io.cwd, args.file));
		const glossary = loadAuthoringGlossary();
		if (args.candidates || args.scaffold) {
			const { runCandidates } = await import('./candidates-command.ts');
			return await runCandidates(article, glossary, args, io);
		}
		return await annotate(article, glossary, args, io);
	} catch (error) {
		if (error instanceof AuthoringError) {
			io.err(error.format());
			return 1;
		}
		throw error;
	}
}

async function annotate(article: ArticleFile, glossary: Glossary, args: AnnotateArguments, io: CommandIO): Promise<number> {
	const plan = planAnnotations(article.source, glossary, { bodyOffset: article.bodyOffset });
	await assertWordsKept(article, plan, glossary);
	const written = args.write && plan.marks.length > 0;
	if (written) await writePlan(article, plan, glossary);
	if (args.json) {
		io.out(JSON.stringify(planToJson(plan, article.file, written), null, 2));
		return 0;
	}
	const diff = formatDiff(plan, article.file);
	if (diff && !args.write) io.out(`${diff}\n`);
	io.out(formatSummary(plan, article.file, args.write));
	if (!args.write && plan.marks.length) io.out(`\nNothing was written: run again with --write to add these marks.`);
	return 0;
}

/** The machine-readable result of `--json` (the benchmark reads it). */
export function planToJson(plan: AnnotationPlan, file: string, written: boolean) {
	return {
		file,
		written,
		marks: plan.marks,
		review: plan.review,
		ambiguous: plan.ambiguous,
		passedOver: plan.passedOver,
		skipped: plan.skipped,
		wordsChanged: 0,
	};
}
