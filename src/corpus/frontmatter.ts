import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { CONTROL_CHARACTER, didYouMean, hasInvisible, suggest, type Diagnostic } from '../markdown/diagnostics.ts';
import { isPlaceholder } from '../schemas/placeholder.ts';

/** A Markdown file split into validated frontmatter and body, with positions kept for messages. */
export interface ParsedFile<T> {
	data: T | undefined;
	/** The frontmatter as YAML gave it, before validation (undefined when it could not be parsed). */
	raw?: unknown;
	body: string;
	/** 0-based line of the file on which the body starts (to map body positions back to the file). */
	bodyLineOffset: number;
	/** Number of characters before the body (to map body offsets back to the file). */
	bodyOffset: number;
	diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*\r?\n/;
const CLOSING_FENCE = /^---[ \t]*$/m;

/**
 * Parses the YAML frontmatter of a Markdown file and validates it against a Zod schema.
 * Every problem becomes a diagnostic at the exact line and column of the offending key or value,
 * with the field and what was expected.
 */
export function parseFrontmatter<S extends z.ZodType>(source: string, schema: S, file: string): ParsedFile<z.output<S>> {
	const diagnostics: Diagnostic[] = [];
	// A byte order mark is an editor's way of saying "UTF-8": nothing the author wrote.
	if (source.startsWith('\uFEFF')) source = source.slice(1);
	const fail = (line: number, column: number, rule: string, message: string, hint?: string) => diagnostics.push({ severity: 'error', file, line, column, rule, message, hint });

	const opening = FENCE.exec(source);
	if (!opening) {
		fail(1, 1, 'missing-frontmatter', 'the file has no frontmatter', 'start the file with a line `---`, the YAML fields, and another line `---`');
		return { data: undefined, body: source, bodyLineOffset: 0, bodyOffset: 0, diagnostics };
	}
	const yamlStart = opening[0].length;
	const rest = source.slice(yamlStart);
	const closing = CLOSING_FENCE.exec(rest);
	if (!closing) {
		fail(1, 1, 'unclosed-frontmatter', 'the frontmatter is never closed', 'end the YAML fields with a line holding only `---`');
		return { data: undefined, body: '', bodyLineOffset: 0, bodyOffset: source.length, diagnostics };
	}
	// A copy of the YAML, not a slice of the file: the values YAML gives are slices of the text it
	// reads, and a slice holds the whole string it was cut from, so an article's title would keep its
	// whole file in memory for as long as the site index lists it (some 150 MB at 10,000 articles).
	const yamlText = flatCopy(rest.slice(0, closing.index));
	let bodyOffset = yamlStart + closing.index + closing[0].length;
	if (source[bodyOffset] === '\r') bodyOffset++;
	if (source[bodyOffset] === '\n') bodyOffset++;
	const bodyLineOffset = source.slice(0, bodyOffset).split('\n').length - 1;
	const body = source.slice(bodyOffset);

	const lineCounter = new LineCounter();
	const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
	// The YAML starts on the file's second line.
	const at = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + 1, column: col };
	};
	for (const error of doc.errors) {
		const { line, column } = at(error.pos[0]);
		const what = error.message.split('\n')[0] ?? error.message;
		fail(line, column, 'yaml-syntax', `malformed YAML in the frontmatter: ${what}`, yamlHint(error.code));
	}
	if (diagnostics.length) return { data: undefined, body, bodyLineOffset, bodyOffset, diagnostics };

	const raw: unknown = doc.toJS() ?? {};
	if (typeof raw !== 'object' || Array.isArray(raw)) {
		fail(2, 1, 'frontmatter-shape', 'the frontmatter must be a set of `field: value` lines');
		return { data: undefined, body, bodyLineOffset, bodyOffset, diagnostics };
	}
	for (const { path: keys, node, char } of controlCharacters(doc.contents)) {
		const { line, column } = at(node.range?.[0] ?? 0);
		const code = `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
		fail(
			line,
			column,
			'control-character',
			`field \`${keys.join('.')}\` holds the control character ${code}, which no one can see and which would make the feed invalid`,
			'delete it (in a quoted value, also an escape such as `\\a` or `\\x07`)',
		);
	}
	if (diagnostics.length) return { data: undefined, raw, body, bodyLineOffset, bodyOffset, diagnostics };
	const result = schema.safeParse(raw);
	if (result.success) return { data: result.data, raw, body, bodyLineOffset, bodyOffset, diagnostics };

	for (const issue of result.error.issues) {
		const issuePath = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
		const field = issuePath.join('.') || '(frontmatter)';
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const keyNode = findKey(doc.getIn(issuePath, true), key) ?? findKey(doc.contents, key);
				const { line, column } = keyNode?.range ? at(keyNode.range[0]) : { line: 2, column: 1 };
				const full = [...issuePath, key].join('.');
				fail(line, column, 'unknown-field', `unknown field \`${full}\``, `remove it, or check its spelling against the fields listed in the README`);
			}
			continue;
		}
		const value = getIn(raw, issuePath);
		if (isPlaceholder(value)) {
			const { line, column } = at(nodeAt(doc.contents, issuePath).node?.range?.[0] ?? 0);
			fail(
				line,
				column,
				'placeholder',
				`field \`${field}\` is still a placeholder: “${String(value).trim()}”`,
				`replace it with ${expectation(issue)}: a tool (npm run import) left it for an editor to fill in`,
			);
			continue;
		}
		const missing = value === undefined;
		const anchor = nodeAt(doc.contents, missing ? issuePath.slice(0, -1) : issuePath).node;
		const { line, column } = at(anchor?.range?.[0] ?? 0);
		const wanted = expectation(issue);
		if (missing) {
			fail(line, column, 'missing-field', `missing required field \`${field}\``, `add a line \`${issuePath.at(-1)}: …\` with ${wanted}`);
		} else {
			const near = issue.code === 'invalid_value' ? suggest(String(value), issue.values.map(String)) : [];
			const fix = near.length ? `did you mean ${didYouMean(near)}? Write ${wanted}` : `write ${wanted}`;
			// A value that looks right but holds a character no one can see: say so, and show it.
			const hidden = typeof value === 'string' && hasInvisible(value) ? ` (the value \`${value}\` holds an invisible character)` : '';
			fail(
				line,
				column,
				'invalid-field',
				`field \`${field}\` is invalid: expected ${wanted}${hidden}`,
				hidden ? `delete the invisible character, then ${fix.charAt(0).toLowerCase()}${fix.slice(1)}` : fix,
			);
		}
	}
	return { data: undefined, raw, body, bodyLineOffset, bodyOffset, diagnostics };
}

