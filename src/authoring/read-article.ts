import fs from 'node:fs';
import { parseFrontmatter } from '../corpus/frontmatter.ts';
import { displayPath } from '../markdown/diagnostics.ts';
import { articleSchema } from '../schemas/article.ts';

/** A problem with an authoring command's input: said with the file, what is wrong and how to fix it. */
export class AuthoringError extends Error {
	readonly file: string;
	readonly hint: string;
	constructor(file: string, message: string, hint: string) {
		super(message);
		this.name = 'AuthoringError';
		this.file = file;
		this.hint = hint;
	}

	/** `file: error: message` and the fix, the way the content check prints its findings. */
	format(): string {
		return `${this.file}: error: ${this.message}\n    fix: ${this.hint}`;
	}
}

/** An article file read for the authoring commands. */
export interface ArticleFile {
	/** Absolute path. */
	path: string;
	/** Path for messages. */
	file: string;
	source: string;
	/** Where the body starts: characters and 0-based line. */
	bodyOffset: number;
	bodyLineOffset: number;
}

/**
 * Reads an article for `npm run annotate`, refusing what it cannot work on with a clear error:
 * a file that cannot be read, an empty file, a binary (or not UTF-8) file, and a file that is not
 * an article (no frontmatter, or a glossary entry's). Frontmatter that does not pass the article
 * schema is accepted (a freshly imported article may still hold placeholders); `npm run check`
 * reports it.
 */
export function readArticleFile(absolute: string): ArticleFile {
	const file = displayPath(absolute);
	let bytes: Buffer;
	try {
		const stat = fs.statSync(absolute);
		if (stat.isDirectory()) throw new AuthoringError(file, 'this is a folder, not an article file', 'give the path of one article, e.g. content/articles/<slug>.md');
		bytes = fs.readFileSync(absolute);
	} catch (error) {
		if (error instanceof AuthoringError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new AuthoringError(file, 'no such file', 'check the path; articles live in content/articles/<slug>.md (or under CONTENT_DIR)');
		if (code === 'EACCES' || code === 'EPERM') throw new AuthoringError(file, 'the file cannot be read (permission denied)', `allow reading it, e.g. \`chmod u+r ${file}\``);
		throw new AuthoringError(file, `the file cannot be read (${code ?? (error as Error).message})`, 'check the path and the file');
	}
	if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
		throw new AuthoringError(file, 'the file is empty', 'import an article first (`npm run import -- <file>`), or write its frontmatter and text');
	}
	if (bytes.includes(0)) throw new AuthoringError(file, 'this is a binary file, not a Markdown article', 'give the path of a Markdown (.md) article');
	let source: string;
	try {
		source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new AuthoringError(file, 'the file is not UTF-8 text', 'save it as UTF-8, or import it with `npm run import`');
	}
	const parsed = parseFrontmatter(source, articleSchema, file);
	const structural = parsed.diagnostics.find((d) => ['missing-frontmatter', 'unclosed-frontmatter', 'yaml-syntax', 'frontmatter-shape'].includes(d.rule));
	if (structural) {
		throw new AuthoringError(
			file,
			`this is not an article: ${structural.message} (line ${structural.line})`,
			structural.hint ?? 'an article starts with `---`, its YAML fields (title, author, publisher, published…) and `---`',
		);
	}
	const fields = frontmatterKeys(source.slice(0, parsed.bodyOffset));
	if (!fields.has('title') && fields.has('type') && fields.has('name')) {
		throw new AuthoringError(file, 'this is a glossary entry, not an article', 'give the path of an article (content/articles/<slug>.md)');
	}
	if (!fields.has('title')) {
		throw new AuthoringError(file, 'this is not an article: its frontmatter has no `title`', "an article's frontmatter holds title, author, publisher and published (see the README)");
	}
	return { path: absolute, file, source, bodyOffset: parsed.bodyOffset, bodyLineOffset: parsed.bodyLineOffset };
}

function frontmatterKeys(frontmatter: string): Set<string> {
	return new Set([...frontmatter.matchAll(/^([A-Za-z][\w-]*):/gm)].map((m) => m[1]!));
}
