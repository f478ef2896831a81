import { defineCollection } from 'astro:content';
import { articleLoader, glossaryLoader } from './corpus/loaders.ts';
import { articleRecordSchema } from './schemas/article.ts';
import { glossaryRecordSchema } from './schemas/glossary.ts';

const articles = defineCollection({
	loader: articleLoader(),
	schema: articleRecordSchema,
});

const glossary = defineCollection({
	loader: glossaryLoader(),
	schema: glossaryRecordSchema,
});

export const collections = { articles, glossary };
