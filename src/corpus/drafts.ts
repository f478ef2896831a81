import fs from 'node:fs';
import type { Diagnostic, Severity } from '../markdown/diagnostics.ts';
import type { GlossaryEntry } from './glossary.ts';

/**
 * One diagnostic per draft glossary entry (`draft: true`), pointing at its `draft:` line: an
 * error for `npm run build` (which refuses to publish drafts unless run with `--drafts`), a
 * warning for `npm run check`.
 */
export function draftDiagnostics(entries: Iterable<GlossaryEntry>, severity: Severity): Diagnostic[] {
	const found: Diagnostic[] = [];
	for (const entry of entries) {
		if (!entry.draft) continue;
		let line = 1;
		try {
			const index = fs
				.readFileSync(entry.file, 'utf8')
				.split('\n')
				.findIndex((l) => /^draft:/.test(l));
			if (index >= 0) line = index + 1;
		} catch {
			// The entry was read a moment ago; if it is gone now, its first line will do.
		}
		found.push({
			severity,
			file: entry.file,
			line,
			column: 1,
			rule: 'draft-entry',
			message: `glossary entry \`${entry.id}\` is a draft`,
			hint:
				severity === 'error'
					? 'finish it (fill every TODO, check its type and sources), then delete the line `draft: true`; or publish drafts anyway with `npm run build -- --drafts`'
					: 'finish it (fill every TODO, check its type and sources), then delete the line `draft: true`; `npm run build` refuses drafts',
		});
	}
	return found;
}
