import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_ID_PATTERN, glossaryEntrySchema, type GlossaryEntryData } from '../schemas/glossary.ts';
import { displayPath, type Diagnostic } from '../markdown/diagnostics.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { normalizeName } from './names.ts';

/** A validated glossary entry with where it came from. */
export interface GlossaryEntry extends GlossaryEntryData {
	id: string;
	/** The long note (Markdown) for the entry page. */
	note: string;
	/** 0-based line of the file where the note starts, for messages. */
	noteLine: number;
	/** Path of the source file, relative to the working directory. */
	file: string;
}

/** Everything the annotation plugins need to know about the glossary. */
export interface Glossary {
	entries: Map<string, GlossaryEntry>;
	/** Normalised name or alias → ids of the entries that use it. */
	byName: Map<string, string[]>;
	diagnostics: Diagnostic[];
}

/** Every `.md` file under a folder, sorted so builds are reproducible. */
export function listMarkdownFiles(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && d.name.endsWith('.md'))
		.map((d) => path.join(d.parentPath, d.name))
		.sort();
}

/**
 * Reads and validates the glossary: one Markdown file per entry anywhere under `dir`
 * (sub-folders by type are allowed), its file name being the id.
 */
export function loadGlossary(dir: string): Glossary {
	const entries = new Map<string, GlossaryEntry>();
	const diagnostics: Diagnostic[] = [];
	for (const absolute of listMarkdownFiles(dir)) {
		const file = displayPath(absolute);
		const id = path.basename(absolute, '.md');
		const parsed = parseFrontmatter(fs.readFileSync(absolute, 'utf8'), glossaryEntrySchema, file);
		diagnostics.push(...parsed.diagnostics);
		if (!ENTITY_ID_PATTERN.test(id)) {
			diagnostics.push({
				severity: 'error', file, line: 1, column: 1, rule: 'invalid-id',
				message: `the file name \`${id}\` is not a valid glossary id`,
				hint: `rename the file to lower-case words joined by hyphens, e.g. \`${slugify(id)}.md\``,
			});
			continue;
		}
		const previous = entries.get(id);
		if (previous) {
			diagnostics.push({
				severity: 'error', file, line: 1, column: 1, rule: 'duplicate-id',
				message: `duplicate glossary id \`${id}\`: ${previous.file} has the same file name`,
				hint: 'give one of the two entries another file name, or merge them',
			});
			continue;
		}
		if (!parsed.data) continue;
		entries.set(id, { ...parsed.data, id, note: parsed.body, noteLine: parsed.bodyLineOffset, file });
	}
	return { entries, byName: indexNames(entries), diagnostics };
}

/** Builds the name → ids lookup from every entry's name and aliases. */
export function indexNames(entries: Map<string, GlossaryEntry>): Map<string, string[]> {
	const byName = new Map<string, string[]>();
	for (const entry of entries.values()) {
		for (const name of new Set([entry.name, ...entry.aliases].map(normalizeName))) {
			const ids = byName.get(name);
			if (ids) ids.push(entry.id);
			else byName.set(name, [entry.id]);
		}
	}
	return byName;
}

export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
