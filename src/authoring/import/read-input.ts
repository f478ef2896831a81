import fs from 'node:fs';
import { ImportError } from './errors.ts';

/** An input file read as text, with the name to use in messages. */
export interface InputFile {
	/** The path as the user gave it. */
	path: string;
	text: string;
}

/** Share of replacement or control characters above which a file is taken for binary. */
const BINARY_SHARE = 0.02;

/**
 * Reads the file to import and refuses, with one clear sentence, what cannot be an article: a
 * missing or unreadable file, a folder, an empty file, a binary file (NUL bytes, or bytes that
 * are not UTF-8 text). Whether the text is an article is judged later, by format.
 */
export function readInput(file: string): InputFile {
	let bytes: Buffer;
	try {
		if (fs.statSync(file).isDirectory()) throw new ImportError(`${file} is a folder, not a file: give the path of one article file`);
		bytes = fs.readFileSync(file);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportError(`cannot read ${file}: there is no such file`);
		if (code === 'EACCES' || code === 'EPERM') throw new ImportError(`cannot read ${file}: permission denied`);
		throw new ImportError(`cannot read ${file}: ${(error as Error).message}`);
	}
	if (bytes.length === 0) throw new ImportError(`${file} is empty: there is nothing to import`);
	if (bytes.includes(0)) throw new ImportError(`${file} is a binary file, not an article: import reads plain text, HTML or Markdown`);
	const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
	const odd = [...text].filter((ch) => ch === '\uFFFD' || /[\u0001-\u0008\u000E-\u001F\u007F]/.test(ch)).length;
	if (odd > Math.max(1, text.length * BINARY_SHARE)) {
		throw new ImportError(`${file} is a binary file (or not UTF-8 text), not an article: import reads plain text, HTML or Markdown in UTF-8`);
	}
	if (!text.trim()) throw new ImportError(`${file} is empty (only white space): there is nothing to import`);
	return { path: file, text: text.replace(/\r\n?/g, '\n') };
}
