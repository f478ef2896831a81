/**
 * On a page opened from a search result, marks the matched words (they arrive in the
 * `pagefind-highlight` query parameter) with Pagefind's own highlighter, loaded from the site's
 * base path only when the parameter is there, and brings the first one into view.
 */
import { HIGHLIGHT_PARAM, routes } from './search-core.ts';

declare class PagefindHighlight {
	constructor(options: { highlightParam: string; addStyles?: boolean });
}

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM) && document.querySelector('[data-pagefind-body]')) {
	void import(/* @vite-ignore */ routes.pagefind('pagefind-highlight.js')).then(() => {
		// Its default context is `[data-pagefind-body]` minus `[data-pagefind-ignore]`: the indexed text.
		new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
		if (!location.hash) document.querySelector('mark.pagefind-highlight')?.scrollIntoView({ block: 'center' });
	});
}
