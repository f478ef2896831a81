/**
 * Which stretches of a text occur in it only once, answered in constant time after one
 * O(n log n) pass: a suffix array (prefix doubling with counting sorts) and its LCP array
 * (Kasai et al.). Quote selectors use it to find how much context makes a span unique; asking
 * `indexOf` over the whole text for each span instead made that quadratic in the article's size.
 */

/** The start of every suffix of `symbols`, in sorted order. */
export function suffixArray(symbols: ArrayLike<number>): Int32Array {
	const n = symbols.length;
	const sa = new Int32Array(n);
	if (n === 0) return sa;
	let rank = new Int32Array(n);
	let next = new Int32Array(n);
	const order = new Int32Array(n);
	// Ranks of single symbols: their order among the distinct symbols.
	const alphabet = [...new Set(Array.from(symbols))].sort((a, b) => a - b);
	const symbolRank = new Map(alphabet.map((s, i) => [s, i]));
	for (let i = 0; i < n; i++) rank[i] = symbolRank.get(symbols[i]!)!;
	let classes = alphabet.length;
	let count = new Int32Array(Math.max(classes, 1));
	for (let i = 0; i < n; i++) count[rank[i]!]!++;
	for (let c = 1; c < classes; c++) count[c]! += count[c - 1]!;
	for (let i = n - 1; i >= 0; i--) sa[--count[rank[i]!]!] = i;
	for (let k = 1; classes < n; k *= 2) {
		// Order by the rank of the second half (suffixes too short to have one come first), then
		// by the rank of the first half with a stable counting sort.
		let p = 0;
		for (let i = n - k; i < n; i++) order[p++] = i;
		for (let j = 0; j < n; j++) if (sa[j]! >= k) order[p++] = sa[j]! - k;
		if (count.length < classes) count = new Int32Array(classes);
		count.fill(0, 0, classes);
		for (let i = 0; i < n; i++) count[rank[i]!]!++;
		for (let c = 1; c < classes; c++) count[c]! += count[c - 1]!;
		for (let j = n - 1; j >= 0; j--) sa[--count[rank[order[j]!]!]!] = order[j]!;
		next[sa[0]!] = 0;
		classes = 1;
		for (let j = 1; j < n; j++) {
			const a = sa[j - 1]!;
			const b = sa[j]!;
			const same = rank[a] === rank[b] && (a + k < n ? rank[a + k]! : -1) === (b + k < n ? rank[b + k]! : -1);
			next[b] = same ? classes - 1 : classes++;
		}
		[rank, next] = [next, rank];
	}
	return sa;
}

/**
 * For a text, tells whether the stretch of `length` symbols starting at `start` occurs nowhere
 * else in it.
 */
export class RepeatIndex {
	/** Position of each suffix in the suffix array. */
	private readonly rank: Int32Array;
	/** `lcp[r]`: length of the longest common prefix of the suffixes at `r - 1` and `r` (0 at both ends). */
	private readonly lcp: Int32Array;

	constructor(symbols: ArrayLike<number>) {
		const n = symbols.length;
		const sa = suffixArray(symbols);
		this.rank = new Int32Array(n);
		for (let r = 0; r < n; r++) this.rank[sa[r]!] = r;
		this.lcp = new Int32Array(n + 1);
		// Kasai: the common prefix shrinks by at most one from one suffix to the next in the text.
		let h = 0;
		for (let i = 0; i < n; i++) {
			const r = this.rank[i]!;
			if (r === 0) {
				h = 0;
				continue;
			}
			const j = sa[r - 1]!;
			while (i + h < n && j + h < n && symbols[i + h] === symbols[j + h]) h++;
			this.lcp[r] = h;
			if (h > 0) h--;
		}
	}

	/** True when `symbols[start, start + length)` occurs once in the text. */
	isUnique(start: number, length: number): boolean {
		const r = this.rank[start]!;
		return this.lcp[r]! < length && this.lcp[r + 1]! < length;
	}
}
