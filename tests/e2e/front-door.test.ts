import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { runPipeline } from '../../src/sim/index.ts';
import { findPreset } from '../../src/player/presets.ts';

/**
 * The home page is the way in: its small trace plays once and leads into the player, and on a phone the menu with
 * the language and theme switches is there on every page kind, the home page included.
 */
const site = useBuiltSite();

/** The home page traces a form POST through nginx-fastcgi-flup (FrontDoor.astro): one step per hop. */
const STEPS = runPipeline('nginx-fastcgi-flup', new TextEncoder().encode(findPreset('form-post')?.raw ?? '')).hops
  .length;

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const LANGS = [
  { prefix: '', lang: 'en', watch: 'Watch a request travel' },
  { prefix: '/zh-cn', lang: 'zh-cn', watch: '逐跳观看请求' },
] as const;

const states = (page: Page): Promise<(string | undefined)[]> =>
  page.$$eval('.front-door-step', (steps) => steps.map((step) => (step as HTMLElement).dataset['state']));

describe('the home page front door', () => {
  for (const viewport of VIEWPORTS) {
    for (const { prefix, lang, watch } of LANGS) {
      it(`plays its trace once and opens the player (${lang}, ${viewport.width} px)`, async () => {
        const context = await site.browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${site.server.url}${prefix}/`);
        const door = page.locator('front-door');
        expect(STEPS).toBeGreaterThan(2);
        expect(await page.locator('.front-door-step').count()).toBe(STEPS);
        await door.locator('.front-door-step').first().scrollIntoViewIfNeeded();
        // Step 2 comes while step 1 is past: the trace really advances.
        await expect
          .poll(() => states(page), { timeout: 15_000 })
          .toEqual(['past', 'current', ...Array<string>(STEPS - 2).fill('future')]);
        await expect.poll(() => door.getAttribute('data-played'), { timeout: 20_000, interval: 250 }).toBe('');
        expect(await states(page)).toEqual([...Array<string>(STEPS - 1).fill('past'), 'current']);
        expect(await door.getAttribute('data-playing')).toBeNull();
        await expect.poll(() => door.locator('.front-door-replay').isVisible()).toBe(true);

        await door.getByRole('link', { name: watch }).click();
        await page.waitForURL(`**${prefix}/pipelines/nginx-fastcgi-flup/?req=form-post#step-1`);
        await page.waitForSelector('pipeline-player[data-state="ready"]', { timeout: 30_000 });
        expect(await page.locator('pipeline-player').getAttribute('data-step')).toBe('1');
        expect(await page.locator('pipeline-player textarea').first().inputValue()).toContain(
          'POST /app/login HTTP/1.1',
        );
        await context.close();
      });
    }
  }

  it('stays still under prefers-reduced-motion, every step readable', async () => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS[0], reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    await page.locator('.front-door-step').first().scrollIntoViewIfNeeded();
    // Once the element is defined, an observer it set up reports at the next rendering update, and play() marks the
    // first step 'current' at once: two frames after the step is in view, a trace that was to play has started.
    await page.evaluate(async () => {
      await customElements.whenDefined('front-door');
      for (let frame = 0; frame < 2; frame++) await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    });
    expect(await states(page)).toEqual(Array(STEPS).fill(undefined));
    expect(await page.locator('front-door').getAttribute('data-playing')).toBeNull();
    const opacities = await page.$$eval('.front-door-step', (steps) => steps.map((s) => getComputedStyle(s).opacity));
    expect(opacities).toEqual(Array(STEPS).fill('1'));
    await context.close();
  });

  it('is in the page without JavaScript: every step and the links', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/zh-cn/`);
    expect(await page.locator('.front-door-step').count()).toBe(STEPS);
    const hrefs = await page
      .locator('.front-door-actions a')
      .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(hrefs).toEqual([
      '/zh-cn/pipelines/nginx-fastcgi-flup/?req=form-post#step-1',
      '/zh-cn/pipelines/',
      '/zh-cn/process-model/',
    ]);
    await context.close();
  });
});

describe('on a phone, every page kind has its menu, language and theme', () => {
  const PAGES = [
    '/',
    '/zh-cn/',
    '/terms/fastcgi/',
    '/pipelines/',
    '/pipelines/nginx-fastcgi-flup/',
    '/zh-cn/process-model/',
    '/404.html',
  ];
  it.each(PAGES)('%s', async (path) => {
    const context = await site.browser.newContext({ viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`);
    const toggle = page.locator('button.sl-menu-button');
    expect(await toggle.isVisible()).toBe(true);
    await toggle.click();
    const menu = page.locator('#starlight__sidebar');
    await expect.poll(() => menu.locator('starlight-lang-select select').isVisible()).toBe(true);
    expect(await menu.locator('starlight-theme-select select').isVisible()).toBe(true);
    await context.close();
  });
});
