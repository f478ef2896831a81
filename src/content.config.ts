import { defineCollection } from 'astro:content';
import { articleLoader, glossaryLoader } from './corpus/loaders.ts';
import { articleSchema } from './schemas/article.ts';
import { glossaryRecordSchema } from './schemas/glossary.ts';

const articles = defineCollection({
	loader: articleLoader(),
	// The store holds an article's front matter: its annotations are in the article store (src/corpus/article-store.ts).
	schema: articleSchema,
});

const glossary = defineCollection({
	loader: glossaryLoader(),
	schema: glossaryRecordSchema,
});

export const collections = { articles, glossary };
