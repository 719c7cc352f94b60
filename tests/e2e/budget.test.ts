import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { readingPages } from '../support/site.ts';
import { measurePage } from '../support/page-weight.ts';

/** Every reading page loads at most this much JavaScript (gzip) before the reader does anything. */
const JS_BUDGET_GZIP = 12 * 1024;
/**
 * The lab page before its first Run: the reading page's share plus the editors, the middleware list and the link
 * reader, and the loading bar and example menu (14,885 B measured in both languages). Python, the simulator and the renderers load on Run.
 */
const LAB_BUDGET_GZIP = 16 * 1024;

const site = useBuiltSite();

describe('JavaScript budget on reading pages', () => {
  it(`stays within ${JS_BUDGET_GZIP} bytes gzip on every page`, { timeout: 600_000 }, async () => {
    const over: string[] = [];
    for (const path of readingPages()) {
      const weight = await measurePage(site.browser, site.server.url, path);
      if (weight.jsGzip > JS_BUDGET_GZIP) {
        over.push(`${path}: ${weight.jsGzip} B — ${weight.scripts.map((s) => `${s.url} ${s.gzip}`).join(', ')}`);
      }
    }
    expect(over).toEqual([]);
  });

  it(`the lab page stays within ${LAB_BUDGET_GZIP} bytes gzip before its first run`, { timeout: 60_000 }, async () => {
    for (const path of ['/lab/', '/zh-cn/lab/']) {
      const weight = await measurePage(site.browser, site.server.url, path);
      expect(weight.scripts.filter((s) => /pyodide|lab-engine|worker/i.test(s.url))).toEqual([]);
      expect(weight.jsGzip, path).toBeLessThanOrEqual(LAB_BUDGET_GZIP);
    }
  });
});
