import type { AnnotationPlan, FilePlace } from './annotate.ts';

/**
 * A reviewable diff of the planned marks: for each changed line, the line before (`-`) and after
 * (`+`), headed by its file and line number. The lines of an article are whole paragraphs, so
 * each mark is also listed on its own in the summary.
 */
export function formatDiff(plan: AnnotationPlan, file: string): string {
	const before = plan.before.split('\n');
	const after = plan.after.split('\n');
	const out = [`--- ${file}`, `+++ ${file} (annotated)`];
	for (let i = 0; i < before.length; i++) {
		if (before[i] === after[i]) continue;
		out.push(`@@ -${i + 1} +${i + 1} @@`, `-${before[i]}`, `+${after[i]}`);
	}
	return out.length > 2 ? out.join('\n') : '';
}

const at = (file: string, place: FilePlace) => `${file}:${place.line}:${place.column}`;

/** The summary printed after the diff: marks added, proposals for review, ambiguous names, names passed over. */
export function formatSummary(plan: AnnotationPlan, file: string, written: boolean): string {
	// `written`: the command ran with --write (the marks, if any, are in the file).
	const lines: string[] = [];
	const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
	lines.push(`${written ? 'Wrote' : 'Would add'} ${count(plan.marks.length, 'mark')} to ${file}${plan.marks.length ? ':' : '.'}`);
	const byEntry = new Map<string, number>();
	for (const mark of plan.marks) byEntry.set(mark.id, (byEntry.get(mark.id) ?? 0) + 1);
	if (byEntry.size)
		lines.push(
			`  ${[...byEntry]
				.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
				.map(([id, n]) => `${id} ×${n}`)
				.join(', ')}`,
		);
	const coreferenced = plan.marks.filter((m) => m.namedAs !== undefined);
	if (coreferenced.length) {
		lines.push('', `${count(coreferenced.length, 'contextual name')} marked by coreference (the entry was named earlier in the same paragraph, and no other entry that shares the words was):`);
		for (const m of coreferenced) lines.push(`  ${at(file, m)}: ${m.words} → ${m.id}: named earlier in this paragraph as “${m.namedAs}”`);
	}
	if (plan.review.length) {
		lines.push(
			'',
			`${count(plan.review.length, 'contextual name')} to review (the entry lists ${plan.review.length === 1 ? 'it' : 'them'} under \`contextual\`, and ${plan.review.length === 1 ? 'its' : 'their'} paragraph does not settle ${plan.review.length === 1 ? 'it' : 'them'}):`,
		);
		for (const r of plan.review)
			lines.push(`  ${at(file, r)}: "${r.words}" may be \`${r.id}\`: if so, write ${r.markdown}${r.unresolved ? ` (not marked: ${r.unresolved})` : ''}`, `      in: ${r.sentence}`);
	}
	if (plan.ambiguous.length) {
		lines.push('', `${count(plan.ambiguous.length, 'ambiguous name')} (two or more entries share ${plan.ambiguous.length === 1 ? 'it' : 'them'}; say which with an id):`);
		for (const a of plan.ambiguous)
			lines.push(
				`  ${at(file, a)}: "${a.words}" is ${a.candidates.map((c) => `\`${c}\``).join(' or ')}: write ${a.candidates.map((c) => `:e[${a.words}]{#${c}}`).join(' or ')}`,
				`      in: ${a.sentence}`,
			);
	}
	if (plan.passedOver.length) {
		lines.push('', `${count(plan.passedOver.length, 'name')} left alone:`);
		for (const p of plan.passedOver) {
			const why = p.reason === 'part-of-longer-name' ? `part of the longer name "${p.within}"` : p.reason === 'inside-a-word' ? `inside the word "${p.within}"` : 'written with escapes or markup';
			lines.push(`  ${at(file, p)}: "${p.words}" (${p.candidates.join(', ')}): ${why}`);
		}
	}
	return lines.join('\n');
}
