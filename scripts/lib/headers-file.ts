import fs from 'node:fs';

/** One block of a `_headers` file: a path pattern and the headers it adds. */
export interface HeaderRule {
	pattern: string;
	matches: RegExp;
	headers: [name: string, value: string][];
}

/**
 * Parses a `_headers` file as Netlify and Cloudflare Pages read it: a line that starts at the
 * left margin is a path pattern (`/*`, `/_astro/*`, `/articles/:slug/`), the indented
 * `Name: value` lines under it are the headers for the paths it matches; `#` starts a comment.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const pattern = line.trim();
			rules.push({ pattern, matches: patternToRegExp(pattern), headers: [] });
			continue;
		}
		const colon = line.indexOf(':');
		const rule = rules.at(-1);
		if (!rule || colon < 0) continue;
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/** `*` matches anything (slashes included), `:name` one path segment; the rest literally. */
function patternToRegExp(pattern: string): RegExp {
	const source = pattern
		.split(/(\*|:[A-Za-z]\w*)/)
		.map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`);
}

/**
 * The headers the rules give a path (relative to the site's root, starting with `/`): every
 * matching block in order; a header set by two blocks gets both values joined by a comma, as
 * both hosts do.
 */
export function headersForPath(rules: HeaderRule[], urlPath: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const rule of rules) {
		if (!rule.matches.test(urlPath)) continue;
		for (const [name, value] of rule.headers) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
	}
	return headers;
}

/** The rules of a `_headers` file, or none when there is no such file. */
export function readHeadersFile(file: string): HeaderRule[] {
	try {
		return parseHeadersFile(fs.readFileSync(file, 'utf8'));
	} catch {
		return [];
	}
}
