import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { SOURCE_STANDINGS, sourcePolicySchema, type SourcePolicy, type SourceStanding } from '../schemas/source-policy.ts';
import { displayPath, type Diagnostic } from '../markdown/diagnostics.ts';
import type { GlossaryEntry } from './glossary.ts';

/** The file of a content folder that holds its sourcing policy. */
export const POLICY_FILE = 'sources.yml';

/** A loaded policy, with where it came from for messages. */
export interface LoadedPolicy {
	policy: SourcePolicy;
	/** Display path of the policy file. */
	file: string;
}

/**
 * Reads `<root>/sources.yml`. Without the file there is no policy (and no sourcing check); a file
 * that is malformed or breaks the schema gives errors at the offending line.
 */
export function loadSourcePolicy(root: string): { policy?: LoadedPolicy; diagnostics: Diagnostic[] } {
	const absolute = path.join(root, POLICY_FILE);
	if (!fs.existsSync(absolute)) return { diagnostics: [] };
	const file = displayPath(absolute);
	const text = fs.readFileSync(absolute, 'utf8');
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const at = (offset: number | undefined) => {
		const { line, col } = lineCounter.linePos(offset ?? 0);
		return { line, column: col };
	};
	const diagnostics: Diagnostic[] = [];
	const error = (offset: number | undefined, rule: string, message: string, hint: string) => diagnostics.push({ severity: 'error', file, ...at(offset), rule, message, hint });
	for (const e of doc.errors) error(e.pos[0], 'policy-yaml', `malformed YAML in the sourcing policy: ${e.message.split('\n')[0]}`, 'check the indentation, and quote reasons that contain `: ` or `#`');
	if (diagnostics.length) return { diagnostics };

	const result = sourcePolicySchema.safeParse(doc.toJS() ?? {});
	if (!result.success) {
		for (const issue of result.error.issues) {
			const keys = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
			const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
			const field = keys.join('.') || '(top level)';
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys)
					error(keyOffset(doc, [...keys, key]), 'policy-field', `unknown field \`${key}\` in the sourcing policy`, 'the fields are `exempt`, `preferred`, `accepted` and `refused`');
			} else if (issue.code === 'invalid_key') {
				error(
					keyOffset(doc, keys),
					'policy-domain',
					`\`${String(keys.at(-1))}\` in \`${keys.slice(0, -1).join('.')}\` is not a domain name`,
					'write the bare domain in lower case, such as `reuters.com` (no https://, no path)',
				);
			} else {
				error(node?.range?.[0], 'policy-field', `\`${field}\` in the sourcing policy is invalid: ${issue.message}`, 'see the README, "Sourcing policy"');
			}
		}
		return { diagnostics };
	}
	// A domain has one standing.
	const seen = new Map<string, SourceStanding>();
	for (const standing of SOURCE_STANDINGS) {
		for (const domain of Object.keys(result.data[standing])) {
			const first = seen.get(domain);
			if (first) error(keyOffset(doc, [standing, domain]), 'policy-duplicate', `\`${domain}\` is listed under both \`${first}\` and \`${standing}\``, 'keep it in one list');
			else seen.set(domain, standing);
		}
	}
	return diagnostics.length ? { diagnostics } : { policy: { policy: result.data, file }, diagnostics };
}

/** The offset of a mapping key, for messages about the key itself. */
function keyOffset(doc: ReturnType<typeof parseDocument>, keys: (string | number)[]): number | undefined {
	const parent = doc.getIn(keys.slice(0, -1), true);
	if (!isMap(parent)) return undefined;
	const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === keys.at(-1));
	return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
}

/** How the policy ranks an address: by the most specific listed domain that covers its host. */
export function standingOf(url: string, policy: SourcePolicy): { standing: SourceStanding | 'unknown'; domain: string; reason?: string } {
	const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
	const labels = host.split('.');
	for (let i = 0; i < labels.length - 1; i++) {
		const candidate = labels.slice(i).join('.');
		for (const standing of SOURCE_STANDINGS) {
			const reason = policy[standing][candidate];
			if (reason !== undefined) return { standing, domain: candidate, reason };
		}
	}
	return { standing: 'unknown', domain: host.replace(/^www\./, '') };
}

