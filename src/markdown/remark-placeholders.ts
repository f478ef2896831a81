import type { Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isPlaceholder } from '../schemas/placeholder.ts';
import { report } from './diagnostics.ts';

type OwnDirective = ContainerDirective | LeafDirective | TextDirective;

/** What to do with each placeholder `npm run import` leaves in a `:::quote`. */
const HINTS: Record<string, string> = {
	how: 'check the original: when the article itself names the outlet, write `evidence=named` and drop `how`; otherwise write in `how="…"` how the editors know, with `confidence` and a short `basis`',
	reason: 'identify the outlet (`outlet=<glossary id>` with `evidence`, `confidence` and `how`), or write in `reason="…"` why it cannot be identified',
};

/** How long a placeholder may be in a message before it is cut. */
const SHOWN = 70;

function shown(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > SHOWN ? `${line.slice(0, SHOWN)}…` : line;
}

/**
 * Refuses to publish the placeholders that tools leave for the editor (`TODO: …`): in an
 * attribute of a directive (`:::quote{how="TODO: …"}`) or as an editors' note
 * (`::note[TODO: check a suspected merged boundary …]`). Each is an error at its place, quoting
 * the placeholder, whose text says what to write.
 *
 * ```md
 * :::quote{outlet=unknown reason="TODO: no outlet is named next to this quote. …"}
 * ```
 * → `error: \`reason\` of :::quote is still a placeholder: “TODO: no outlet is named …” [placeholder]`
 */
export const remarkPlaceholders: Plugin<[], Root> = function () {
	return (tree: Root, file: VFile) => {
		visit(tree, (node) => {
			if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
			const directive = node as OwnDirective;
			const colons = directive.type === 'textDirective' ? ':' : directive.type === 'leafDirective' ? '::' : ':::';
			const place = directive.position?.start;
			for (const [key, value] of Object.entries(directive.attributes ?? {})) {
				if (!isPlaceholder(value)) continue;
				report(
					file,
					'error',
					'placeholder',
					place,
					`\`${key}\` of ${colons}${directive.name} is still a placeholder: “${shown(String(value))}”`,
					HINTS[key] ?? `write the real value in \`${key}="…"\`: a tool left this for an editor to decide`,
				);
			}
			if (directive.name === 'note' && directive.type !== 'containerDirective' && isPlaceholder(toString(directive))) {
				report(
					file,
					'error',
					'placeholder',
					place,
					`an editors' note is still a placeholder: “${shown(toString(directive))}”`,
					'do what it says, then delete the note or replace it with the note readers should see',
				);
			}
		});
	};
};
