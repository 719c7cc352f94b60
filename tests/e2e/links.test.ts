import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, builtPages, readPage } from '../support/site.ts';

const RE_HREF = /\s(?:href|src)="([^"]+)"/g;
const RE_ID = /\sid="([^"]+)"/g;

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');

/** The file a site-internal path resolves to, or undefined. */
function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname);
  const candidates = clean.endsWith('/')
    ? [join(DIST, clean, 'index.html')]
    : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c));
}

describe('internal links and anchors in dist/', () => {
  const pages = builtPages();
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    let set = ids.get(page);
    if (!set) {
      set = new Set([...readPage(page).matchAll(RE_ID)].map((m) => decode(m[1] ?? '')));
      ids.set(page, set);
    }
    return set;
  };

  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it('every internal link and #anchor resolves', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const match of readPage(page).matchAll(RE_HREF)) {
        const href = decode(match[1] ?? '');
        if (/^(?:[a-z]+:)?\/\//i.test(href) || /^(?:mailto|data|javascript):/i.test(href)) continue;
        const url = new URL(href, `http://site${page}`);
        checked += 1;
        const file = fileFor(url.pathname);
        if (!file) {
          broken.push(`${page} → ${href} (no such file)`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        // The lab reads its fragment as state (`#pipeline=…&req=…`, `#code=…`), not as an element's id.
        const labState = /^(\/zh-cn)?\/lab\/$/.test(url.pathname) && /^(pipeline|code)=/.test(anchor);
        if (anchor && !labState && file.endsWith('.html')) {
          const target = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
          if (!idsOf(url.pathname.endsWith('.html') ? url.pathname : target).has(anchor)) {
            broken.push(`${page} → ${href} (no id "${anchor}")`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });
});
