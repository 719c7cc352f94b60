import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** What a page loaded before the reader did anything. */
export interface PageWeight {
  path: string;
  /** Gzip bytes of JavaScript loaded. */
  jsGzip: number;
  /** Gzip bytes of every response (HTML, CSS, JS, fonts, images, JSON). */
  totalGzip: number;
  /** The JavaScript files, with their gzip sizes. */
  scripts: { url: string; gzip: number }[];
}

/**
 * Opens a page at 1280×800 without scrolling, waits for the network and the main thread to go
 * idle, and sums the gzip size of what it loaded (the static server sends files uncompressed).
 */
export async function measurePage(browser: Browser, origin: string, path: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: PageWeight = { path, jsGzip: 0, totalGzip: 0, scripts: [] };
  page.on('response', (response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          const gzip = gzipSync(body).length;
          weight.totalGzip += gzip;
          const isJs = response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(response.url());
          if (isJs) {
            weight.jsGzip += gzip;
            weight.scripts.push({ url: response.url().replace(origin, ''), gzip });
          }
        })
        .catch(() => undefined),
    );
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 2000 })));
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  await context.close();
  return weight;
}
