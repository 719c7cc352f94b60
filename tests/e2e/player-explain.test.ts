import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { openPlayerPage } from '../support/player-page.ts';

const site = useBuiltSite();

const open = (path: string): Promise<Page> => openPlayerPage(site, path);

describe('step explanations in the player', () => {
  it('shows the current step’s explanation by default and folds all of them with the Annotations toggle', async () => {
    const page = await open('/pipelines/nginx-fastcgi-flup/#step-2');
    const why = page.locator('#step-2 details.step-explanation');
    expect(await why.isVisible()).toBe(true);
    expect(await why.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await why.locator('summary').textContent()).toBe('Why this hop');
    expect(await why.locator('.step-why').textContent()).toContain('empty PARAMS record');
    const toggle = page.locator('button[data-action="annotations"]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const states = await page.$$eval('details.step-explanation', (all) =>
      all.map((d) => (d as HTMLDetailsElement).open),
    );
    expect(states.length).toBeGreaterThan(1);
    expect(states.every((open) => !open)).toBe(true);
    // A step rendered after a re-trace follows the toggle too.
    await page.selectOption('[data-control="preset"]', 'proxy-header');
    await page.waitForSelector('pipeline-player[data-state="ready"]');
    expect(await page.locator('#step-2 details.step-explanation').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      false,
    );
    await toggle.click();
    expect(await page.locator('#step-2 details.step-explanation').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(
      true,
    );
    expect(await page.locator('#step-2 .step-lessons').textContent()).toContain('HTTP_PROXY');
    await page.context().close();
  });

  it('describes the chosen preset and goes to its step', async () => {
    const page = await open('/zh-cn/pipelines/nginx-fastcgi-flup/');
    const about = page.locator('[data-preset-about="get"]');
    expect(await about.isVisible()).toBe(true);
    await page.selectOption('[data-control="preset"]', 'proxy-header');
    await page.waitForSelector('pipeline-player[data-state="ready"]');
    expect(await about.isVisible()).toBe(false);
    const proxy = page.locator('[data-preset-about="proxy-header"]');
    expect(await proxy.isVisible()).toBe(true);
    expect(await proxy.textContent()).toContain('HTTP_PROXY');
    const go = page.locator('button[data-action="focus"]');
    expect(await go.textContent()).toBe('跳到第 2 步');
    await go.click();
    expect(await page.locator('pipeline-player').getAttribute('data-step')).toBe('2');
    expect(await page.locator('#step-2 details.step-explanation summary').textContent()).toBe('这一跳在做什么');
    expect(await page.locator('#step-2 .step-lessons').textContent()).toContain('httpoxy');
    await page.context().close();
  });

  it('links the narration to the current step’s explanation and opens it', async () => {
    const page = await open('/pipelines/apache-cgi/#step-2');
    await page.click('button[data-action="annotations"]');
    const link = page.locator('a[data-why-link]');
    expect(await link.getAttribute('href')).toBe('#step-2-why');
    await link.click();
    expect(await page.locator('#step-2-why').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest('#step-2-why') !== null)).toBe(true);
    await page.context().close();
  });

  it('shows the explanation of its step in an embedded player', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    const why = page.locator('.embedded-player details.step-explanation');
    expect(await why.count()).toBe(1);
    expect(await why.getAttribute('open')).not.toBeNull();
    expect((await why.textContent())?.length ?? 0).toBeGreaterThan(60);
    await context.close();
  });
});
