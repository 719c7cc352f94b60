import { describe, expect, it } from 'vitest';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

describe('diagrams', () => {
  it('render only after scrolling near them, then re-render on theme change', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const mermaidRequests: string[] = [];
    page.on('request', (r) => {
      if (/mermaid/i.test(r.url())) mermaidRequests.push(r.url());
    });
    await page.goto(`${site.server.url}/terms/fastcgi/`, { waitUntil: 'networkidle' });
    const diagram = page.locator('mermaid-diagram').first();
    expect(await diagram.getAttribute('data-state')).toBeNull();
    expect(mermaidRequests).toEqual([]);

    await diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => diagram.getAttribute('data-state'), { timeout: 20_000 }).toBe('rendered');
    expect(await diagram.locator('.diagram-canvas svg').count()).toBe(1);
    expect(await diagram.getAttribute('data-theme')).toBe('dark');
    const svgTitle = await diagram.locator('svg title').first().textContent();
    expect(svgTitle?.trim().length).toBeGreaterThan(3);
    const axe = await axeOn(page).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.evaluate(() => {
      document.documentElement.dataset['theme'] = 'light';
    });
    await expect.poll(() => diagram.getAttribute('data-theme')).toBe('light');
    expect(await diagram.locator('.diagram-canvas svg').count()).toBe(1);
    const axeLight = await axeOn(page).analyze();
    expect(axeLight.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});

describe('term previews', () => {
  const firstTermLink = '.sl-markdown-content a[href^="/terms/"]:not(.related-terms a)';

  it('are laid out the same size whether or not the reader prefers reduced motion', async () => {
    const boxes: string[] = [];
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
      const page = await context.newPage();
      await page.goto(`${site.server.url}/terms/fastcgi/`);
      const diagram = page.locator('mermaid-diagram').first();
      await diagram.scrollIntoViewIfNeeded();
      await expect.poll(() => diagram.getAttribute('data-state'), { timeout: 20_000 }).toBe('rendered');
      boxes.push((await diagram.locator('.diagram-canvas svg').getAttribute('viewBox')) ?? '');
      await context.close();
    }
    expect(boxes[1]).toBe(boxes[0]);
  });

  it('appear on hover with the linked term’s summary', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    const link = page.locator(firstTermLink).first();
    const href = await link.getAttribute('href');
    await link.hover();
    const card = page.locator('#term-preview-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    const json = (await (await fetch(`${site.server.url}/glossary.json`)).json()) as Record<
      string,
      { summary: string }
    >;
    expect(await card.locator('p').innerText()).toBe(json[href ?? '']?.summary);
    expect(await link.getAttribute('aria-describedby')).toBe('term-preview-card');
    await page.mouse.move(0, 0);
    await expect.poll(() => card.isVisible()).toBe(false);
    await context.close();
  });

  it('appear on keyboard focus and close with Escape', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}/zh-cn/terms/wsgi/`);
    const link = page.locator('.sl-markdown-content a[href^="/zh-cn/terms/"]').first();
    await link.focus();
    const card = page.locator('#term-preview-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect((await card.innerText()).length).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.isVisible()).toBe(false);
    await context.close();
  });

  it('open on first tap and follow the link on the second', async () => {
    const context = await site.browser.newContext({
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    const link = page.locator(firstTermLink).first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    const card = page.locator('#term-preview-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/terms/fastcgi/');
    await link.tap();
    await page.waitForURL((url) => url.pathname !== '/terms/fastcgi/');
    await context.close();
  });

  it('are plain links without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    await page.locator(firstTermLink).first().click();
    await page.waitForURL((url) => url.pathname !== '/terms/fastcgi/');
    await context.close();
  });
});
