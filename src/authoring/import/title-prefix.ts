import { findOutletMentions, type KnownOutlet } from './outlets.ts';

/** A headline that a republisher seems to have prefixed with its own name ("MESOP WATCH VIDEO : …"). */
export interface TitlePrefix {
	outlet: KnownOutlet;
	/** The prefix, separator included: `MESOP WATCH VIDEO :`. */
	prefix: string;
	/** The headline after it. */
	rest: string;
}

/** A prefix of at most this many words before the separator. */
const PREFIX_WORDS = 5;

/**
 * Finds a glossary outlet's name at the start of a headline, before a colon, a dash or a bar
 * ("MESOP WATCH VIDEO : Kurds seize Jalula…", "Reuters | Floods close…"): reposts often put their
 * name there. The import only reports it; moving it to `republished` is the editor's call.
 */
export function republisherPrefix(title: string, outlets: KnownOutlet[]): TitlePrefix | undefined {
	const match = /^(.{2,60}?)\s*(?::|\||–|—|\s-)\s+(\S.*)$/u.exec(title);
	if (!match || match[1]!.split(/\s+/u).length > PREFIX_WORDS) return undefined;
	const mention = findOutletMentions(match[1]!, outlets)[0];
	if (!mention || mention.index !== 0) return undefined;
	return { outlet: mention.outlet, prefix: title.slice(0, title.length - match[2]!.length).trim(), rest: match[2]! };
}
