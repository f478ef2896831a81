import path from 'node:path';
import { contentRoot } from '../../settings.ts';
import type { Glossary } from '../../corpus/glossary.ts';
import { normalizeName } from '../../names.ts';
import { didYouMean, suggest } from '../../markdown/diagnostics.ts';
import { findCandidates, type Candidate } from '../candidates/find-candidates.ts';
import { scaffoldEntries, withoutShortForms } from '../candidates/scaffold.ts';
import { AuthoringError, type ArticleFile } from '../read-article.ts';
import type { AnnotateArguments, CommandIO } from './annotate-command.ts';

/** `--candidates` and `--scaffold`: returns the exit code. */
export async function runCandidates(article: ArticleFile, glossary: Glossary, args: AnnotateArguments, io: CommandIO): Promise<number> {
	const candidates = findCandidates(article.source, article.bodyOffset, glossary);
	if (!args.scaffold) {
		if (args.json) io.out(JSON.stringify({ file: article.file, candidates }, null, 2));
		else io.out(formatCandidates(candidates, article.file));
		return 0;
	}
	const chosen = chooseCandidates(candidates, args.scaffold, article.file);
	const asOf = /^published:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(article.source.slice(0, article.bodyOffset))?.[1] ?? String(new Date().getUTCFullYear());
	const outcomes = scaffoldEntries(chosen, path.join(contentRoot(), 'glossary'), glossary, asOf, candidates);
	if (args.json) {
		io.out(JSON.stringify({ file: article.file, drafts: outcomes }, null, 2));
		return 0;
	}
	const written = outcomes.filter((o) => o.file);
	io.out(`Wrote ${written.length} draft entr${written.length === 1 ? 'y' : 'ies'} (draft: true; fill every TODO, check the type, then delete the draft line):`);
	for (const o of written) io.out(`  ${o.file}`);
	for (const o of outcomes.filter((x) => x.skipped)) io.out(`  skipped "${o.name}": ${o.skipped}`);
	if (written.length) io.out(`\nThen mark the names: npm run annotate -- ${article.file} --write`);
	return 0;
}

/** The candidates named on the command line (`all` for every one); an unknown name is an error with the closest ones. */
function chooseCandidates(candidates: Candidate[], names: string[], file: string): Candidate[] {
	// Short forms ("al-Maliki") become aliases of the full name's draft rather than drafts of their own.
	if (names.length === 1 && names[0] === 'all') return withoutShortForms(candidates);
	return names.map((name) => {
		const key = normalizeName(name);
		const found = candidates.find((c) => normalizeName(c.name) === key || c.variants.some((v) => normalizeName(v) === key));
		if (found) return found;
		const near = suggest(
			name,
			candidates.map((c) => c.name),
		);
		throw new AuthoringError(
			file,
			`"${name}" is not among the article's candidates`,
			near.length ? `did you mean ${didYouMean(near, (n) => `"${n}"`)}? (\`--candidates\` lists them)` : 'run with `--candidates` to list them',
		);
	});
}

/** The candidate list as printed: count, name, guessed type and where it first appears. */
export function formatCandidates(candidates: Candidate[], file: string): string {
	if (!candidates.length) return `No name in ${file} is missing from the glossary.`;
	const width = Math.max(...candidates.map((c) => c.name.length));
	const lines = [`${candidates.length} name${candidates.length === 1 ? '' : 's'} in ${file} that the glossary does not know, most frequent first:`, ''];
	for (const c of candidates) {
		lines.push(
			`${String(c.count).padStart(4)}  ${c.name.padEnd(width)}  ${c.type.padEnd(12)} ${file}:${c.line}:${c.column}  (${c.because}${c.variants.length ? `; also written ${c.variants.map((v) => `"${v}"`).join(', ')}` : ''})`,
		);
	}
	lines.push('', `Draft entries: npm run annotate -- ${file} --scaffold "${candidates[0]!.name}" … (or --scaffold all)`);
	return lines.join('\n');
}
