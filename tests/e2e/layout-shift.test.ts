import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';

/**
 * Nothing moves once a page has painted: the pipeline chart is drawn at build time, and what only works with
 * JavaScript is laid out from the first paint (data-js on <html>). Measured as the browser's own layout-shift
 * entries (the Cumulative Layout Shift that Lighthouse reports) up to the page's network going idle.
 */
const site = useBuiltSite();

const PAGES = [
  '/',
  '/zh-cn/',
  '/pipelines/nginx-fastcgi-flup/',
  '/zh-cn/pipelines/apache-cgi/',
  '/pipelines/apache-modwsgi-daemon/',
  '/terms/fastcgi/',
  '/zh-cn/terms/mod-wsgi/',
  '/process-model/',
  // The lab's panel with Run, its menus and buttons: laid out before its script starts.
  '/lab/',
  '/zh-cn/lab/',
];
const VIEWPORTS = [
  { width: 412, height: 823 },
  { width: 1280, height: 800 },
] as const;
const BUDGET = 0.02;

describe('layout shift while a page loads', () => {
  for (const viewport of VIEWPORTS) {
    it(`stays within ${BUDGET} at ${viewport.width} px`, async () => {
      const context = await site.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) shifts.push(entry.value);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const over: string[] = [];
      for (const path of PAGES) {
        await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
        // Two frames after idle: any shift the last script caused has been recorded.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const total = await page.evaluate(() =>
          (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0),
        );
        if (total > BUDGET) over.push(`${path}: ${total.toFixed(3)}`);
      }
      await context.close();
      expect(over).toEqual([]);
    });
  }
});
