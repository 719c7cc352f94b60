import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the test setup installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags for headless Chromium as root on a machine without outside network: no sandbox, no calls home. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Launches headless Debian Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
}
