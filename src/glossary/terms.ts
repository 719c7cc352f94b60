import { getCollection, type CollectionEntry } from 'astro:content';
import { type Locale, localePrefix } from '../i18n/locale.ts';
import type { TermFields } from './term-fields.ts';
import { parseTermId } from './validate-terms.ts';

/** A term as components use it. */
export interface Term extends TermFields {
  slug: string;
  locale: Locale;
  title: string;
  href: string;
  order: number;
}

/** Narrows a docs entry to a term page. */
export function isTermEntry(entry: CollectionEntry<'docs'>): entry is CollectionEntry<'docs'> & { data: TermFields } {
  return entry.data.type === 'term';
}

let cache: Promise<Term[]> | undefined;

/** Every term of every locale, in reading order; queried once per build. */
export function getAllTerms(): Promise<Term[]> {
  cache ??= getCollection('docs').then((entries: CollectionEntry<'docs'>[]) =>
    entries
      .filter(isTermEntry)
      .flatMap((entry) => {
        const id = parseTermId(entry.id);
        if (!id) return [];
        const term: Term = {
          ...entry.data,
          slug: id.slug,
          locale: id.locale,
          title: entry.data.title,
          href: `${localePrefix(id.locale)}/terms/${id.slug}/`,
          order: entry.data.sidebar.order ?? Number.MAX_SAFE_INTEGER,
        };
        return [term];
      })
      .sort((a: Term, b: Term) => a.order - b.order || a.slug.localeCompare(b.slug)),
  );
  return cache;
}

/** The terms of one locale, in reading order. */
export async function getTerms(locale: Locale): Promise<Term[]> {
  return (await getAllTerms()).filter((t) => t.locale === locale);
}
