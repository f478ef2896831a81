/**
 * The ids an article page gives its own elements must all be known to `isPageId`, so that an
 * editor's `:::quote{#id}` can never take one of them. Reads the article page's components (its
 * import graph) and every `id=` they write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYLINE_ANCHOR } from '../../src/credits.ts';
import { isPageId } from '../../src/markdown/page-ids.ts';

/** Shared constants that components write as ids. */
const CONSTANTS: Record<string, string> = { BYLINE_ANCHOR };

/** The .astro files an .astro file imports, recursively. */
function componentGraph(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const source = fs.readFileSync(file, 'utf8');
	for (const match of source.matchAll(/^import\s+\w+\s+from\s+'([^']+\.astro)'/gm)) componentGraph(path.resolve(path.dirname(file), match[1]!), seen);
	return seen;
}

/** Every id an .astro file writes, as a literal or as `prefix-${…}` / `cardElementId(…)` (rendered with `x` for the variable part). */
function idsWritten(source: string): string[] {
	const ids: string[] = [];
	for (const m of source.matchAll(/\bid="([^"]+)"/g)) ids.push(m[1]!);
	for (const m of source.matchAll(/\bid=\{`([^`$]*)\$\{[^}]*\}`\}/g)) ids.push(`${m[1]}x`);
	for (const m of source.matchAll(/\bid=\{cardElementId\(/g)) ids.push(`card-${m.index}`);
	for (const m of source.matchAll(/\bid=\{(?!`|cardElementId\()([^}]*)\}/g)) ids.push(CONSTANTS[m[1]!] ?? `unknown:${m[1]}`);
	return ids;
}

describe('ids of the article page', () => {
	const files = [...componentGraph(path.resolve('src/pages/articles/[slug].astro'))];

	it('reads the layout and the components', () => {
		expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['Base.astro', 'EntityCard.astro', 'Sources.astro', 'WhosWho.astro']));
	});

	for (const file of files) {
		it(`${path.relative('src', file)}: every id it writes is reserved`, () => {
			const ids = idsWritten(fs.readFileSync(file, 'utf8'));
			for (const id of ids) expect(isPageId(id), `${id} in ${file}`).toBe(true);
		});
	}

	it('refuses the reserved ids and leaves quote ids free', () => {
		expect(isPageId('main')).toBe(true);
		expect(isPageId('card-baghdad')).toBe(true);
		expect(isPageId('quote-ap')).toBe(false);
	});
});
