import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './dist.ts';

/** The articles the project ships with: what the seed tests test, whatever else an author adds to content/. */
export const SEED_ARTICLES = ['kurds-seize-jalula-to-attack-isis'];

/**
 * The seed edition as a content folder of its own: everything in `content/` (the glossary, the
 * sourcing policy) but the articles other than the seed's, so that an article an author adds there is never built or checked by the
 * project's tests. The folder is named after a hash of what it holds, so test files running in
 * parallel share one copy and a changed glossary makes a new one.
 */
export function seedEdition(content = 'content'): string {
	const seedArticles = new Set(SEED_ARTICLES.map((slug) => `articles/${slug}.md`));
	const files = listFiles(content).filter((file) => !file.startsWith('articles/') || seedArticles.has(file));
	const hash = crypto.createHash('sha1');
	for (const file of files)
		hash
			.update(`${file}\0`)
			.update(fs.readFileSync(path.join(content, file)))
			.update('\0');
	const dir = path.resolve('tests/.output', `seed-edition-${hash.digest('hex').slice(0, 12)}`);
	const done = path.join(dir, 'content');
	if (fs.existsSync(done)) return done;
	// Written aside, then renamed into place: another worker never sees a half copy.
	const partial = `${dir}.partial-${process.pid}-${crypto.randomUUID()}`;
	for (const file of files) {
		fs.mkdirSync(path.dirname(path.join(partial, 'content', file)), { recursive: true });
		fs.copyFileSync(path.join(content, file), path.join(partial, 'content', file));
	}
	try {
		fs.renameSync(partial, dir);
	} catch {
		fs.rmSync(partial, { recursive: true, force: true }); // another worker was first
	}
	return done;
}
