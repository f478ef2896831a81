/**
 * The search page's filters: their keys (set on pages by `SearchData.astro`) in the order shown,
 * with their labels. Shared by the page, which renders a closed group for each at build time, and
 * its script, which fills in the values and counts when a group is first opened.
 */
export const FILTER_LABELS: Readonly<Record<string, string>> = {
	type: 'Type',
	year: 'Year',
	person: 'People mentioned',
	place: 'Places mentioned',
	organization: 'Organizations and armed groups mentioned',
	outlet: 'Outlets quoted',
	kind: 'Kind of glossary entry',
};
