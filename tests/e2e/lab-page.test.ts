import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { axeOn } from '../support/axe.ts';
import { searchPaths } from '../support/search.ts';
import { formatLabFragment, type LabState } from '../../src/lab/lab-url-state.ts';
import { HELLO } from '../../src/lab/examples/hello.ts';
import { localizeExample } from '../../src/lab/examples/localize-example.ts';

const site = useBuiltSite();
/**
 * Python loads on the first run (13 MB from the local server, then compiled): about 12 s on an idle machine, over a
 * minute on a busy one. A bound to wait within, never a sleep.
 */
const RUN_TIMEOUT_MS = 240_000;

/** Opens the lab in a fresh context; fails the test on any page error or dialog. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto(site.server.url + path);
  if (options.javaScriptEnabled !== false) await page.waitForSelector('lab-workbench[data-ready="true"]');
  return page;
}

/** The lab at a state, through its own share format. */
async function openState(state: LabState, lang: 'en' | 'zh-cn' = 'en', options: BrowserContextOptions = {}) {
  return open(`${lang === 'en' ? '' : '/zh-cn'}/lab/${await formatLabFragment(state)}`, options);
}

let shared: Page | undefined;
/**
 * The lab at a state on one page kept for every test that runs Python (its worker, and Python in it, stay up): the
 * first call opens it, later ones change the fragment, which the lab reads as a newly opened link.
 */
async function labAt(lab: LabState): Promise<Page> {
  const fragment = await formatLabFragment(lab);
  if (!shared) shared = await open(`/lab/${fragment}`);
  else {
    await shared.evaluate((hash) => (location.hash = hash), fragment);
    await shared.waitForFunction(
      (source) => document.querySelector<HTMLTextAreaElement>('code-editor[data-app] textarea')?.value === source,
      lab.app.source,
    );
  }
  await shared.selectOption('select[data-control="compare"]', '');
  return shared;
}

/** Presses Run and waits for the run to finish. */
async function run(page: Page): Promise<void> {
  await page.waitForSelector('lab-workbench:not([data-state="running"])', { timeout: RUN_TIMEOUT_MS });
  await page.click('button[data-action="run"]');
  await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: RUN_TIMEOUT_MS });
}

const state = (app: string, middleware: string[] = [], pipeline = 'nginx-gunicorn'): LabState => ({
  pipeline,
  request: { kind: 'preset', id: 'get' },
  app: { name: 'app.py', source: app },
  middleware: middleware.map((source, i) => ({ name: `layer_${i + 1}.py`, source })),
});

const ADD_KEY = `def middleware(app):
    def wrapped(environ, start_response):
        environ["lab.marker"] = "added by layer_2"
        return app(environ, start_response)
    return wrapped
`;
const PASS = `def middleware(app):
    return app
`;

afterAll(async () => {
  await shared?.context().close();
});

