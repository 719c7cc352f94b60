import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { openPlayerPage } from '../support/player-page.ts';

const PIPELINE = '/pipelines/nginx-fastcgi-flup/';
const site = useBuiltSite();

const open = (path: string): Promise<Page> => openPlayerPage(site, path, { ready: true });

const notice = (page: Page) => page.locator('[data-link-notice]');

/** Types a request into the editor and waits until the trace shows it. */
async function typeRequest(page: Page, path: string): Promise<void> {
  await page.click('.player-editor summary');
  await page.fill('[data-control="editor"]', `GET ${path} HTTP/1.1\nHost: example.test\n\n`);
  await page.waitForFunction((p) => document.querySelector('#step-1')?.textContent?.includes(p), path);
  expect(await page.locator('pipeline-player').getAttribute('data-state')).toBe('ready');
}

describe('a pipeline link that cannot be read', () => {
  it.each([
    ['?raw=%%%', 'request'],
    ['?raw=R0VU+C8', 'request'],
    ['?req=no-such-preset', 'request'],
    ['?req=toString', 'request'],
    ['?vs=toString', 'comparison'],
    ['?vs=__proto__', 'comparison'],
  ])('%s: says the %s could not be read, shows the default, and traces a later edit', async (query, part) => {
    const page = await open(`${PIPELINE}${query}`);
    expect(await notice(page).getAttribute('role')).toBe('status');
    expect(await notice(page).textContent()).toBe(
      part === 'request'
        ? 'The request in this link could not be read, so the player shows the default request.'
        : 'This link names no pipeline the player knows to compare with, so no comparison is shown.',
    );
    expect(await notice(page).isVisible()).toBe(true);
    expect(await page.locator('#step-1').textContent()).toContain('GET /app/ HTTP/1.1');
    expect(await page.locator('[data-compare]').isHidden()).toBe(true);
    expect(await page.locator('.trace-step').count()).toBeGreaterThan(0);
    await page.click('button[data-action="next"]');
    expect(await page.locator('pipeline-player').getAttribute('data-step')).toBe('2');
    await typeRequest(page, '/app/edited');
    expect(await notice(page).textContent()).toBe('');
    await page.selectOption('[data-control="vs"]', 'werkzeug');
    await page.waitForFunction(() => document.querySelectorAll('[data-compare] .compare-columns').length === 1);
    await page.context().close();
  });

  it('says so in Chinese on Chinese pages, for the request and the comparison together', async () => {
    const page = await open(`/zh-cn${PIPELINE}?raw=%%%&vs=constructor`);
    expect(await notice(page).textContent()).toBe(
      '无法读取链接中的请求，播放器改为显示默认请求。链接中指定的对比管线并不存在，因此不显示对比。',
    );
    await page.context().close();
  });

  it('reads a padded ?raw= without complaint', async () => {
    const raw = Buffer.from('GET /app/padx HTTP/1.1\r\nHost: example.test\r\n\r\n').toString('base64url');
    const padded = raw + '='.repeat((4 - (raw.length % 4)) % 4);
    expect(padded).toMatch(/=$/);
    const page = await open(`${PIPELINE}?raw=${padded}`);
    expect(await page.locator('#step-1').textContent()).toContain('/app/padx');
    expect(await notice(page).textContent()).toBe('');
    await page.context().close();
  });
});
