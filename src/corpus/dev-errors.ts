import type { AstroIntegration } from 'astro';
import type { ContentError } from '../markdown/diagnostics.ts';
import { buildState } from './build-state.ts';

/**
 * Content errors in `astro dev`. The loaders do not stop the dev server on an error in the
 * content (the author is about to fix it): they print it once and keep it here. The integration
 * below pushes it to the browser as Vite's error overlay (to the open pages at once, and to every
 * page that connects while it lasts), and the layout renders the messages instead of the last good
 * page (`contentErrorsNow`). Pages do not throw it: Astro would print it again for every request.
 * Open pages reload when the error is fixed.
 *
 * Astro loads the config, the loaders and the pages in separate module graphs, hence state in
 * the build state (build-state.ts) rather than in module variables.
 */
interface DevServer {
	ws: {
		send(payload: { type: 'error'; err: { name: string; message: string; stack: string } } | { type: 'full-reload'; path?: string }): void;
		on(event: 'connection', listener: () => void): void;
	};
}

/** Vite's error-overlay message for the content's errors. */
function overlayPayload(error: ContentError) {
	return { type: 'error' as const, err: { name: error.name, message: error.message, stack: error.message } };
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
	current.server?.ws.send(overlayPayload(error));
	return true;
}

/** The content has no error (any more): pages render again, and open pages reload if they showed an error. */
export function clearContentErrors(): void {
	const current = state();
	if (!current.error) return;
	current.error = undefined;
	current.server?.ws.send({ type: 'full-reload' });
}

/** The content's errors while there are some (in `astro dev` only: a build stops before any page). */
export function contentErrorsNow(): ContentError | undefined {
	return state().error;
}

/** Gives the loaders the dev server, so content errors reach the browser without a reload. */
export function contentErrorsInBrowser(): AstroIntegration {
	return {
		name: 'annotated-reader:content-errors',
		hooks: {
			'astro:server:setup': ({ server }) => {
				const devServer = server as unknown as DevServer;
				state().server = devServer;
				// A page loaded while the content has errors gets the overlay as soon as it connects.
				devServer.ws.on('connection', () => {
					const { error } = state();
					if (error) devServer.ws.send(overlayPayload(error));
				});
			},
		},
	};
}
