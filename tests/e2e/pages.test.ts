import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { builtPages } from '../support/site.ts';

const site = useBuiltSite();

describe('every page renders', () => {
  const pages = builtPages();

  it('covers both languages and every term', () => {
    expect(pages.filter((p) => p.startsWith('/terms/')).length).toBeGreaterThanOrEqual(22);
    expect(pages.filter((p) => p.startsWith('/zh-cn/terms/')).length).toBe(
      pages.filter((p) => p.startsWith('/terms/')).length,
    );
  });

  it('with one h1, the right lang and a title', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of pages) {
      await page.goto(site.server.url + path);
      const lang = await page.locator('html').getAttribute('lang');
      const h1 = await page.locator('h1').allInnerTexts();
      const title = await page.title();
      const expected = path.startsWith('/zh-cn/') ? 'zh-CN' : 'en';
      if (lang !== expected) problems.push(`${path}: lang=${lang}, expected ${expected}`);
      if (h1.length !== 1 || !h1[0]?.trim()) problems.push(`${path}: ${h1.length} h1 elements`);
      if (!title.trim()) problems.push(`${path}: empty <title>`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('term pages put the definition first and carry hreflang alternates', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    const summary = await page.locator('[data-term-summary]').innerText();
    expect(summary.length).toBeGreaterThan(40);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).toBe(summary.trim());
    const hreflangs = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) =>
        links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href') ?? '').pathname}`),
      );
    expect(hreflangs).toEqual(expect.arrayContaining(['en /terms/fastcgi/', 'zh-CN /zh-cn/terms/fastcgi/']));
    await context.close();
  });

  it('the language switch keeps the reader on the same term', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/wsgi/`);
    await page.locator('starlight-lang-select select').first().selectOption({ label: '简体中文' });
    await page.waitForURL('**/zh-cn/terms/wsgi/');
    expect(new URL(page.url()).pathname).toBe('/zh-cn/terms/wsgi/');
    await context.close();
  });

  it('without JavaScript a diagram shows its text description', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/cgi/`);
    const description = page.locator('mermaid-diagram .diagram-description').first();
    await expect.poll(() => description.isVisible()).toBe(true);
    expect((await description.innerText()).length).toBeGreaterThan(30);
    await context.close();
  });

  it('serves a 404 page in each language', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${site.server.url}/no-such-term/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/not found/i);
    await page.goto(`${site.server.url}/zh-cn/404/`);
    expect(await page.locator('h1').innerText()).toContain('页面不存在');
    await context.close();
  });
});
