import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

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
  {
    name: 'comparison, both diagrams drawn',
    path: '/pipelines/apache-cgi/?req=form-post&vs=wsgiref#step-3',
    act: async (page) => {
      await page.locator('.compare-columns').scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelectorAll('.compare-columns .pipeline-chart').length === 2);
    },
  },
  {
    name: 'a configuration line lit',
    path: '/pipelines/lighttpd-fastcgi-flup/#step-2',
    act: async (page) => page.locator('#step-2 .origin-link').first().focus(),
  },
  {
    name: 'a link whose request and comparison could not be read',
    path: '/zh-cn/pipelines/apache-cgi/?raw=%25&vs=toString',
  },
  { name: 'embedded on a term page', path: '/terms/flup/' },
];

describe('axe-core finds no violations in the player', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`in several player states, ${scheme} theme`, { timeout: 300_000 }, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      const page = await context.newPage();
      const violations: string[] = [];
      for (const state of STATES) {
        await page.goto(site.server.url + state.path);
        await page.locator('pipeline-player .player-diagram').scrollIntoViewIfNeeded();
        await page.waitForSelector('pipeline-player[data-enhanced="true"]');
        await page.waitForSelector('pipeline-player .player-diagram .chart-edge.hop-current');
        if (state.path.includes('?')) await page.waitForSelector('pipeline-player[data-state="ready"]');
        await state.act?.(page);
        const result = await axeOn(page).include('pipeline-player').analyze();
        for (const v of result.violations) {
          violations.push(`${state.name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      await context.close();
      expect(violations).toEqual([]);
    });
  }
});