/**
 * The sourcing check of the glossary: an error for a refused domain, and warnings for a domain
 * the policy does not know, a source given as a bare address, and an entry (of a type that is
 * not exempt) that cites nothing.
 */
export function checkSources(entries: Iterable<GlossaryEntry>, { policy, file: policyFile }: LoadedPolicy): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	for (const entry of entries) {
		let positions: SourcePositions | undefined;
		const place = (index?: number) => (positions ??= sourcePositions(entry.file))(index);
		const report = (severity: Diagnostic['severity'], index: number | undefined, rule: string, message: string, hint: string) =>
			diagnostics.push({ severity, file: entry.file, ...place(index), rule, message, hint });
		if (entry.sources.length === 0) {
			if (!policy.exempt.includes(entry.type)) {
				report(
					'warning',
					undefined,
					'missing-source',
					`glossary entry \`${entry.id}\` cites no source`,
					`add \`sources:\` with at least one \`{ title, publisher, date, url }\` from a wire service, a major newspaper, a reference work or an official site (or make the type \`${entry.type}\` exempt in ${policyFile})`,
				);
			}
			continue;
		}
		entry.sources.forEach((source, index) => {
			const url = typeof source === 'string' ? source : source.url;
			const { standing, domain, reason } = standingOf(url, policy);
			if (standing === 'refused') {
				report(
					'error',
					index,
					'refused-source',
					`\`${domain}\` is refused by the sourcing policy: ${reason}`,
					`cite the page it copies, or a wire service, major newspaper, reference work or official site that states the fact (see ${policyFile})`,
				);
			} else if (standing === 'unknown') {
				report(
					'warning',
					index,
					'unknown-source',
					`\`${domain}\` is not in the sourcing policy`,
					`if it is a credible, specific source, add \`${domain}: <why>\` under \`accepted:\` or \`preferred:\` in ${policyFile}; if not, cite one that is`,
				);
			}
			if (typeof source === 'string') {
				report('warning', index, 'bare-source', 'this source is only an address', `write it as \`{ title: …, publisher: …, date: YYYY-MM-DD, url: ${url} }\``);
			}
		});
	}
	return diagnostics;
}

/** Where in an entry's file its `index`th source (its address) is, or its `sources` field. */
type SourcePositions = (index?: number) => { line: number; column: number };

function sourcePositions(file: string): SourcePositions {
	const start = { line: 1, column: 1 };
	let text: string;
	try {
		text = fs.readFileSync(path.resolve(file), 'utf8');
	} catch {
		return () => start;
	}
	const opening = /^---[ \t]*\r?\n/.exec(text);
	if (!opening) return () => start;
	const rest = text.slice(opening[0].length);
	const closing = /^---[ \t]*$/m.exec(rest);
	const lineCounter = new LineCounter();
	const doc = parseDocument(closing ? rest.slice(0, closing.index) : rest, { lineCounter });
	const at = (offset: number) => {
		const { line, col } = lineCounter.linePos(offset);
		return { line: line + 1, column: col };
	};
	const sources = doc.get('sources', true);
	return (index) => {
		if (index === undefined || !isSeq(sources)) {
			const key = isMap(doc.contents) ? doc.contents.items.find((item) => (item.key as { value?: unknown } | null)?.value === 'sources')?.key : undefined;
			const range = (key as { range?: [number, number, number] } | undefined)?.range;
			return range ? at(range[0]) : start;
		}
		const item = sources.items[index];
		const node = isMap(item) ? (item.get('url', true) ?? item) : item;
		const range = (node as { range?: [number, number, number] } | undefined)?.range;
		return range ? at(range[0]) : start;
	};
}
