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

/** The charset a saved page declares (`<meta charset>` or `http-equiv` Content-Type), lower-cased. */
function declaredCharset(bytes: Buffer): string | undefined {
	const head = bytes.subarray(0, 4096).toString('latin1');
	return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** Labels that mean windows-1252 on the web (the WHATWG Encoding Standard), the commonest non-UTF-8 charset of saved pages. */
const WINDOWS_1252_LABELS = new Set([
	'windows-1252',
	'cp1252',
	'x-cp1252',
	'iso-8859-1',
	'iso8859-1',
	'iso88591',
	'iso_8859-1',
	'iso_8859-1:1987',
	'latin1',
	'l1',
	'cp819',
	'ibm819',
	'csisolatin1',
	'iso-ir-100',
	'us-ascii',
	'ascii',
	'ansi_x3.4-1968',
]);
/** Bytes 0x80–0x9F of windows-1252 (those it leaves undefined stay as they are). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes windows-1252 by its table: Node's `TextDecoder` reads it as ISO-8859-1 when Node is
 * built without full ICU, which turns curly quotes and dashes into control characters.
 */
function decodeWindows1252(bytes: Buffer): string {
	let text = '';
	for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
	return text;
}

/** Offset of the first byte that does not begin or continue a UTF-8 sequence properly. */
function firstInvalidUtf8(bytes: Buffer): number {
	for (let i = 0; i < bytes.length;) {
		const lead = bytes[i]!;
		const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
		if (!length) return i;
		for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
		i += length;
	}
	return bytes.length;
}

/**
 * The file's text: UTF-8 (a byte-order mark dropped), or the charset a saved page declares
 * (`windows-1252`, `iso-8859-1`…), decoded strictly so that no character is silently replaced.
 */
function decode(bytes: Buffer, file: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Not UTF-8: a page may say what it is.
	}
	const declared = declaredCharset(bytes);
	if (declared && WINDOWS_1252_LABELS.has(declared)) return decodeWindows1252(bytes);
	if (declared && !/^utf-?8$/.test(declared)) {
		try {
			return new TextDecoder(declared, { fatal: true }).decode(bytes);
		} catch {
			// An unknown label, or bytes that are not in it either.
		}
	}
	const lenient = bytes.toString('utf8');
	const bad = [...lenient].filter((ch) => ch === '\uFFFD').length;
	if (bad > Math.max(1, lenient.length * BINARY_SHARE)) {
		throw new ImportError(`${file} is a binary file (or not UTF-8 text), not an article: import reads plain text, HTML or Markdown in UTF-8`);
	}
	const offset = firstInvalidUtf8(bytes);
	throw new ImportError(`${file} is not valid UTF-8 (a bad byte at offset ${offset}): save it as UTF-8, or, for a web page, declare its charset in a <meta charset> tag`);
}

/**
 * Reads the file to import and refuses, with one clear sentence, what cannot be an article: a
 * missing or unreadable file, a folder, an empty file, a binary file (NUL bytes, control
 * characters), text that is not UTF-8 (nor the charset a page declares). Whether the text is an
 * article is judged later, by format.
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
	const text = decode(bytes, file);
	const control = [...text].filter((ch) => /(?![\0\t\n\v\f\r\u0080-\u009f])\p{Cc}/u.test(ch)).length;
	if (control > Math.max(1, text.length * BINARY_SHARE)) {
		throw new ImportError(`${file} is a binary file, not an article: import reads plain text, HTML or Markdown`);
	}
	if (!text.trim()) throw new ImportError(`${file} is empty (only white space): there is nothing to import`);
	return { path: file, text: text.replace(/\r\n?/g, '\n') };
}
