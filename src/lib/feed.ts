/**
 * The Atom feed of the articles (`feed.xml`). The XML is written by xmlbuilder2, which escapes
 * every value and drops characters XML does not allow, so no escaping here is ours.
 */
import { create } from 'xmlbuilder2';
import { absoluteUrl } from '../routes.ts';
import { SITE_NAME, type SiteAddress } from './seo.ts';
import type { ListedArticle } from './site.ts';

/**
 * How many articles the feed lists: the newest ones. Readers poll a feed for what is new, so it
 * need not grow with the archive (every article listed made it 5.7 MB at 10,000 articles); the
 * sitemap and the home page list them all.
 */
export const FEED_ARTICLES = 50;

/** A feed timestamp for a YYYY-MM-DD date: midnight UTC, so two builds of the same content agree. */
const atomDate = (date: string) => `${date}T00:00:00Z`;

/**
 * The Atom feed of the newest `FEED_ARTICLES` of `articles` (newest first, by publication date),
 * with absolute addresses on the site's origin.
 */
export function atomFeed(articles: readonly ListedArticle[], { routes, origin }: SiteAddress): string {
	// Newest first by date, then by id, so the same content always gives the same feed.
	const newest = [...articles].sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id)).slice(0, FEED_ARTICLES);
	const home = absoluteUrl(routes.home, origin);
	const feed = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: '' }).ele('http://www.w3.org/2005/Atom', 'feed');
	feed.ele('id').txt(home);
	feed.ele('title').txt(SITE_NAME);
	feed.ele('link', { rel: 'alternate', type: 'text/html', href: home });
	feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(routes.feed, origin) });
	// The newest article's date, not the build time: the feed only changes when the articles do.
	feed.ele('updated').txt(atomDate(newest[0]?.data.published ?? '1970-01-01'));
	for (const article of newest) {
		const { data } = article;
		const url = absoluteUrl(routes.article(article.id), origin);
		const entry = feed.ele('entry');
		entry.ele('id').txt(url);
		entry.ele('title').txt(data.title);
		entry.ele('link', { rel: 'alternate', type: 'text/html', href: url });
		entry.ele('published').txt(atomDate(data.published));
		entry.ele('updated').txt(atomDate(data.published));
		entry.ele('author').ele('name').txt(data.author);
		entry.ele('summary').txt(data.summary);
	}
	return `${feed.end({ prettyPrint: true, indent: '\t' })}\n`;
}
