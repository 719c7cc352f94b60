/** The checks a variable page needs beyond its own frontmatter: its place, its twin, and its claims. */
import { checkClaims, type VariableClaim } from './variable-table.ts';
import type { Locale } from '../i18n/locale.ts';
import { VARIABLE_PAGES, slugOfName } from './variables.ts';
import type { TermProblem } from './validate-terms.ts';

/** One variable page as the checks see it. */
export interface VariableEntry {
  /** The collection id, e.g. "variables/script-name" or "zh-cn/variables/script-name". */
  id: string;
  filePath: string;
  data: { names: string[]; claims: VariableClaim[] };
}

const RE_VARIABLE_ID = /^(?:(zh-cn)\/)?variables\/([^/]+)$/;

/** Splits a docs collection id into locale and variable slug, or returns undefined for other ids. */
export function parseVariableId(id: string): { locale: Locale; slug: string } | undefined {
  const match = RE_VARIABLE_ID.exec(id);
  if (!match?.[2]) return undefined;
  return { locale: match[1] === 'zh-cn' ? 'zh-cn' : 'en', slug: match[2] };
}

/**
 * Every variable page lives in variables/ under the slug of its first name, names what `VARIABLE_PAGES` lists for
 * that slug, has its twin in the other language, and makes only claims the simulator bears out.
 */
export function validateVariablePages(entries: readonly VariableEntry[]): TermProblem[] {
  const problems: TermProblem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const parsed = parseVariableId(entry.id);
    const at = (field: string, message: string) => problems.push({ filePath: entry.filePath, field, message });
    if (!parsed) {
      at('type', 'variable pages must live in variables/ or zh-cn/variables/');
      continue;
    }
    seen.add(`${parsed.locale} ${parsed.slug}`);
    const first = entry.data.names[0] ?? '';
    if (slugOfName(first) !== parsed.slug) {
      at('names', `the page about ${first} must be variables/${slugOfName(first)}.md`);
    }
    const listed = VARIABLE_PAGES.find((page) => page.slug === parsed.slug);
    if (!listed) at('names', `"${parsed.slug}" is missing from VARIABLE_PAGES in src/glossary/variables.ts`);
    else if (listed.names.join(' ') !== entry.data.names.join(' ')) {
      at('names', `must be [${listed.names.join(', ')}], as VARIABLE_PAGES in src/glossary/variables.ts lists them`);
    }
    checkClaims(entry.data.claims, first).forEach((message) => at('claims', message));
  }
  for (const entry of entries) {
    const parsed = parseVariableId(entry.id);
    if (!parsed) continue;
    const other = parsed.locale === 'en' ? 'zh-cn' : 'en';
    if (!seen.has(`${other} ${parsed.slug}`)) {
      problems.push({
        filePath: entry.filePath,
        field: 'type',
        message: `variable page "${parsed.slug}" has no ${other} twin`,
      });
    }
  }
  return problems;
}
