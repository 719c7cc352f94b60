import { describe, expect, it } from 'vitest';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { searchPaths } from '../support/search.ts';
import { builtPages } from '../support/site.ts';
import { VARIABLE_PAGES } from '../../src/glossary/variables.ts';
import { VARIABLE_PIPELINES } from '../../src/glossary/variable-table.ts';

const site = useBuiltSite();

describe('variable pages', () => {
  it('exist in both languages for every entry of VARIABLE_PAGES', () => {
    const pages = builtPages();
    for (const { slug } of VARIABLE_PAGES) {
      expect(pages).toContain(`/variables/${slug}/`);
      expect(pages).toContain(`/zh-cn/variables/${slug}/`);
    }
  });

  it('show the generated table: a caption, column and row headers, a row per pipeline, no script', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/zh-cn/variables/path-info/`);
    const table = page.locator('.variable-table').first();
    await expect.poll(() => table.locator('caption').innerText()).toContain('PATH_INFO');
    // A column for the pipeline, then one per request the page traces (listed under the tables).
    const requests = await page.locator('.variable-requests dt').count();
    expect(requests).toBeGreaterThan(0);
    expect(await table.locator('thead th[scope="col"]').count()).toBe(1 + requests);
    expect(VARIABLE_PIPELINES.length).toBeGreaterThan(0);
    expect(
      await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-pipeline'))),
    ).toEqual(VARIABLE_PIPELINES);
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(VARIABLE_PIPELINES.length);
    const row = table.locator('tr[data-pipeline="apache-cgi"] td');
    expect(await row.nth(1).innerText()).toBe('被拒绝：404');
    const region = page.locator('.variable-scroll').first();
    expect(await region.getAttribute('role')).toBe('region');
    expect(await region.getAttribute('aria-label')).toContain('PATH_INFO');
    expect(await page.locator('.variable-claims li').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('do not scroll sideways at 390 px and are axe-clean in both themes', async () => {
    const problems: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
      const page = await context.newPage();
      for (const path of [
        '/variables/http-headers/',
        '/zh-cn/variables/wsgi-version/',
        '/variables/script-filename/',
      ]) {
        await page.goto(site.server.url + path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) problems.push(`${path}: page is ${width} px wide`);
        const result = await axeOn(page).analyze();
        for (const v of result.violations) problems.push(`${path} ${colorScheme}: ${v.id} ${v.nodes.length}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('are found by search under the variable name', { timeout: 120_000 }, async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const missing: string[] = [];
    const cases: [string, string][] = [
      ['SCRIPT_NAME', '/variables/script-name/'],
      ['PATH_INFO', '/variables/path-info/'],
      ['wsgi.input', '/variables/wsgi-input/'],
      ['wsgi.url_scheme', '/variables/wsgi-url-scheme/'],
      ['REDIRECT_STATUS', '/variables/redirect-status/'],
      ['HTTP_PROXY', '/variables/http-headers/'],
      ['wsgi.run_once', '/variables/wsgi-version/'],
    ];
    for (const [query, expected] of cases) {
      await page.goto(`${site.server.url}/`);
      const paths = await searchPaths(page, query);
      if (!paths.includes(expected)) missing.push(`${query}: ${paths.slice(0, 5).join(' ')}`);
    }
    await page.goto(`${site.server.url}/zh-cn/`);
    const zh = await searchPaths(page, 'QUERY_STRING');
    if (!zh.includes('/zh-cn/variables/query-string/')) missing.push(`zh QUERY_STRING: ${zh.slice(0, 5).join(' ')}`);
    await context.close();
    expect(missing).toEqual([]);
  });
});