describe('the WSGI lab page', () => {
  it('restores a shared link into the editors and menus without running it', async () => {
    const requests: string[] = [];
    const shared: LabState = {
      ...state(HELLO.app.source, [PASS, ADD_KEY], 'werkzeug'),
      request: { kind: 'preset', id: 'form-post' },
    };
    const context = await site.browser.newContext();
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${site.server.url}/lab/${await formatLabFragment(shared)}`);
    await page.waitForSelector('lab-workbench[data-ready="true"]');
    expect(await page.inputValue('code-editor[data-app] textarea')).toBe(HELLO.app.source);
    expect(await page.locator('[data-middleware-list] > li').count()).toBe(2);
    expect(await page.locator('[data-middleware-list] > li').nth(1).locator('textarea').inputValue()).toBe(ADD_KEY);
    expect(await page.inputValue('[data-middleware-list] > li >> nth=0 >> input')).toBe('layer_1.py');
    expect(await page.inputValue('select[data-control="pipeline"]')).toBe('werkzeug');
    expect(await page.inputValue('select[data-control="request"]')).toBe('form-post');
    expect(await page.textContent('[data-link-notice]')).toMatch(/Nothing has run/);
    expect(await page.locator('lab-trace').isVisible()).toBe(false);
    // Nothing heavy loaded: no Python, no worker, no simulator.
    expect(requests.filter((url) => /pyodide|worker|lab-engine/i.test(url))).toEqual([]);
    await context.close();
  });

  it('is found by search through its examples’ titles and suggestions, in both languages', async () => {
    const page = await site.browser.newPage();
    for (const [from, query, expected] of [
      ['/', 'Pig Latin Content-Length', '/lab/'],
      ['/zh-cn/', '修正 SCRIPT_NAME', '/zh-cn/lab/'],
    ] as const) {
      await page.goto(site.server.url + from);
      expect(
        (await searchPaths(page, query)).map((p) => p.replace(/#.*$/, '')),
        query,
      ).toContain(expected);
    }
    await page.close();
  });

  it('says so when a link cannot be read, and shows the first example', async () => {
    const page = await open('/lab/#code=AAAA');
    expect(await page.textContent('[data-link-notice]')).toMatch(/could not be read/);
    expect(await page.inputValue('code-editor[data-app] textarea')).toBe(HELLO.app.source);
    await page.goto(`${site.server.url}/zh-cn/lab/#pipeline=nginx-static&req=get`);
    await page.waitForSelector('lab-workbench[data-ready="true"]');
    expect(await page.textContent('[data-link-notice]')).toMatch(/无法读取这个链接/);
    // The Chinese page's example has its comments in Chinese and the same code.
    expect(await page.inputValue('code-editor[data-app] textarea')).toBe(localizeExample(HELLO, 'zh-cn').app.source);
    expect(await page.inputValue('code-editor[data-app] textarea')).toMatch(/^# PEP 3333 的 /);
    await page.context().close();
  });

  it(
    'shows a middleware’s environ change on its own hop',
    async () => {
      const page = await labAt(state(HELLO.app.source, [PASS, ADD_KEY]));
      await run(page);
      const steps = page.locator('lab-trace .trace-step');
      const count = await steps.count();
      const mentioning: number[] = [];
      for (let i = 0; i < count; i++) {
        const step = steps.nth(i);
        if ((await step.getAttribute('data-direction')) !== 'request') continue;
        const changes =
          (await step
            .locator('.step-changes')
            .textContent()
            .catch(() => '')) ?? '';
        if (changes.includes('lab.marker')) mentioning.push(i + 1);
      }
      // One hop adds the key: the second layer's, going in (the first passes the environ on unchanged).
      expect(mentioning).toHaveLength(1);
      const hop = steps.nth((mentioning[0] ?? 1) - 1);
      expect(await hop.locator('.step-title').textContent()).toMatch(/layer_2/);
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    'catches a str body with the validator and shows it',
    async () => {
      const page = await labAt(state(HELLO.app.source));
      await page.click('#example-broken summary');
      await page.click('button[data-action="load-example"][data-example="broken"]');
      await run(page);
      const check = page.locator('.lab-validator');
      expect(await check.getAttribute('data-clean')).toBe('false');
      expect(await check.textContent()).toContain('You should not return a string');
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    'loads an example from the menu at the top, opens its explanation, and runs it with Ctrl+Enter from the editor',
    async () => {
      const page = await labAt(state(HELLO.app.source));
      await page.selectOption('select[data-control="example"]', 'pig-latin');
      await page.click('button[data-action="load-picked"]');
      expect(await page.textContent('[data-status]')).toMatch(/Example loaded: .*Pig Latin/);
      const open = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLDetailsElement>('details[data-example-about]')]
          .filter((details) => details.open)
          .map((details) => details.id),
      );
      expect(open).toEqual(['example-pig-latin']);
      expect(await page.evaluate(() => document.activeElement?.closest('code-editor[data-app]') !== null)).toBe(true);
      await page.waitForSelector('lab-workbench:not([data-state="running"])', { timeout: RUN_TIMEOUT_MS });
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: RUN_TIMEOUT_MS });
      expect(await page.textContent('[data-status]')).toMatch(/^Ran in [\d,]+ ms/);
      expect(await page.locator('[data-results-link] a').isVisible()).toBe(true);
      expect(await page.locator('.lab-response').textContent()).toContain('ellohay');
    },
    RUN_TIMEOUT_MS * 2,
  );

  it(
    'shows what differs in the environ behind two pipelines',
    async () => {
      const page = await labAt(state(HELLO.app.source, [], 'apache-modwsgi-daemon'));
      await page.selectOption('select[data-control="compare"]', 'nginx-gunicorn');
      await run(page);
      const table = page.locator('[data-compare] table.hbh-diff');
      await table.waitFor();
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('SCRIPT_NAME');
      expect(text).toContain('mod_wsgi.process_group');
    },
    RUN_TIMEOUT_MS * 3,
  );

  it(
    'keeps code, output, logs and file names as text (no markup runs)',
    async () => {
      const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
      const app = `import sys
PAYLOAD = ${JSON.stringify(payload)}

def application(environ, start_response):
    print(PAYLOAD)
    environ["wsgi.errors"].write(PAYLOAD + "\\n")
    start_response("200 OK", [("Content-Type", "text/html"), ("X-Payload", "<b>bold</b>")])
    return [PAYLOAD.encode()]
`;
      const xss = state(app, [PASS]);
      const page = await labAt(xss);
      await page.fill('[data-middleware-list] input[data-control="name"]', '<svg onload=alert(1)>.py');
      await run(page);
      expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('lab-workbench img[src="x"], lab-workbench script:not([type])').count()).toBe(0);
      expect(await page.locator('.lab-stdout .lab-output').textContent()).toContain(payload);
      expect(await page.locator('.lab-error-log .lab-output').first().textContent()).toContain(payload);
      expect(await page.locator('.lab-response').textContent()).toContain('<img src=x');
      expect(await page.locator('[data-middleware-list] input[aria-invalid="true"]').count()).toBe(1);
    },
    RUN_TIMEOUT_MS * 2,
  );

  it('adds, reorders and removes middleware from the keyboard, saying what happened', async () => {
    const page = await open('/lab/');
    await page.focus('button[data-action="add-middleware"]');
    await page.keyboard.press('Enter');
    await page.focus('button[data-action="add-middleware"]');
    await page.keyboard.press('Enter');
    const layers = page.locator('[data-middleware-list] > li');
    expect(await layers.count()).toBe(2);
    await layers.nth(0).locator('input').fill('first.py');
    await layers.nth(1).locator('input').fill('second.py');
    await layers.nth(1).locator('button[data-action="up"]').focus();
    await page.keyboard.press('Enter');
    expect(await layers.nth(0).locator('input').inputValue()).toBe('second.py');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('down');
    expect(await page.textContent('[data-list-status]')).toMatch(/second\.py is now middleware 1 of 2/);
    expect(await layers.nth(0).locator('.lab-layer-title').textContent()).toBe('Middleware 1: second.py');
    await layers.nth(0).locator('button[data-action="remove"]').focus();
    await page.keyboard.press('Enter');
    expect(await layers.count()).toBe(1);
    expect(await page.textContent('[data-list-status]')).toMatch(/second\.py removed/);
    // Tab indents inside the editor; Esc then Tab moves on.
    const area = layers.nth(0).locator('textarea');
    await area.fill('');
    await area.focus();
    await page.keyboard.press('Tab');
    expect(await area.inputValue()).toBe('    ');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
    await page.context().close();
  });

  it('opens from a WSGI pipeline’s player with its pipeline and request; static and ASGI pipelines have no link', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/pipelines/nginx-uwsgi/`);
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    await page.selectOption('select[data-control="preset"]', 'form-post');
    await page.waitForSelector('pipeline-player[data-state="ready"]');
    const link = page.locator('a[data-lab-link]');
    expect(await link.getAttribute('href')).toBe('/lab/#pipeline=nginx-uwsgi&req=form-post');
    await link.click();
    await page.waitForSelector('lab-workbench[data-ready="true"]');
    expect(await page.inputValue('select[data-control="pipeline"]')).toBe('nginx-uwsgi');
    expect(await page.inputValue('select[data-control="request"]')).toBe('form-post');
    for (const id of ['nginx-static', 'nginx-uvicorn', 'nginx-fastcgi-php']) {
      await page.goto(`${site.server.url}/pipelines/${id}/`);
      expect(await page.locator('a[data-lab-link]').count(), id).toBe(0);
    }
    await page.close();
  });

  it('opens from a term page’s embedded player, by keyboard, in both languages; PHP and ASGI term pages have none', async () => {
    const page = await site.browser.newPage();
    // Without running any player code: the link is in the page as built.
    for (const [path, href] of [
      ['/terms/uwsgi/', '/lab/#pipeline=nginx-uwsgi&req=get'],
      ['/zh-cn/terms/flup/', '/zh-cn/lab/#pipeline=nginx-fastcgi-flup&req=get'],
    ] as const) {
      await page.goto(site.server.url + path);
      const link = page.locator('.embedded-player a[data-lab-link]');
      expect(await link.getAttribute('href'), path).toBe(href);
      expect(await link.textContent(), path).toMatch(
        path.startsWith('/zh-cn/') ? /你自己的应用/ : /your own application/,
      );
      const help = await link.getAttribute('aria-describedby');
      expect(await page.locator(`[id="${help}"]`).textContent(), path).toMatch(/WSGI/);
    }
    for (const path of ['/terms/php-fpm/', '/terms/asgi/', '/zh-cn/terms/uvicorn/']) {
      await page.goto(site.server.url + path);
      expect(await page.locator('.embedded-player').count(), path).toBe(1);
      expect(await page.locator('a[data-lab-link]').count(), path).toBe(0);
    }
    await page.goto(`${site.server.url}/terms/uwsgi/`);
    const link = page.locator('.embedded-player a[data-lab-link]');
    await link.focus();
    await page.waitForSelector('lazy-player[data-state="loaded"]');
    await page.waitForSelector('.embedded-player pipeline-player[data-enhanced="true"]');
    // The running player keeps the link on the request it shows.
    expect(await link.getAttribute('href')).toBe('/lab/#pipeline=nginx-uwsgi&req=get');
    await page.keyboard.press('Enter');
    await page.waitForSelector('lab-workbench[data-ready="true"]');
    expect(new URL(page.url()).pathname).toBe('/lab/');
    expect(await page.inputValue('select[data-control="pipeline"]')).toBe('nginx-uwsgi');
    expect(await page.inputValue('select[data-control="request"]')).toBe('get');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(
      `has no axe violations before and after a run, ${scheme} theme`,
      async () => {
        const page = await labAt(state(HELLO.app.source, [ADD_KEY]));
        await page.emulateMedia({ colorScheme: scheme });
        const violations: string[] = [];
        const check = async (name: string, on = page) => {
          const result = await axeOn(on).include('main').analyze();
          for (const v of result.violations)
            violations.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        };
        await check('restored');
        await run(page);
        await check('after a run');
        await page.selectOption('select[data-control="compare"]', 'wsgiref');
        await run(page);
        await check('compared');
        const zh = await openState(state(HELLO.app.source, [ADD_KEY]), 'zh-cn', { colorScheme: scheme });
        await check('zh-cn, restored', zh);
        await zh.goto(`${site.server.url}/zh-cn/lab/#code=AAAA`);
        await zh.waitForSelector('lab-workbench[data-ready="true"]');
        await check('zh-cn, a link that cannot be read', zh);
        await zh.context().close();
        expect(violations).toEqual([]);
      },
      RUN_TIMEOUT_MS * 4,
    );
  }
});
