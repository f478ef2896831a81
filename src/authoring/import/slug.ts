import path from 'node:path';
import { slugify } from '../../slug.ts';
import { ImportError } from './errors.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Long headlines make long addresses: cut at a word, near this many characters. */
const SLUG_MAX = 60;

/**
 * The article's slug (its file name and address): the one asked for, checked; or one made
 * from the title ("Kurds seize Jalula…" → `kurds-seize-jalula-…`), else from the file name.
 */
export function articleSlug(requested: string | undefined, title: string | undefined, file: string): string {
	if (requested !== undefined) {
		if (!SLUG.test(requested)) throw new ImportError(`--slug ${requested} cannot be an article address: use lower-case letters, digits and hyphens, e.g. --slug ${slugify(requested) || 'my-article'}`);
		return requested;
	}
	// "Iraq’s parliament" → `iraqs-parliament`, not `iraq-s-parliament`.
	const words = (text: string) => slugify(text.replace(/(\p{L})['’](\p{L})/gu, '$1$2'));
	let slug = words(title ?? '') || words(path.basename(file, path.extname(file)));
	if (slug.length > SLUG_MAX) slug = slug.slice(0, SLUG_MAX + 1).replace(/-[^-]*$/, '');
	if (!slug) throw new ImportError(`cannot make an address from the title of ${file}: give one with --slug`);
	return slug;
}
