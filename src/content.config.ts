import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleLoader, glossaryLoader } from './corpus/loaders.ts';
import { articleSchema } from './schemas/article.ts';
import { glossaryEntrySchema } from './schemas/glossary.ts';

const annotationsSchema = z.object({
	mentions: z.array(z.object({ entity: z.string(), label: z.string(), anchor: z.string(), sentence: z.string() })),
	quotes: z.array(z.looseObject({ id: z.string(), outlet: z.string() })),
	editorial: z.array(z.looseObject({ kind: z.string(), text: z.string() })),
});

const articles = defineCollection({
	loader: articleLoader(),
	schema: articleSchema.extend({ annotations: annotationsSchema }),
});

const glossary = defineCollection({
	loader: glossaryLoader(),
	schema: glossaryEntrySchema.and(z.object({ file: z.string() })),
});

export const collections = { articles, glossary };
