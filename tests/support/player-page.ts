import type { Page } from 'playwright-core';
import type { BuiltSite } from './built-site.ts';

/**
 * Opens a page of the built site at 1280×800 in a fresh context, once its player has started (and, with `ready`,
 * finished tracing the link's request); any page error fails the test.
 */
export async function openPlayerPage(site: BuiltSite, path: string, { ready = false } = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(site.server.url + path);
  await page.waitForSelector('pipeline-player[data-enhanced="true"]');
  if (ready) await page.waitForSelector('pipeline-player[data-state="ready"]');
  return page;
}
