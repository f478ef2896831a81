export { formatDate } from '../markdown/text.ts';

/** "1 mention", "3 mentions". */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** Degrees with hemisphere letters: 34.14° N, 45.13° E. */
export function formatCoordinates(lat: number, lon: number): string {
	const ns = `${Math.abs(lat).toFixed(2)}° ${lat >= 0 ? 'N' : 'S'}`;
	const ew = `${Math.abs(lon).toFixed(2)}° ${lon >= 0 ? 'E' : 'W'}`;
	return `${ns}, ${ew}`;
}
