import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { docsFields } from './glossary/term-fields.ts';
import { formatTermProblems, validateTerms, type TermEntry } from './glossary/validate-terms.ts';

/** Starlight's docs loader, followed by the checks that need every term page at once. */
function glossaryLoader(): Loader {
  const base = docsLoader();
  return {
    name: 'hop-by-hop-glossary-loader',
    async load(context) {
      await base.load(context);
      const terms: TermEntry[] = [];
      for (const entry of context.store.values()) {
        const data = entry.data as { type?: string; title: string; aliases?: string[]; related?: string[] };
        if (data.type !== 'term') continue;
        terms.push({
          id: entry.id,
          filePath: entry.filePath ?? entry.id,
          data: { title: data.title, aliases: data.aliases ?? [], related: data.related ?? [] },
        });
      }
      const problems = validateTerms(terms);
      if (problems.length > 0) {
        throw new Error(`Glossary content has ${problems.length} problem(s):\n${formatTermProblems(problems)}`);
      }
    },
  };
}

export const collections = {
  docs: defineCollection({
    loader: glossaryLoader(),
    schema: docsSchema({ extend: docsFields }),
  }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
