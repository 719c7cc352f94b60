import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the test setup installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Debian Chromium with the flags this machine needs (no network calls home). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
