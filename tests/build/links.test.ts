/**
 * Link integrity: builds the seed site at a domain's root and under /reader/, serves each with the
 * plain static server (no rewrites, like GitHub Pages or S3), and follows every href, src, srcset,
 * form action, CSS url(), sitemap <loc> and feed link. Every internal address must answer 200
 * without a redirect, every #fragment must name an element of its target page, and nothing may
 * load from another host.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { SITE_URL, seedSite, type SiteBuild } from '../helpers/build.ts';
import { htmlPages, listFiles, pagePath } from '../helpers/dist.ts';
import { findAll } from '../helpers/html.ts';

const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'cite'] as const;

interface Reference {
	from: string;
	tag: string;
	attribute: string;
	url: URL;
	/** A fragment-only reference (`#main`): it names an element of the page it is on. */
	sameDocument?: boolean;
}

for (const base of ['/', '/reader/'] as const) {
	describe(`every link of the seed site built under ${base}`, () => {
		let site: SiteBuild;
		let server: { url: string; close(): Promise<void> };
		let origin: string;
		const responses = new Map<string, Promise<{ status: number; body: string; location: string | null }>>();
		const get = (url: string) => {
			if (!responses.has(url)) {
				responses.set(
					url,
					fetch(url, { redirect: 'manual' }).then(async (r) => ({ status: r.status, body: await r.text(), location: r.headers.get('location') })),
				);
			}
			return responses.get(url)!;
		};
		const ids = new Map<string, Set<string>>();
		const idsOf = async (url: string) => {
			if (!ids.has(url)) {
				const tree = fromHtml((await get(url)).body);
				ids.set(
					url,
					new Set(findAll(tree, (el) => el.properties.id !== undefined || (el.tagName === 'a' && el.properties.name !== undefined)).map((el) => String(el.properties.id ?? el.properties.name))),
				);
			}
			return ids.get(url)!;
		};

		/** Every URL a page refers to, resolved against the address it is served at. */
		const referencesOf = (file: string, servedAt: string): Reference[] => {
			const tree = fromHtml(fs.readFileSync(path.join(site.dir, file), 'utf8'));
			const refs: Reference[] = [];
			for (const el of findAll(tree, () => true)) {
				const props = el.properties as Record<string, unknown>;
				for (const attribute of URL_ATTRIBUTES) {
					const value = props[attribute];
					if (typeof value === 'string') refs.push({ from: file, tag: el.tagName, attribute, url: new URL(value, servedAt), sameDocument: value.startsWith('#') });
				}
				if (typeof props.srcSet === 'string') {
					for (const candidate of props.srcSet.split(',')) refs.push({ from: file, tag: el.tagName, attribute: 'srcset', url: new URL(candidate.trim().split(/\s+/)[0]!, servedAt) });
				}
				if (el.tagName === 'meta' && (props.property === 'og:url' || props.property === 'og:image') && typeof props.content === 'string') {
					refs.push({ from: file, tag: 'meta', attribute: String(props.property), url: new URL(props.content) });
				}
			}
			return refs;
		};

		beforeAll(async () => {
			site = await seedSite(base);
			server = await startStaticServer({ dir: site.dir, base });
			origin = new URL(server.url).origin;
		});
		afterAll(async () => {
			await server?.close();
		});

		/** Follows a reference that stays on the site; returns a problem, or undefined when it resolves. */
		const check = async (ref: Reference): Promise<string | undefined> => {
			const where = `${ref.from}: <${ref.tag} ${ref.attribute}="${ref.url.href}">`;
			if (ref.sameDocument) {
				const tree = fromHtml(fs.readFileSync(path.join(site.dir, ref.from), 'utf8'));
				const id = decodeURIComponent(ref.url.hash.slice(1));
				return findAll(tree, (el) => el.properties.id === id).length ? undefined : `${where}: no element has id "${id}"`;
			}
			let url = ref.url;
			if (url.origin === SITE_URL) url = new URL(url.pathname + url.search + url.hash, origin);
			if (url.origin !== origin) return `${where} leaves the site`;
			const target = url.origin + url.pathname + url.search;
			const response = await get(target);
			if (response.status !== 200) return `${where} answers ${response.status}${response.location ? ` → ${response.location}` : ''}`;
			if (url.hash) {
				const id = decodeURIComponent(url.hash.slice(1));
				if (!(await idsOf(target)).has(id)) return `${where}: no element has id "${id}"`;
			}
			return undefined;
		};

		it('resolves every href, src and action of every page, fragments included', async () => {
			const pages = htmlPages(site.dir);
			expect(pages.length).toBeGreaterThan(60);
			const problems: string[] = [];
			let followed = 0;
			for (const file of pages) {
				// The 404 page is served at any missing address, so its links must work from deep ones.
				const servedAt = file === '404.html' ? `${server.url}no/such/page/` : `${server.url}${pagePath(file)}`;
				for (const ref of referencesOf(file, servedAt)) {
					const external = ref.url.origin !== origin && ref.url.origin !== SITE_URL;
					if (external) {
						// Another host: only as a link the reader chooses to follow, never as a resource.
						if (ref.tag !== 'a' && ref.attribute !== 'cite') problems.push(`${file}: <${ref.tag} ${ref.attribute}> loads ${ref.url.href} from another host`);
						else if (!/^https?:$/.test(ref.url.protocol)) problems.push(`${file}: ${ref.url.href} is not an http(s) link`);
						continue;
					}
					followed++;
					const problem = await check(ref);
					if (problem) problems.push(problem);
				}
			}
			expect(problems).toEqual([]);
			expect(followed).toBeGreaterThan(1000);
		});

		it('has external links that open no window into the site (rel=noopener)', () => {
			const problems: string[] = [];
			for (const file of htmlPages(site.dir)) {
				const tree = fromHtml(fs.readFileSync(path.join(site.dir, file), 'utf8'));
				const external = findAll(tree, (el: Element) => el.tagName === 'a' && /^https?:/.test(String(el.properties.href ?? '')) && !String(el.properties.href).startsWith(SITE_URL));
				for (const link of external) {
					const rel = (link.properties.rel as string[] | undefined) ?? [];
					if (!rel.includes('noopener')) problems.push(`${file}: ${String(link.properties.href)} has rel="${rel.join(' ')}"`);
				}
			}
			expect(problems).toEqual([]);
		});

		it('resolves every url() in the stylesheets', async () => {
			const sheets = listFiles(site.dir).filter((f) => f.endsWith('.css') && !f.startsWith('pagefind/'));
			expect(sheets.length).toBeGreaterThan(0);
			const problems: string[] = [];
			for (const sheet of sheets) {
				const css = fs.readFileSync(path.join(site.dir, sheet), 'utf8');
				for (const [, raw] of css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) {
					if (raw!.startsWith('data:') || raw!.startsWith('#')) continue;
					const problem = await check({ from: sheet, tag: 'css', attribute: 'url', url: new URL(raw!, `${server.url}${sheet}`) });
					if (problem) problems.push(problem);
				}
			}
			expect(problems).toEqual([]);
		});

		it('lists every page in the sitemap, robots.txt and the feed with absolute SITE_URL addresses that resolve', async () => {
			// @astrojs/sitemap writes an index of sitemaps; the pages are in the sitemaps it lists.
			const index = fs.readFileSync(path.join(site.dir, 'sitemap-index.xml'), 'utf8');
			const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
			expect(sitemaps.length).toBeGreaterThan(0);
			const locs = sitemaps.flatMap((url) => {
				expect(url.startsWith(`${SITE_URL}${base}`)).toBe(true);
				const sitemap = fs.readFileSync(path.join(site.dir, url.slice(`${SITE_URL}${base}`.length)), 'utf8');
				return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
			});
			const pages = htmlPages(site.dir).filter((f) => f !== '404.html');
			expect(new Set(locs)).toEqual(new Set(pages.map((f) => `${SITE_URL}${base}${pagePath(f)}`)));
			const robots = fs.readFileSync(path.join(site.dir, 'robots.txt'), 'utf8');
			expect(robots).toContain(`Sitemap: ${SITE_URL}${base}sitemap-index.xml`);
			const feed = fs.readFileSync(path.join(site.dir, 'feed.xml'), 'utf8');
			const feedLinks = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
			expect(feedLinks).toContain(`${SITE_URL}${base}feed.xml`);
			expect(feedLinks).toContain(`${SITE_URL}${base}articles/kurds-seize-jalula-to-attack-isis/`);
			const problems: string[] = [];
			for (const href of [...locs, ...feedLinks]) {
				const problem = await check({ from: 'sitemap/feed', tag: 'loc', attribute: 'href', url: new URL(href) });
				if (problem) problems.push(problem);
			}
			expect(problems).toEqual([]);
		});

		it('serves the 404 page, with a 404 status, for a missing address', async () => {
			const response = await fetch(`${server.url}no/such/page/`);
			expect(response.status).toBe(404);
			expect(await response.text()).toContain('Page not found');
		});
	});
}
