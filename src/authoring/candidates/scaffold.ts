import fs from 'node:fs';
import path from 'node:path';
import type { Glossary } from '../../corpus/glossary.ts';
import { slugify } from '../../slug.ts';
import { TYPE_FOLDERS } from '../../schemas/glossary.ts';
import { placeholder } from '../../schemas/placeholder.ts';
import type { Candidate } from './find-candidates.ts';

/** One draft written, or why not. */
export interface ScaffoldOutcome {
	name: string;
	id: string;
	/** The file written, relative to the working directory when inside it. */
	file?: string;
	skipped?: string;
}

/**
 * The Markdown of a draft glossary entry for a candidate: `draft: true`, the guessed type with
 * its reason, the other spellings as aliases, and a `TODO:` placeholder in every field only an
 * editor can fill (role, summary, sources; coordinates for a place).
 */
export function draftEntry(candidate: Candidate, asOf: string, shortForms: string[] = []): string {
	const quote = (text: string) => JSON.stringify(text);
	const aliases = [...candidate.variants, ...shortForms];
	const lines = [
		'---',
		`name: ${quote(candidate.name)}`,
		`type: ${candidate.type}  # guessed (${candidate.because.replace(/#/g, '')}): check it`,
		`aliases: [${aliases.map(quote).join(', ')}]${shortForms.length ? '  # short forms found in the article: move one that other people share to `contextual`' : ''}`,
		`role: ${quote(placeholder(`who or what it is, in one line, true on ${asOf}`))}`,
		`asOf: ${asOf}`,
		`summary: ${quote(placeholder('a sentence or two in your own words, from credible sources'))}`,
	];
	if (candidate.type === 'place') lines.push(`# coordinates: { lat: …, lon: … }  # ${placeholder('required for a place before it is published')}`);
	lines.push(`sources: []  # ${placeholder('where the facts come from (see the README on sources)')}`, 'draft: true', '---', '');
	return lines.join('\n');
}

/**
 * Writes a draft entry for each chosen candidate into `<glossaryDir>/<type folder>/<id>.md`.
 * Never overwrites: a name whose id the glossary (or a file) already has is skipped and said.
 */
export function scaffoldEntries(candidates: Candidate[], glossaryDir: string, glossary: Pick<Glossary, 'entries'>, asOf: string, allCandidates: Candidate[] = candidates): ScaffoldOutcome[] {
	return candidates.map((candidate) => {
		const id = slugify(candidate.name);
		if (!id) return { name: candidate.name, id, skipped: 'no usable id can be made from this name' };
		const existing = glossary.entries.get(id);
		if (existing) return { name: candidate.name, id, skipped: `the glossary already has \`${id}\` (${existing.file}); add "${candidate.name}" to its aliases if it is the same` };
		const file = path.join(glossaryDir, TYPE_FOLDERS[candidate.type], `${id}.md`);
		if (fs.existsSync(file)) return { name: candidate.name, id, skipped: `${file} exists` };
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, draftEntry(candidate, asOf, shortFormsOf(candidate, allCandidates)), { flag: 'wx' });
		const relative = path.relative(process.cwd(), file);
		return { name: candidate.name, id, file: relative && !relative.startsWith('..') ? relative : file };
	});
}

/**
 * The other candidates that are a person's name cut short: "al-Maliki" and "Maliki" for
 * "Nouri al-Maliki" (the end of the name, after a space or an `al-`, never inside "Abdul-Mahdi").
 */
export function shortFormsOf(candidate: Candidate, candidates: Candidate[]): string[] {
	if (candidate.type !== 'person' || !/\s/.test(candidate.name)) return [];
	return candidates
		.filter((other) => {
			if (other === candidate || other.name.length >= candidate.name.length || !candidate.name.endsWith(other.name)) return false;
			const before = candidate.name.slice(0, candidate.name.length - other.name.length);
			// After a space, or after a particle's hyphen ("al-Maliki"), not inside "Abdul-Mahdi".
			return /\s$/.test(before) || /(?:^|\s)(?:al|el|ad|as|ash|at|az|ul)-$/i.test(before);
		})
		.map((other) => other.name);
}

/**
 * For `--scaffold all`: the candidates minus those that are another's short form (they become
 * its aliases rather than entries of their own).
 */
export function withoutShortForms(candidates: Candidate[]): Candidate[] {
	const folded = new Set(candidates.flatMap((c) => shortFormsOf(c, candidates)));
	return candidates.filter((c) => !folded.has(c.name));
}
