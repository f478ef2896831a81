import path from 'node:path';
import type { VFile } from 'vfile';
import { closest, distance } from 'fastest-levenshtein';

/** How bad a finding is: errors stop the build, warnings are reported by `npm run check`. */
export type Severity = 'error' | 'warning';

/** One finding about the content, pointing at the exact place an editor must look. */
export interface Diagnostic {
	severity: Severity;
	/** Path of the file, relative to the project root where possible. */
	file: string;
	/** 1-based line and column. */
	line: number;
	column: number;
	/** Stable identifier of the kind of finding, e.g. `unknown-entity`. */
	rule: string;
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	hint?: string;
	/**
	 * The file whose own errors cause this finding (a mention of a glossary entry that failed
	 * validation): listed after the root causes, so editors fix those first.
	 */
	causedBy?: string;
}

declare module 'vfile-message' {
	interface VFileMessage {
		/** See `Diagnostic.causedBy`. */
		causedBy?: string;
	}
}

/** Where a diagnostic points, as a unist point. */
export interface Place {
	line: number;
	column: number;
}

/**
 * Records a finding on a vfile so it travels with the rendered Markdown.
 * Errors are recorded too (not thrown) so that one run reports every problem at once.
 */
export function report(file: VFile, severity: Severity, rule: string, place: Place | undefined, message: string, hint?: string, causedBy?: string): void {
	const entry = file.message(message, { place, ruleId: rule, source: 'annotated-reader' });
	entry.fatal = severity === 'error' ? true : false;
	if (hint) entry.note = hint;
	if (causedBy) entry.causedBy = causedBy;
}

/** The line and column (1-based) of a character offset in a source text. */
export function placeAt(source: string, offset: number): Place {
	const before = source.slice(0, offset);
	return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Turns the messages our plugins recorded on a vfile into diagnostics. */
export function diagnosticsFromFile(file: VFile, displayPath: string): Diagnostic[] {
	return file.messages
		.filter((m) => m.source === 'annotated-reader')
		.map((m) =>
			showInvisible({
				severity: m.fatal ? 'error' : 'warning',
				file: displayPath,
				line: m.line ?? 1,
				column: m.column ?? 1,
				rule: m.ruleId ?? 'content',
				message: m.reason,
				hint: m.note,
				...(m.causedBy ? { causedBy: m.causedBy } : {}),
			}),
		);
}

/**
 * Characters an editor cannot see in a terminal or an editor: format characters (zero-width
 * space and joiners, soft hyphen, byte order mark, direction marks), control characters and
 * every space other than the plain one. Tabs and line breaks are left alone.
 */
const INVISIBLE = /(?![\t\n])[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

/** Control characters other than tab and line breaks: not text, and not allowed in XML. */
export const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;

/** True when the text holds a character `showInvisible` would spell out. */
export function hasInvisible(text: string): boolean {
	INVISIBLE.lastIndex = 0;
	return INVISIBLE.test(text);
}

/** Spells out invisible characters as `\u200b` escapes, so that a message shows what is really there. */
export function escapeInvisible(text: string): string {
	return text.replace(INVISIBLE, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** A diagnostic whose message and hint show invisible characters as escapes. */
export function showInvisible(d: Diagnostic): Diagnostic {
	return { ...d, message: escapeInvisible(d.message), ...(d.hint ? { hint: escapeInvisible(d.hint) } : {}) };
}

/** `file:line:column: error: message` and an indented hint, the shape editors and editors' tools expect. */
export function formatDiagnostic(d: Diagnostic): string {
	const head = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`;
	return d.hint ? `${head}\n    fix: ${d.hint}` : head;
}

/** Formats a list of diagnostics, errors first, then by file and position, with a closing count. */
export function formatDiagnostics(list: Diagnostic[]): string {
	const sorted = sortDiagnostics(list);
	const errors = list.filter((d) => d.severity === 'error').length;
	const warnings = list.length - errors;
	const lines = sorted.map(formatDiagnostic);
	lines.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
	return lines.join('\n');
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
	return [...list].sort(
		(a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || Number(!!a.causedBy) - Number(!!b.causedBy) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
	);
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(absolute: string): string {
	const relative = path.relative(process.cwd(), absolute);
	return relative && !relative.startsWith('..') ? relative : absolute;
}

/**
 * The known names closest to a mistyped one, best first: at most three, and only those close
 * enough to be a plausible typo (or that contain the input, for shortened ids).
 */
export function suggest(input: string, known: Iterable<string>, limit = 3): string[] {
	const candidates = [...known];
	if (candidates.length === 0) return [];
	const needle = input.toLowerCase();
	const scored = candidates
		.map((name) => {
			const hay = name.toLowerCase();
			const contains = hay.includes(needle) || needle.includes(hay);
			return { name, score: contains ? Math.min(1, distance(needle, hay)) : distance(needle, hay) };
		})
		.filter(({ name, score }) => score <= Math.max(2, Math.ceil(Math.max(needle.length, name.length) * 0.4)))
		.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
	const picked = scored.slice(0, limit).map((s) => s.name);
	if (picked.length === 0) {
		const nearest = closest(input, candidates);
		return nearest ? [nearest] : [];
	}
	return picked;
}

/** "did you mean `a`, `b` or `c`?" */
export function didYouMean(names: string[], wrap = (n: string) => `\`${n}\``): string {
	if (names.length === 0) return '';
	const wrapped = names.map(wrap);
	const last = wrapped.pop();
	return wrapped.length ? `${wrapped.join(', ')} or ${last}` : `${last}`;
}

/** Thrown when content has errors; its message is the formatted list, never a stack trace. */
export class ContentError extends Error {
	readonly diagnostics: Diagnostic[];
	constructor(diagnostics: Diagnostic[]) {
		super(`The content has errors:\n${formatDiagnostics(diagnostics)}`);
		this.name = 'ContentError';
		this.diagnostics = diagnostics;
		this.stack = this.message;
	}
}
