import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

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

/** Player states to check: a path and what to do once it has loaded. */
const STATES: { name: string; path: string; act?: (page: Page) => Promise<void> }[] = [
  { name: 'first step', path: '/pipelines/nginx-fastcgi-flup/' },
  {
    name: 'FastCGI records with annotations',
    path: '/pipelines/nginx-fastcgi-flup/#step-2',
    act: async (page) => page.click('button[data-action="annotations"]'),
  },
  {
    name: 'playing',
    path: '/zh-cn/pipelines/apache-cgi/#step-2',
    act: async (page) => page.click('button[data-action="play"]'),
  },
  {
    name: 'editor with an error',
    path: '/pipelines/apache-modwsgi-daemon/',
    act: async (page) => {
      await page.click('.player-editor summary');
      await page.fill('[data-control="editor"]', 'GET /app/ HTTP/1.1\nBroken header\n\n');
      await page.waitForFunction(() => document.querySelector('[data-editor-error]')?.textContent !== '');
    },
  },
  { name: 'comparison', path: '/pipelines/apache-cgi/?req=form-post&vs=wsgiref#step-3' },
  { name: 'embedded on a term page', path: '/terms/flup/' },
];

describe('axe-core finds no violations in the player', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in several player states, ${scheme} theme`, { timeout: 300_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      const violations: string[] = [];
      for (const state of STATES) {
        await page.goto(server.url + state.path);
        await page.locator('hbh-player hbh-diagram').scrollIntoViewIfNeeded();
        await page.waitForSelector('hbh-player[data-enhanced="true"]');
        await page.waitForSelector('hbh-player hbh-diagram[data-state="rendered"]');
        if (state.path.includes('?')) await page.waitForSelector('hbh-player[data-state="ready"]');
        await state.act?.(page);
        const result = await new AxeBuilder({ page, axeSource }).include('hbh-player').analyze();
        for (const v of result.violations) {
          violations.push(`${state.name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      await context.close();
      expect(violations).toEqual([]);
    });
  }
});
