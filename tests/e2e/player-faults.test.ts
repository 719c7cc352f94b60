import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { openPlayerPage } from '../support/player-page.ts';

const PIPELINE = '/pipelines/nginx-fastcgi-php/';
const site = useBuiltSite();

const player = (page: Page) => page.locator('pipeline-player');
/** The hop into php-fpm, where the backend-down fault happens. */
const FAILED_STEP = 2;

/** Waits until the player has re-traced and shows a failed step (or none, with `failed` false). */
async function settled(page: Page, failed: boolean): Promise<void> {
  await page.waitForSelector('pipeline-player[data-state="ready"]');
  await page.waitForFunction((want) => !!document.querySelector('.trace-step[data-failed]') === want, failed);
}

/** What a reader sees of the injected fault: the failed step, its log, the chart's marker, the response. */
async function expectBackendDown(page: Page, lang: 'en' | 'zh-cn'): Promise<void> {
  const step = page.locator(`#step-${FAILED_STEP}`);
  expect(await step.getAttribute('data-failed')).toBe('');
  expect(await step.isVisible()).toBe(true);
  expect(await step.locator('.step-failed-badge').textContent()).toBe(lang === 'en' ? '✕ Failed here' : '✕ 在此出错');
  const log = step.locator('.log-line').first();
  expect(await log.isVisible()).toBe(true);
  expect(await log.textContent()).toContain('connect() failed (111: Connection refused) while connecting to upstream');
  expect(await step.locator('.log-file figcaption').first().textContent()).toMatch(/error\.log/);
  const marked = page.locator('.player-diagram .hop-failed');
  expect(await marked.count()).toBeGreaterThan(0);
  expect(await marked.first().locator('.chart-failed .sr-only').textContent()).toBe(
    lang === 'en' ? ' (failed here)' : ' (在此出错)',
  );
  const response = page.locator('.trace-response');
  expect(await response.locator('.part-status code').textContent()).toBe('502');
  expect(await response.locator('.part-reason code').textContent()).toMatch(/^Bad Gateway\\r\\n/);
  expect(await page.locator('[data-fault-notice]').isVisible()).toBe(true);
  expect(new URL(page.url()).searchParams.get('fault')).toBe('backend-down');
}

describe('breaking a hop in the player', () => {
  it('chooses "Break this hop" by keyboard, marks the failed hop, shows its log and the 502, and keeps it on reload', async () => {
    const page = await openPlayerPage(site, `${PIPELINE}#step-${FAILED_STEP}`);
    const menu = page.locator(`#step-${FAILED_STEP} select[data-control="fault"]`);
    expect(await menu.isVisible()).toBe(true);
    expect(await page.locator(`#step-1 select[data-control="fault"]`).count()).toBe(0);
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await settled(page, true);
    await expectBackendDown(page, 'en');
    expect(await page.locator('[data-narration]').textContent()).toContain('What failed:');
    expect(await page.locator(`#step-${FAILED_STEP} .step-lessons li`).first().textContent()).toMatch(
      /^In your own setup: is the backend running/,
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-control'))).toBe('fault');
    await page.locator('[data-stage]').focus();
    await page.keyboard.press('End');
    expect(await page.locator('.trace-step[aria-current="step"] .step-explanation').textContent()).toContain(
      '502 Bad Gateway',
    );
    await page.keyboard.press('ArrowLeft');
    expect(await player(page).getAttribute('data-step')).toBe(String(FAILED_STEP));

    await page.reload();
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    await settled(page, true);
    await expectBackendDown(page, 'en');
    expect(await page.locator(`#step-${FAILED_STEP} select[data-control="fault"]`).inputValue()).toBe('backend-down');
    expect(await page.locator('[data-control="preset"]').inputValue()).toBe('fault-backend-down');

    await page.locator('button[data-action="no-fault"]').press('Enter');
    await settled(page, false);
    expect(new URL(page.url()).searchParams.has('fault')).toBe(false);
    expect(await page.locator('.player-diagram .hop-failed').count()).toBe(0);
    expect(await page.locator('[data-fault-notice]').isHidden()).toBe(true);
    await page.context().close();
  });

  it('offers each accepted fault as a preset', async () => {
    const page = await openPlayerPage(site, PIPELINE);
    await page.selectOption('[data-control="preset"]', 'fault-backend-down');
    await settled(page, true);
    expect(await page.locator('[data-preset-about="fault-backend-down"]').isVisible()).toBe(true);
    await page.click('button[data-action="focus"]');
    expect(await player(page).getAttribute('data-step')).toBe(String(FAILED_STEP));
    await expectBackendDown(page, 'en');
    await page.context().close();
  });

  it('speaks Chinese on the Chinese page', async () => {
    const page = await openPlayerPage(site, `/zh-cn${PIPELINE}?fault=backend-down#step-${FAILED_STEP}`, {
      ready: true,
    });
    await settled(page, true);
    await expectBackendDown(page, 'zh-cn');
    expect(await page.locator('[data-fault-text]').textContent()).toMatch(/^已注入故障：后端没有运行/);
    expect(await page.locator(`#step-${FAILED_STEP} .step-failed`).textContent()).toMatch(/^出了什么错：/);
    await page.context().close();
  });

  it.each(['nope', 'toString'])('says a link’s unknown fault %s could not be used and shows no fault', async (name) => {
    const page = await openPlayerPage(site, `${PIPELINE}?fault=${name}`, { ready: true });
    expect(await page.locator('[data-link-notice]').textContent()).toBe(
      'This link names a fault this pipeline cannot have (or no fault at all), so the player shows the request without one.',
    );
    expect(await page.locator('.trace-step[data-failed]').count()).toBe(0);
    expect(await player(page).getAttribute('data-state')).toBe('ready');
    await page.context().close();
  });

  it.each([
    ['English', 'light', ''],
    ['Chinese', 'dark', '/zh-cn'],
  ] as const)(
    'has no axe violations with a hop broken: %s page, %s theme, 390 px wide',
    async (_lang, scheme, prefix) => {
      const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${site.server.url}${prefix}${PIPELINE}?fault=backend-down#step-${FAILED_STEP}`);
      await settled(page, true);
      const results = await axeOn(page).include('pipeline-player').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
      await context.close();
    },
  );
});
