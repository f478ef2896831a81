import fs from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { nodeAt } from './frontmatter.ts';

/**
 * Where a frontmatter field sits in a Markdown file, 1-based, for checks that run after
 * validation (dated roles, relations): the deepest node along `keys` that exists, or the
 * frontmatter's first line when the file cannot be read. With `within`, the position of those
 * words on the field's line, when they are there.
 */
export function fieldPosition(file: string, keys: (string | number)[], within?: string): { line: number; column: number } {
	let source: string;
	try {
		source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	} catch {
		return { line: 1, column: 1 };
	}
	const opening = /^---[ \t]*\r?\n/.exec(source);
	if (!opening) return { line: 1, column: 1 };
	const rest = source.slice(opening[0].length);
	const closing = /^---[ \t]*$/m.exec(rest);
	const lineCounter = new LineCounter();
	const doc = parseDocument(closing ? rest.slice(0, closing.index) : rest, { lineCounter });
	const offset = nodeAt(doc.contents, keys).node?.range?.[0] ?? 0;
	const { line, col } = lineCounter.linePos(offset);
	const found = within ? (source.split('\n')[line]?.indexOf(within, col - 1) ?? -1) : -1;
	// The YAML starts on the file's second line.
	return { line: line + 1, column: found >= 0 ? found + 1 : col };
}
