import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site folder. */
export const DIST = 'dist';

/** Every built HTML page as a URL path ("/terms/cgi/"), excluding Pagefind's own files. */
export function builtPages(root = DIST): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(path);
      } else if (entry.name.endsWith('.html')) {
        const rel = relative(root, path).split(sep).join('/');
        pages.push('/' + rel.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(root);
  return pages.sort();
}

/** The pages that run code: the pipeline players and the WSGI lab. */
const APPLICATION_PAGE = /^(\/zh-cn)?\/(pipelines|lab)\//;

/** Pages a reader reads (terms, indexes, home): everything except the 404 pages, the pipeline players and the lab. */
export function readingPages(root = DIST): string[] {
  return builtPages(root).filter((p) => !/(^|\/)404(\.html|\/)$/.test(p) && !APPLICATION_PAGE.test(p));
}

/** Reads a built page's HTML by its URL path. */
export function readPage(path: string, root = DIST): string {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return readFileSync(join(root, file), 'utf8');
}
