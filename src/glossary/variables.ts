/**
 * The variable pages (`/variables/<slug>/`, `/zh-cn/variables/<slug>/`): which CGI/WSGI names each one explains.
 * This table is the one list the player links variable names from; `tests/unit/glossary/variables.test.ts` checks
 * it against the content files (`src/content/docs/variables/*.md` and their Chinese twins), name for name.
 *
 * Kept free of runtime imports (the Locale type is erased) so the player bundle can carry it.
 */

import { localePath, type Locale } from '../i18n/locale.ts';

/** One variable page: its slug and the names it explains (the first one gives the slug). */
export interface VariablePage {
  slug: string;
  names: readonly string[];
}

/** The name that stands for every request header variable (`HTTP_HOST`, `HTTP_USER_AGENT`, …). */
export const HTTP_HEADERS = 'HTTP_*';

/** Every variable page, in the order the sidebar lists them. */
export const VARIABLE_PAGES: readonly VariablePage[] = [
  { slug: 'request-method', names: ['REQUEST_METHOD'] },
  { slug: 'request-uri', names: ['REQUEST_URI'] },
  { slug: 'script-name', names: ['SCRIPT_NAME'] },
  { slug: 'path-info', names: ['PATH_INFO'] },
  { slug: 'path-translated', names: ['PATH_TRANSLATED'] },
  { slug: 'query-string', names: ['QUERY_STRING'] },
  { slug: 'content-length', names: ['CONTENT_LENGTH'] },
  { slug: 'content-type', names: ['CONTENT_TYPE'] },
  { slug: 'server-name', names: ['SERVER_NAME', 'SERVER_PORT'] },
  { slug: 'remote-addr', names: ['REMOTE_ADDR'] },
  { slug: 'http-headers', names: [HTTP_HEADERS] },
  { slug: 'redirect-status', names: ['REDIRECT_STATUS'] },
  { slug: 'script-filename', names: ['SCRIPT_FILENAME', 'DOCUMENT_ROOT'] },
  { slug: 'wsgi-input', names: ['wsgi.input'] },
  { slug: 'wsgi-url-scheme', names: ['wsgi.url_scheme'] },
  { slug: 'wsgi-errors', names: ['wsgi.errors'] },
  {
    slug: 'wsgi-version',
    names: [
      'wsgi.version',
      'wsgi.multithread',
      'wsgi.multiprocess',
      'wsgi.run_once',
      'wsgi.file_wrapper',
      'wsgi.input_terminated',
    ],
  },
];

/** The slug a page about this name has: lowercase, `_` and `.` become `-`; `HTTP_*` is `http-headers`. */
export function slugOfName(name: string): string {
  if (name === HTTP_HEADERS) return 'http-headers';
  return name.toLowerCase().replace(/[_.]+/g, '-');
}

const BY_NAME: ReadonlyMap<string, string> = new Map(
  VARIABLE_PAGES.flatMap((page) => page.names.map((name) => [name, page.slug] as const)),
);

/** The slug of the page that explains a variable, or undefined when it has none. */
export function variableSlug(name: string): string | undefined {
  const own = BY_NAME.get(name);
  if (own) return own;
  // Every header variable is explained on the HTTP_* page (CONTENT_TYPE and CONTENT_LENGTH have their own).
  return /^HTTP_[A-Z0-9_]+$/.test(name) ? BY_NAME.get(HTTP_HEADERS) : undefined;
}

/** The URL of a variable's page in a language, or undefined when it has none. */
export function variableHref(name: string, lang: Locale): string | undefined {
  const slug = variableSlug(name);
  if (!slug) return undefined;
  return localePath(lang, `/variables/${slug}/`);
}
