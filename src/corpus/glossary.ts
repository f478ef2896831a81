import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_ID_PATTERN, glossaryEntrySchema, type FailedEntry, type GlossaryEntry, type GlossaryIndex } from '../schemas/glossary.ts';
import { displayPath, type Diagnostic } from '../markdown/diagnostics.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { normalizeName } from '../names.ts';
import { slugify } from '../slug.ts';

export type { FailedEntry, GlossaryEntry } from '../schemas/glossary.ts';

/** The glossary as loaded: its entries, the name lookup, and what was wrong with the files. */
export interface Glossary extends GlossaryIndex {
	diagnostics: Diagnostic[];
}

/** Ids that the Markdown syntax gives a meaning of its own (`outlet=unknown`). */
export const RESERVED_IDS: ReadonlyMap<string, string> = new Map([['unknown', '`outlet=unknown` marks a quoted block whose outlet is not known']]);

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
	const failed = new Map<string, FailedEntry>();
	const diagnostics: Diagnostic[] = [];
	for (const absolute of listMarkdownFiles(dir)) {
		const file = displayPath(absolute);
		const id = path.basename(absolute, '.md');
		const parsed = parseFrontmatter(fs.readFileSync(absolute, 'utf8'), glossaryEntrySchema, file);
		diagnostics.push(...parsed.diagnostics);
		const fail = () => failed.set(slugify(id), { id: slugify(id), file, names: namesOf(parsed.raw) });
		if (!ENTITY_ID_PATTERN.test(id)) {
			diagnostics.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				rule: 'invalid-id',
				message: `the file name \`${id}\` is not a valid glossary id`,
				hint: `rename the file to lower-case words joined by hyphens, e.g. \`${slugify(id)}.md\``,
			});
			fail();
			continue;
		}
		const reserved = RESERVED_IDS.get(id);
		if (reserved) {
			diagnostics.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				rule: 'reserved-id',
				message: `\`${id}\` cannot be a glossary id: it is reserved (${reserved})`,
				hint: 'rename the file after the entity it describes (lower-case words joined by hyphens), and use that id in the articles',
			});
			fail();
			continue;
		}
		const previous = entries.get(id);
		if (previous) {
			diagnostics.push({
				severity: 'error',
				file,
				line: 1,
				column: 1,
				rule: 'duplicate-id',
				message: `duplicate glossary id \`${id}\`: ${previous.file} has the same file name`,
				hint: 'give one of the two entries another file name, or merge them',
			});
			continue;
		}
		if (!parsed.data) {
			fail();
			continue;
		}
		entries.set(id, { ...parsed.data, id, note: parsed.body, noteLine: parsed.bodyLineOffset, file });
	}
	return { entries, byName: indexNames(entries), failed, diagnostics };
}

/** The names a frontmatter that failed validation still gives (`name`, `aliases`), for lookups. */
function namesOf(raw: unknown): string[] {
	if (!raw || typeof raw !== 'object') return [];
	const { name, aliases } = raw as { name?: unknown; aliases?: unknown };
	return [name, ...(Array.isArray(aliases) ? aliases : [])].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
}

/** Builds the name → ids lookup from every entry's name, aliases, contextual aliases and names in their own script. */
export function indexNames(entries: Map<string, GlossaryEntry>): Map<string, string[]> {
	const byName = new Map<string, string[]>();
	for (const entry of entries.values()) {
		for (const name of new Set([entry.name, ...entry.aliases, ...(entry.contextual ?? []), ...entry.native.map((n) => n.text)].map(normalizeName))) {
			const ids = byName.get(name);
			if (ids) ids.push(entry.id);
			else byName.set(name, [entry.id]);
		}
	}
	return byName;
}
