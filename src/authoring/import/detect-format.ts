import path from 'node:path';
import { ImportError } from './errors.ts';

/** The input formats import understands. */
export type InputFormat = 'text' | 'html' | 'markdown';

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta|title)\b/i;
const HTML_TAGS = /<(?:p|div|blockquote|h1|article|body)\b[^>]*>/i;
const MARKDOWN_CUES = [/^---\n[\s\S]*?\n---\n/, /^#{1,6}\s+\S/m, /^>\s?\S/m, /\[[^\]\n]+\]\([^)\s]+\)/, /^\s*[-*]\s+\S/m];

/**
 * Decides how to read a file: by its extension (`.html`/`.htm`, `.md`/`.markdown`, `.txt`) when
 * the content agrees, else by its content. Data that is not an article (JSON, XML feeds, CSV)
 * is refused here with a one-line reason.
 */
export function detectFormat(file: string, text: string): InputFormat {
	const trimmed = text.trim();
	if (/^[[{]/.test(trimmed)) {
		try {
			JSON.parse(trimmed);
			throw new ImportError(`${file} is JSON data, not an article: import reads plain text, HTML or Markdown`);
		} catch (error) {
			if (error instanceof ImportError) throw error;
		}
	}
	if (/^<\?xml\b/.test(trimmed) && !HTML_TAGS.test(trimmed)) {
		throw new ImportError(`${file} is XML data, not an article: import reads plain text, HTML or Markdown`);
	}
	const extension = path.extname(file).toLowerCase();
	const startsAsPage = HTML_START.test(trimmed);
	if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return /<[a-z!]/i.test(trimmed) ? 'html' : 'text';
	// A page saved under another name is still a page; tags inside Markdown or text are not.
	if (startsAsPage) return 'html';
	if (extension === '.md' || extension === '.markdown') return 'markdown';
	if (extension === '.txt' || extension === '.text') return 'text';
	if (HTML_TAGS.test(trimmed) && /<\/(?:p|div|blockquote|article|body)>/i.test(trimmed)) return 'html';
	return MARKDOWN_CUES.filter((cue) => cue.test(text)).length >= 2 ? 'markdown' : 'text';
}
