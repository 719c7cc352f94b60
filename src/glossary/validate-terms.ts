import { type Locale, LOCALES } from '../i18n/locale.ts';
/** One term page as the cross-page checks see it. */
export interface TermEntry {
  /** The collection id, e.g. "terms/cgi" or "zh-cn/terms/cgi". */
  id: string;
  /** The file the entry came from, relative to the project root. */
  filePath: string;
  /** Parsed frontmatter. */
  data: { title: string; aliases: string[]; related: string[] };
}

/** A problem found across pages, located by file and field. */
export interface TermProblem {
  filePath: string;
  field: string;
  message: string;
}

/** The locales the glossary is written in; the default locale has no id prefix. */

const RE_TERM_ID = /^(?:(zh-cn)\/)?terms\/([^/]+)$/;

/** Splits a docs collection id into locale and term slug, or returns undefined for non-term ids. */
export function parseTermId(id: string): { locale: Locale; slug: string } | undefined {
  const match = RE_TERM_ID.exec(id);
  if (!match?.[2]) return undefined;
  return { locale: match[1] === 'zh-cn' ? 'zh-cn' : 'en', slug: match[2] };
}

const fold = (s: string) =>
  s
    .trim()
    .toLocaleLowerCase('en')
    .replace(/[\s_-]+/g, ' ');

/**
 * Checks the rules that need every term at once: each related slug exists, each term has its
 * twin in the other language, and no alias names two terms of one language (or another term's title).
 */
export function validateTerms(entries: readonly TermEntry[]): TermProblem[] {
  const problems: TermProblem[] = [];
  const byLocale = new Map<Locale, Map<string, TermEntry>>(LOCALES.map((l) => [l, new Map()]));
  for (const entry of entries) {
    const parsed = parseTermId(entry.id);
    if (!parsed) {
      problems.push({
        filePath: entry.filePath,
        field: 'type',
        message: 'term pages must live in terms/ or zh-cn/terms/',
      });
      continue;
    }
    byLocale.get(parsed.locale)?.set(parsed.slug, entry);
  }

  for (const [locale, terms] of byLocale) {
    const other: Locale = locale === 'en' ? 'zh-cn' : 'en';
    const twins = byLocale.get(other) ?? new Map<string, TermEntry>();
    const names = new Map<string, { slug: string; what: string }>();
    for (const [slug, entry] of terms) names.set(fold(entry.data.title), { slug, what: 'title' });

    for (const [slug, entry] of terms) {
      if (!twins.has(slug)) {
        const expected =
          other === 'en' ? `src/content/docs/terms/${slug}.md` : `src/content/docs/zh-cn/terms/${slug}.md`;
        problems.push({
          filePath: entry.filePath,
          field: 'type',
          message: `term "${slug}" has no ${other} twin (expected ${expected})`,
        });
      }
      entry.data.related.forEach((rel, i) => {
        if (rel === slug) {
          problems.push({
            filePath: entry.filePath,
            field: `related[${i}]`,
            message: `a term cannot be related to itself ("${rel}")`,
          });
        } else if (!terms.has(rel)) {
          problems.push({
            filePath: entry.filePath,
            field: `related[${i}]`,
            message: `unknown term "${rel}"; known terms: ${[...terms.keys()].sort().join(', ')}`,
          });
        }
      });
      entry.data.aliases.forEach((alias, i) => {
        const key = fold(alias);
        const seen = names.get(key);
        if (seen && seen.slug !== slug) {
          problems.push({
            filePath: entry.filePath,
            field: `aliases[${i}]`,
            message: `alias "${alias}" is already the ${seen.what} of term "${seen.slug}"`,
          });
        } else if (!seen) {
          names.set(key, { slug, what: 'alias' });
        }
      });
    }
  }
  return problems;
}

/** Formats problems as one readable block, one located line each. */
export function formatTermProblems(problems: readonly TermProblem[]): string {
  return problems.map((p) => `${p.filePath}: ${p.field}: ${p.message}`).join('\n');
}
