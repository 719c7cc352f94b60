import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { builtPages } from '../support/site.ts';

/** The newest axe-core (a direct dependency), not the copy @axe-core/playwright may bundle. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;

describe.concurrent('axe-core finds no violations', () => {
  for (const scheme of SCHEMES) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      it(`on every page, ${scheme} theme, ${name}`, { timeout: 900_000 }, async ({ expect }) => {
        const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const violations: string[] = [];
        for (const path of builtPages()) {
          await page.goto(server.url + path);
          expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme);
          const result = await new AxeBuilder({ page, axeSource }).options({ resultTypes: ['violations'] }).analyze();
          for (const v of result.violations) {
            violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
        expect(violations).toEqual([]);
      });
    }
  }
});
