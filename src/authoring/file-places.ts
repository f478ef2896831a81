import { lastAtOrBefore } from '../markdown/text.ts';

/** Turns offsets into 1-based lines and columns, for messages that point into a file. */
export function placeFinder(text: string): (offset: number) => { line: number; column: number } {
	const starts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return (offset) => {
		const line = lastAtOrBefore(starts, offset);
		return { line: line + 1, column: offset - starts[line]! + 1 };
	};
}
