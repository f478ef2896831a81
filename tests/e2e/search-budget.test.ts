/**
 * What search costs a reader on the seed site (issue 16), measured with the bench's helpers in
 * Chromium with an empty cache, response bodies gzipped as a compressing host sends them. Bytes
 * and requests are deterministic for a given build.
 *
 * The header box searches its own small index (`pagefind/header/`: articles, and glossary entries
 * by their names) with Pagefind's script from the full bundle, and fetches at most three results:
 * the 90 KB and 8 requests from focusing the box to the first results. The search page
 * opened with `?q=` searches the full index within the 120 KB, and does not shift its
 * layout as results arrive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSite, type SiteBuild } from '../helpers/build.ts';
import { measureSearch, measureSearchPage } from '../../bench/lib/search-bytes.ts';

const HEADER_BYTES = 90 * 1024;
const HEADER_REQUESTS = 8;
const SEARCH_PAGE_BYTES = 120 * 1024;

describe('search budgets on the seed site', () => {
	let site: SiteBuild;
	beforeAll(async () => {
		site = await seedSite('/');
	});

	// "Maliki" lists three glossary entries; "Baghdad" lists the article too, the heaviest result.
	it.each(['Maliki', 'Baghdad'])(`first search in the header box ("%s"): at most ${HEADER_BYTES} bytes and ${HEADER_REQUESTS} requests, only the box's index and three results`, async (query) => {
		const { first } = await measureSearch(site.dir, '/', [query, 'border']);
		const detail = JSON.stringify(first);
		expect(first.results, detail).toBe(3);
		expect(first.pagefindGzipBytes, detail).toBeLessThanOrEqual(HEADER_BYTES);
		expect(first.requests, detail).toBeLessThanOrEqual(HEADER_REQUESTS);
		// Pagefind's script from the full bundle; everything else from the box's own.
		expect(
			first.files.filter((f) => !f.startsWith('/pagefind/header/')),
			detail,
		).toEqual(['/pagefind/pagefind.js']);
		expect(first.byKind.filter ?? 0, detail).toBe(0);
		// One fragment per result listed, and no more.
		expect(first.files.filter((f) => f.endsWith('.pf_fragment')).length, detail).toBe(first.results);
	});

	it(`search page opened with ?q=: at most ${SEARCH_PAGE_BYTES} bytes, the full index only, no filter data, no layout shift`, async () => {
		const measured = await measureSearchPage(site.dir, '/', 'Maliki');
		const detail = JSON.stringify(measured);
		expect(measured.results).toBeGreaterThan(0);
		expect(measured.gzipBytes, detail).toBeLessThanOrEqual(SEARCH_PAGE_BYTES);
		expect(
			measured.files.some((f) => f.path.endsWith('.pf_filter') || f.path.endsWith('pagefind-worker.js') || f.path.startsWith('/pagefind/header/')),
			detail,
		).toBe(false);
		expect(measured.layoutShift, detail).toBeLessThan(0.01);
	});
});
