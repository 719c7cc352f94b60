import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { docsFields } from './glossary/term-fields.ts';
import { validateVariablePages, type VariableEntry } from './glossary/validate-variables.ts';
import { formatTermProblems, validateTerms, type TermEntry } from './glossary/validate-terms.ts';

/** Starlight's docs loader, followed by the checks that need every term page at once. */
function glossaryLoader(): Loader {
  const base = docsLoader();
  return {
    name: 'hop-by-hop-glossary-loader',
    async load(context) {
      // Starlight's loader only logs a page that fails to render (a diagram without accTitle, an unknown
      // ```pipeline id, …) and keeps it with no body; the build must stop instead.
      const renderErrors: string[] = [];
      const logger = Object.create(context.logger) as typeof context.logger;
      logger.error = (message: string) => {
        renderErrors.push(message);
        context.logger.error(message);
      };
      await base.load({ ...context, logger });
      for (const entry of context.store.values()) {
        if (entry.filePath?.endsWith('.md') && !entry.rendered && !entry.deferredRender) {
          renderErrors.push(`${entry.filePath} has no rendered body`);
          // Forget it, or the content cache would serve the empty page on the next build.
          context.store.delete(entry.id);
        }
      }
      if (renderErrors.length > 0) {
        throw new Error(`Markdown could not be rendered:\n${[...new Set(renderErrors)].join('\n')}`);
      }
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
      const variables: VariableEntry[] = [];
      for (const entry of context.store.values()) {
        const data = entry.data as VariableEntry['data'] & { type?: string };
        if (data.type === 'variable') variables.push({ id: entry.id, filePath: entry.filePath ?? entry.id, data });
      }
      const problems = [...validateTerms(terms), ...validateVariablePages(variables)];
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
