/**
 * The one kind of failure the import command reports as a single line (`error: …`) with exit
 * code 1: bad input, a refused overwrite, words lost. Anything else is a bug and keeps its stack.
 */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}
