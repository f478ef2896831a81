import type { AstroIntegration } from 'astro';
import type { ContentError } from '../markdown/diagnostics.ts';
import { buildState } from './build-state.ts';

/**
 * Content errors in `astro dev`. The loaders do not stop the dev server on an error in the
 * content (the author is about to fix it): they print it once, keep it here, and every page then
 * throws it (`throwContentErrors`, called by the layout), so the browser shows Astro's error
 * overlay with the formatted `file:line:column` messages instead of the last good page. The
 * integration below also pushes the error to open pages at once, and reloads them when it is fixed.
 *
 * Astro loads the config, the loaders and the pages in separate module graphs, hence state in
 * the build state (build-state.ts) rather than in module variables.
 */
interface DevServer {
	ws: { send(payload: { type: 'error'; err: { name: string; message: string; stack: string } } | { type: 'full-reload'; path?: string }): void };
}

/** What `astro dev` keeps between the loaders, the pages and the integration (in the build state). */
export interface DevErrorsState {
	error?: ContentError;
	server?: DevServer;
}

function state(): DevErrorsState {
	const shared = buildState();
	shared.devErrors ??= {};
	return shared.devErrors;
}

/** Records the content's errors and shows them in the open pages; returns false if these very errors were already recorded. */
export function recordContentErrors(error: ContentError): boolean {
	const current = state();
	if (current.error?.message === error.message) return false;
	current.error = error;
	current.server?.ws.send({ type: 'error', err: { name: error.name, message: error.message, stack: error.message } });
	return true;
}

/** The content has no error (any more): pages render again, and open pages reload if they showed an error. */
export function clearContentErrors(): void {
	const current = state();
	if (!current.error) return;
	current.error = undefined;
	current.server?.ws.send({ type: 'full-reload' });
}

/** Throws the content's errors while there are some (in `astro dev` only: a build stops before any page). */
export function throwContentErrors(): void {
	const { error } = state();
	if (error) throw error;
}

/** Gives the loaders the dev server, so content errors reach the browser without a reload. */
export function contentErrorsInBrowser(): AstroIntegration {
	return {
		name: 'annotated-reader:content-errors',
		hooks: {
			'astro:server:setup': ({ server }) => {
				state().server = server as unknown as DevServer;
			},
		},
	};
}
