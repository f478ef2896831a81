/**
 * The Atom feed of the articles (`feed.xml`). The XML is written by xmlbuilder2, which escapes
 * every value and drops characters XML does not allow, so no escaping here is ours.
 */
import { create } from 'xmlbuilder2';
import { absoluteUrl } from '../routes.ts';
import { SITE_NAME, type SiteAddress } from './seo.ts';
import type { ArticleEntry } from './site.ts';

/** A feed timestamp for a YYYY-MM-DD date: midnight UTC, so two builds of the same content agree. */
const atomDate = (date: string) => `${date}T00:00:00Z`;

/** The Atom feed of `articles` (newest first), with absolute addresses on the site's origin. */
export function atomFeed(articles: readonly ArticleEntry[], { routes, origin }: SiteAddress): string {
	const home = absoluteUrl(routes.home, origin);
	const feed = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: '' }).ele('http://www.w3.org/2005/Atom', 'feed');
	feed.ele('id').txt(home);
	feed.ele('title').txt(SITE_NAME);
	feed.ele('link', { rel: 'alternate', type: 'text/html', href: home });
	feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: absoluteUrl(routes.feed, origin) });
	// The newest article's date, not the build time: the feed only changes when the articles do.
	feed.ele('updated').txt(
		atomDate(
			articles
				.map((a) => a.data.published)
				.sort()
				.at(-1) ?? '1970-01-01',
		),
	);
	for (const article of articles) {
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
