import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { searchPaths } from '../support/search.ts';

const site = useBuiltSite();

/** Query, the page it is typed on, and a term page that must be among the results. */
const CASES: [query: string, from: string, expected: string][] = [
  ['fastcgi', '/', '/terms/fastcgi/'],
  ['fcgi', '/terms/cgi/', '/terms/fastcgi/'],
  ['mod_wsgi daemon', '/', '/terms/mod-wsgi/'],
  ['mod-wsgi', '/glossary/', '/terms/mod-wsgi/'],
  ['flup', '/', '/terms/flup/'],
  ['werkzeug', '/zh-cn/', '/zh-cn/terms/werkzeug/'],
  ['PEP 3333', '/', '/terms/wsgi/'],
  ['网关', '/', '/zh-cn/terms/cgi/'],
  ['Web服务器网关接口', '/terms/cgi/', '/zh-cn/terms/wsgi/'],
  ['中间件', '/', '/zh-cn/terms/wsgi-middleware/'],
  ['守护进程', '/terms/wsgi/', '/zh-cn/terms/mod-wsgi/'],
  ['快速通用网关接口', '/zh-cn/', '/zh-cn/terms/fastcgi/'],
  ['servlet', '/zh-cn/terms/cgi/', '/zh-cn/terms/servlet-container/'],
  ['php-fpm', '/zh-cn/', '/zh-cn/terms/php-fpm/'],
];

describe('search', () => {
  it('loads nothing until it is opened', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${site.server.url}/terms/cgi/`, { waitUntil: 'networkidle' });
    expect(requested.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.keyboard.press('Control+k');
    await expect.poll(() => requested.filter((u) => u.includes('/pagefind/')).length).toBeGreaterThan(0);
    await context.close();
  });

  for (const [query, from, expected] of CASES) {
    it(`finds ${expected} for “${query}” from ${from}`, async () => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      await page.goto(site.server.url + from);
      const paths = await searchPaths(page, query);
      expect(paths.map((p) => p.replace(/#.*$/, ''))).toContain(expected);
      await context.close();
    });
  }

  it('is driven by the keyboard: arrows move, Enter opens, Esc closes', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    await searchPaths(page, 'lighttpd');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? '');
    expect(focused).toContain('/terms/');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('site-search dialog').isVisible()).toBe(false);
    await searchPaths(page, 'lighttpd');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/terms\//);
    await context.close();
  });

  it('shows sub-headings of a page in its result', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    await searchPaths(page, 'misconceptions');
    expect(await page.locator('.search-results ul a').count()).toBeGreaterThan(0);
    await context.close();
  });

  for (const [path, note] of [
    ['/terms/cgi/', 'Search needs JavaScript'],
    ['/zh-cn/terms/cgi/', '搜索需要启用 JavaScript'],
  ] as const) {
    it(`without JavaScript says on ${path} that search needs it, instead of a button that does nothing`, async () => {
      const context = await site.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      expect(await page.locator('site-search button[data-open]').isVisible()).toBe(false);
      expect(await page.locator('site-search .search-nojs').isVisible()).toBe(true);
      expect((await page.locator('site-search .search-nojs').innerText()).trim()).toBe(note);
      expect(await page.getByRole('button', { name: /^(Search|搜索)/ }).count()).toBe(0);
      await context.close();
    });

    it(`with JavaScript shows the working button on ${path} and no note`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      expect(await page.locator('site-search .search-nojs').count()).toBe(0);
      const button = page.locator('site-search button[data-open]');
      expect(await button.isVisible()).toBe(true);
      await button.click();
      expect(await page.locator('site-search dialog').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('hbh-search-input');
      await context.close();
    });
  }
});