/** The same text in a string of its own (V8 keeps a slice as a view of the string it was cut from). */
function flatCopy(text: string): string {
	return JSON.parse(JSON.stringify(text)) as string;
}

const TYPE_NOUNS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	array: 'a list, e.g. [a, b]',
	object: 'a set of `field: value` lines',
};

/** What the schema wanted, as a noun phrase an editor can act on. */
function expectation(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type') return TYPE_NOUNS[issue.expected] ?? issue.expected;
	if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
	if (issue.code === 'too_small' && issue.origin === 'string') return 'some text (it is empty)';
	if (issue.code === 'too_big' && issue.origin === 'string') return `at most ${issue.maximum} characters`;
	if (issue.code === 'too_small') return `a value of at least ${String(issue.minimum)}`;
	if (issue.code === 'too_big') return `a value of at most ${String(issue.maximum)}`;
	return issue.message.replace(/^Invalid (input|option|string): /, '');
}

function yamlHint(code: string): string {
	switch (code) {
		case 'DUPLICATE_KEY':
			return 'each field may appear once; remove the repeated key';
		case 'MISSING_CHAR':
			return 'close the quote or bracket that is left open, and check the indentation';
		case 'BAD_INDENT':
			return 'check the indentation and that every `key:` is followed by a space';
		default:
			return 'quote values that contain `:` or `#`, e.g. title: "A: B", and check the indentation';
	}
}

/** Every string value of a YAML tree that holds a control character, with its path. */
function controlCharacters(root: unknown): { path: (string | number)[]; node: YamlNode; char: string }[] {
	const found: { path: (string | number)[]; node: YamlNode; char: string }[] = [];
	const walk = (node: unknown, keys: (string | number)[]) => {
		if (isScalar(node)) {
			const match = typeof node.value === 'string' ? CONTROL_CHARACTER.exec(node.value) : null;
			if (match) found.push({ path: keys, node, char: match[0] });
		} else if (isMap(node)) {
			for (const pair of node.items) if (isPair(pair)) walk(pair.value, [...keys, isScalar(pair.key) ? String(pair.key.value) : '?']);
		} else if (isSeq(node)) {
			node.items.forEach((item, i) => walk(item, [...keys, i]));
		}
	};
	walk(root, []);
	return found;
}

function getIn(value: unknown, keys: (string | number)[]): unknown {
	let current = value;
	for (const key of keys) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[key];
	}
	return current;
}

function findKey(node: unknown, key: string): YamlNode | undefined {
	if (!isMap(node)) return undefined;
	for (const item of node.items) {
		if (isPair(item) && isScalar(item.key) && item.key.value === key) return item.key;
	}
	return undefined;
}

/** The deepest YAML node that exists along a path, so messages point as close as possible. */
export function nodeAt(root: unknown, keys: (string | number)[]): { node: YamlNode | undefined } {
	let current: unknown = root;
	let last: YamlNode | undefined = isNode(root) ? root : undefined;
	for (const key of keys) {
		let next: unknown;
		if (isMap(current)) {
			const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
			next = pair && isPair(pair) ? (pair.value ?? pair.key) : undefined;
		} else if (isSeq(current) && typeof key === 'number') {
			next = current.items[key];
		}
		if (!isNode(next)) break;
		last = next;
		current = next;
	}
	return { node: last };
}
