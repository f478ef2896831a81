/**
 * Placeholders: the visible "to do" text that tools (`npm run import`) leave where only an editor
 * can decide, e.g. `summary: "TODO: one line …"` or `how="TODO: …"`. The content check refuses
 * to publish any of them, so a draft can never go out half-finished.
 */

/** The word every placeholder starts with. */
export const PLACEHOLDER_PREFIX = 'TODO:';

const PLACEHOLDER = /^\s*TODO:/;

/** True when a value is still a tool's placeholder. */
export function isPlaceholder(value: unknown): boolean {
	return typeof value === 'string' && PLACEHOLDER.test(value);
}

/** A placeholder with what the editor has to write, e.g. `TODO: the author's name`. */
export function placeholder(what: string): string {
	return `${PLACEHOLDER_PREFIX} ${what}`;
}
