import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer, type StaticServerOptions } from './static-server.ts';

/** The built site served on 127.0.0.1 and a Debian Chromium to visit it, for one test file. */
export interface BuiltSite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** Starts a static server over dist/ and Chromium before a file's tests, and stops both after them. */
export function useBuiltSite(options: StaticServerOptions = {}): BuiltSite {
  const site = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    site.server = await serveStatic('dist', options);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
