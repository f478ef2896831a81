import fs from 'node:fs';
import path from 'node:path';
import type { Glossary } from '../../corpus/glossary.ts';
import { slugify } from '../../slug.ts';
import type { EntityType } from '../../schemas/glossary.ts';
import { placeholder } from '../../schemas/placeholder.ts';
import type { Candidate } from './find-candidates.ts';

/** The sub-folder of `glossary/` for each type, as the seed edition arranges them. */
export const TYPE_FOLDERS: Record<EntityType, string> = {
	person: 'people',
	place: 'places',
	organization: 'organizations',
	'armed-group': 'armed-groups',
	outlet: 'outlets',
	term: 'terms',
};

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
export function draftEntry(candidate: Candidate, asOf: string): string {
	const quote = (text: string) => JSON.stringify(text);
	const lines = [
		'---',
		`name: ${quote(candidate.name)}`,
		`type: ${candidate.type}  # guessed (${candidate.because.replace(/#/g, '')}): check it`,
		`aliases: [${candidate.variants.map(quote).join(', ')}]`,
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
export function scaffoldEntries(candidates: Candidate[], glossaryDir: string, glossary: Pick<Glossary, 'entries'>, asOf: string): ScaffoldOutcome[] {
	return candidates.map((candidate) => {
		const id = slugify(candidate.name);
		if (!id) return { name: candidate.name, id, skipped: 'no usable id can be made from this name' };
		const existing = glossary.entries.get(id);
		if (existing) return { name: candidate.name, id, skipped: `the glossary already has \`${id}\` (${existing.file}); add "${candidate.name}" to its aliases if it is the same` };
		const file = path.join(glossaryDir, TYPE_FOLDERS[candidate.type], `${id}.md`);
		if (fs.existsSync(file)) return { name: candidate.name, id, skipped: `${file} exists` };
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, draftEntry(candidate, asOf), { flag: 'wx' });
		const relative = path.relative(process.cwd(), file);
		return { name: candidate.name, id, file: relative && !relative.startsWith('..') ? relative : file };
	});
}
