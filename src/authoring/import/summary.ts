import { firstWords } from '../../markdown/text.ts';
import { formatDiagnostic } from '../../markdown/diagnostics.ts';
import { unexpectedDiagnostics, type ImportResult } from './import-article.ts';

const FORMAT_NAMES = { text: 'plain text', html: 'HTML', markdown: 'Markdown' } as const;

/** The import's findings as plain data (`--json`), for tools such as the authoring benchmark. */
export function summaryData(result: ImportResult) {
	return {
		written: result.written,
		slug: result.slug,
		format: result.format,
		replaced: result.replaced,
		frontmatter: {
			found: Object.fromEntries(Object.entries(result.metadata).filter(([key]) => key !== 'sources')),
			from: result.metadata.sources,
			placeholders: result.missing,
			titlePrefix: result.titlePrefix && { outlet: result.titlePrefix.outlet.id, prefix: result.titlePrefix.prefix },
		},
		quotes: result.quotes.map((q) => ({
			line: q.block.line,
			paragraphs: q.block.paragraphs.length,
			firstWords: firstWords(q.block.paragraphs[0]?.text ?? '', 8),
			outlet: q.attribution.outlet?.id ?? 'unknown',
			proposedFrom: q.attribution.evidence,
			where: q.attribution.where,
			unknownName: q.attribution.unknownName,
		})),
		boundaries: result.quotes.flatMap((q, quote) => q.boundaries.map((b) => ({ quote: quote + 1, line: q.block.paragraphs[b.paragraph]?.line, excerpt: b.excerpt }))),
		words: { input: result.words.inputWords, article: result.words.articleWords, kept: !result.words.difference },
		placeholders: result.words.diagnostics.filter((d) => d.rule === 'placeholder').length,
	};
}

/** The summary the command prints: what was found, what is left for the editor, what to run next. */
export function formatSummary(result: ImportResult): string {
	const data = summaryData(result);
	const lines = [`${result.replaced ? 'replaced' : 'wrote'} ${result.written} from ${FORMAT_NAMES[result.format]}`, '', 'frontmatter:'];
	for (const field of ['title', 'author', 'publisher', 'published', 'originalUrl'] as const) {
		const value = result.metadata[field];
		if (value) lines.push(`  ${field.padEnd(11)} ${value}  (from ${result.metadata.sources[field] ?? 'the input'})`);
	}
	for (const field of result.missing) lines.push(`  ${field.padEnd(11)} TODO: not in the input, write it`);
	const prefix = result.titlePrefix;
	if (prefix) {
		lines.push(
			`  note: the title begins with “${prefix.prefix}”, and ${prefix.outlet.name} is an outlet of the glossary: if a republisher put it there, make the title “${prefix.rest}” and add republished: { by: ${prefix.outlet.name}, title: the whole line }`,
		);
	}
	lines.push('', `quoted blocks: ${data.quotes.length}${result.outletsKnown ? '' : ' (the glossary has no outlet entries, so none could be proposed)'}`);
	data.quotes.forEach((quote, i) => {
		const where = quote.line ? `line ${quote.line} of the input` : 'in the input';
		const outlet =
			quote.outlet !== 'unknown'
				? `outlet=${quote.outlet} proposed from “${quote.proposedFrom}” (${quote.where}), confidence low: check it`
				: quote.unknownName
					? `outlet=unknown: the text names “${quote.unknownName}”, which the glossary does not know`
					: 'outlet=unknown: no outlet named next to it';
		lines.push(`  ${i + 1}. “${quote.firstWords}” (${where}): ${outlet}`);
	});
	lines.push('', `suspected merged boundaries: ${data.boundaries.length}${data.boundaries.length ? ' (not split: each has a TODO note after its quoted block)' : ''}`);
	for (const boundary of data.boundaries) lines.push(`  quoted block ${boundary.quote}${boundary.line ? `, line ${boundary.line} of the input` : ''}: “${boundary.excerpt}”`);
	lines.push(
		'',
		`words: ${data.words.input} in the input, ${data.words.article} in the article: ${data.words.kept ? 'every word kept, in order' : 'DIFFERENT'}`,
		`placeholders to fill: ${data.placeholders} (npm run check lists each with its file:line:column)`,
	);
	const other = unexpectedDiagnostics(result);
	if (other.length) lines.push(`other errors the check will report (${other.length}):`, ...other.map((d) => `  ${formatDiagnostic(d).replace(/\n/g, '\n  ')}`));
	lines.push('', `next: npm run annotate -- ${result.written}`);
	return lines.join('\n');
}
