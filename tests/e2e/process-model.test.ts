import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

/** Opens a page and waits until the given process model has become live. */
async function openLive(page: Page, path: string, pipeline: string) {
  await page.goto(site.server.url + path);
  const model = page.locator(`hbh-process-model[data-pipeline="${pipeline}"]`);
  await model.scrollIntoViewIfNeeded();
  await expect.poll(() => model.getAttribute('data-state')).toBe('live');
  return model;
}

describe('the process model', () => {
  it('without JavaScript shows the timeline, its description and the default numbers', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/process-model/`);
    const models = page.locator('hbh-process-model');
    expect(await models.count()).toBe(4);
    const cgi = page.locator('hbh-process-model[data-pipeline="apache-cgi"]');
    expect(await cgi.locator('svg.pm-svg title').first().textContent()).toContain('Apache runs a CGI script');
    expect(await cgi.locator('svg.pm-svg desc').textContent()).toContain('mean latency 176 ms');
    expect(await cgi.locator('.pm-results dd').allInnerTexts()).toEqual([
      '113.6 requests/s',
      '176 ms',
      '176 ms',
      '176 ms',
      '176 ms',
    ]);
    expect(await cgi.locator('input[name="forkExecMs"]').isDisabled()).toBe(true);
    await context.close();
  });

  it('redraws the SVG and updates the numbers when a parameter changes, by keyboard alone', async () => {
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const model = await openLive(page, '/process-model/', 'apache-cgi');
    const svgEnd = () => model.locator('svg.pm-svg').getAttribute('data-end');
    const mean = () => model.locator('.pm-results dd').nth(1).innerText();
    expect(await svgEnd()).toBe('176');

    // Tab from the caption's neighbourhood into the form: the first field is the request count.
    await model.locator('input[name="requests"]').focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('forkExecMs');
    await page.keyboard.press('ArrowUp');
    await expect.poll(mean).toBe('177 ms');
    expect(await svgEnd()).toBe('177');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await expect.poll(mean).toBe('215 ms');
    expect(await model.locator('svg.pm-svg desc').textContent()).toContain('mean latency 215 ms');
    expect(await model.locator('[data-pm-live]').textContent()).toContain('mean latency 215 ms');

    // A value the model rejects shows a message and leaves the last good timeline in place.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => model.locator('[data-pm-error]').innerText()).toMatch(/fork \+ exec must be between 0/);
    expect(await model.locator('input[name="forkExecMs"]').getAttribute('aria-invalid')).toBe('true');
    expect(await mean()).toBe('215 ms');

    // Reset, reached with the keyboard, restores the defaults.
    await model.getByRole('button', { name: 'Reset to defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(mean).toBe('176 ms');
    expect(await model.locator('[data-pm-error]').innerText()).toBe('');
    expect(await model.locator('input[name="forkExecMs"]').inputValue()).toBe('1');

    // No animation anywhere in the component.
    expect(await model.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
    await context.close();
  });

  it('more threads change the daemon timeline: more lanes drawn', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const model = await openLive(page, '/zh-cn/process-model/', 'apache-modwsgi-daemon');
    const lanes = () => model.locator('svg.pm-svg').getAttribute('data-lanes');
    expect(await lanes()).toBe('17');
    await model.locator('input[name="threads"]').fill('20');
    // The 20 requests now all find a thread at once: no waiting lane, one process and 20 threads.
    await expect.poll(lanes).toBe('21');
    expect(await model.locator('.pm-table tbody tr').count()).toBe(20);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const path of ['/process-model/', '/zh-cn/process-model/']) {
      it(`has no axe violations on ${path} in the ${scheme} theme, with every model live`, async () => {
        const context = await site.browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(site.server.url + path);
        for (const model of await page.locator('hbh-process-model').all()) {
          await model.scrollIntoViewIfNeeded();
          await expect.poll(() => model.getAttribute('data-state')).toBe('live');
          await model.locator('summary').click();
        }
        const result = await axeOn(page).analyze();
        const violations = result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
        expect(violations).toEqual([]);
        await context.close();
      });
    }
  }
});
