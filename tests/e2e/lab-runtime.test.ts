import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { policyFor } from '../../src/csp.ts';
import { LAB_RUN_LIMIT_MS } from '../../src/lab/lab-protocol.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { cspWatchedContext, type WatchedContext } from './csp-watched-context.ts';

/**
 * The lab's runtime in Chromium, on the built lab page: real Pyodide in the module worker, the time limit and the
 * restart, the service worker (offline after one visit, other pages untouched), the Content-Security-Policy.
 *
 * Every script is served with the site's policy as a header (`policyFor('')`: the directives without per-page
 * hashes), so the Python worker and the service worker — whose policy comes from their own responses, not from the
 * page's meta tag — run under it too.
 */
const POLICY = policyFor('');
const site = useBuiltSite({
  headers: (path) => (/\.m?js$/.test(path) ? { 'Content-Security-Policy': POLICY } : {}),
});

const HELLO = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'hello from ' + environ['PATH_INFO'].encode()]
`;
const ENDLESS = `def application(environ, start_response):
    while True:
        pass
`;

/** The lab's own script in its worker, gzip (most of it is the harness's Python); Pyodide's files are apart. */
const WORKER_BUDGET_GZIP = 12 * 1024;

/** Requests for Python's files (Pyodide, the lab's worker) or the lab's service worker. */
const RE_LAB_FILES = /\/pyodide\/|lab-worker|lab-sw\.js/;

/** A fresh browser context (its own service workers and caches) recording CSP violations and page errors. */
const labContext = (): Promise<WatchedContext> => cspWatchedContext(site.browser, { width: 1280, height: 900 });

/** Opens a lab page and waits for its workbench to be ready. */
async function openLab(page: Page, path = '/lab/'): Promise<void> {
  await page.goto(site.server.url + path);
  await page.waitForSelector('lab-workbench[data-ready="true"]');
}

/** Puts this application in the editor, presses Run and waits for the run to finish; returns how long it took. */
async function run(page: Page, source: string): Promise<number> {
  await page.locator('lab-workbench [data-app] textarea').fill(source);
  const started = Date.now();
  await page.locator('lab-workbench [data-action="run"]').click();
  // Longer than LAB_LOAD_LIMIT_MS: a Python that never starts ends as a load error, not as this wait's timeout.
  await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: 150_000 });
  return Date.now() - started;
}

/** What the lab shows after a run: the failure's kind, or the trace's text (with the bytes the client got). */
async function outcome(page: Page): Promise<{ error: string | null; trace: string }> {
  const error = await page
    .locator('lab-workbench [data-run-error] [data-error-kind]')
    .getAttribute('data-error-kind', { timeout: 1000 })
    .catch(() => null);
  const trace = error ? '' : ((await page.locator('lab-workbench lab-trace').textContent()) ?? '');
  return { error, trace };
}

/** A run that answered, with the application's body in the trace. */
const ANSWERED: { error: null; trace: unknown } = { error: null, trace: expect.stringContaining('hello from') };

/**
 * Waits until the lab's service worker is active (installed with its cache filled, then activated). It serves the
 * pages loaded from then on; the page that registered it stays with the network (it does not claim it).
 */
async function installed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker && worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', done));
    }
  });
}

describe('the lab’s Python runtime', () => {
  it('stops an endless loop at the limit with the message, and the next run works', async () => {
    const { context, page, problems } = await labContext();
    await openLab(page);
    // A first run loads Python; the loop's limit counts from the start of the run, not of the download.
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    const took = await run(page, ENDLESS);
    expect(await outcome(page)).toMatchObject({ error: 'timeout' });
    expect(took).toBeGreaterThanOrEqual(LAB_RUN_LIMIT_MS);
    expect(took).toBeLessThan(LAB_RUN_LIMIT_MS + 5000);
    expect(await page.locator('lab-workbench [data-run-error]').textContent()).toContain(`${LAB_RUN_LIMIT_MS / 1000}`);
    // A fresh worker, a fresh Python: the next run answers.
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('starts Python again when its WebAssembly download breaks off, instead of waiting forever', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let asked = 0;
    await context.route('**/pyodide.asm.wasm', async (route) => {
      asked += 1;
      if (asked > 1) return route.continue();
      // The first download ends after 1 MB of the 9 MB: Pyodide's loader logs the failure and would never settle.
      const response = await route.fetch();
      return route.fulfill({ response, body: (await response.body()).subarray(0, 1 << 20) });
    });
    await openLab(page);
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    expect(asked).toBe(2);
    await context.close();
  });

  it('shows Python’s download as it arrives, says each stage politely, and offers to try again when it cannot load', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // First visit: Python's WebAssembly cannot be fetched at all (both of the worker's tries fail).
    await context.route('**/pyodide.asm.wasm', (route) => route.abort('internetdisconnected'));
    await openLab(page);
    expect(await page.locator('lab-loading').isHidden()).toBe(true);
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject({ error: 'load' });
    expect(await page.locator('lab-loading').isHidden()).toBe(true);
    expect(await page.textContent('lab-workbench [data-status]')).toMatch(/could not be loaded.*try again/i);
    const retry = page.locator('lab-workbench button[data-action="retry"]');
    expect(await retry.isVisible()).toBe(true);
    // The network is back: what the polite status says, and what the bar shows, are recorded until the run ends.
    await context.unroute('**/pyodide.asm.wasm');
    await page.evaluate(() => {
      const w = window as { __said?: string[]; __bar?: number[] };
      w.__said = [];
      w.__bar = [];
      const status = document.querySelector('lab-workbench [data-status]');
      const bar = document.querySelector<HTMLProgressElement>('lab-loading progress');
      new MutationObserver(() => w.__said?.push(status?.textContent ?? '')).observe(status!, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      new MutationObserver(() => {
        if (bar && !bar.closest('lab-loading')?.hasAttribute('hidden')) w.__bar?.push(bar.value / bar.max);
      }).observe(bar!, { attributes: true });
    });
    await retry.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: 150_000 });
    expect(await outcome(page)).toMatchObject(ANSWERED);
    const { said, bar } = await page.evaluate(() => {
      const w = window as { __said?: string[]; __bar?: number[] };
      return { said: w.__said ?? [], bar: w.__bar ?? [] };
    });
    expect(said.find((text) => /^Downloading Python \(about \d+ MB\)/.test(text))).toBeTruthy();
    expect(said.some((text) => /^Python is downloaded; starting it/.test(text))).toBe(true);
    expect(said.some((text) => /^Python has started; loading the lab’s harness/.test(text))).toBe(true);
    expect(said.at(-1)).toMatch(/^Ran in [\d,]+ ms/);
    // The bar moved through the download and ended full; then it went away, and so did "Try again".
    expect(bar.some((fraction) => fraction > 0 && fraction < 1)).toBe(true);
    expect(bar.at(-1)).toBe(1);
    expect(await page.locator('lab-loading').isHidden()).toBe(true);
    expect(await retry.isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('run');
    await context.close();
  });

  it('works offline after one visit: the browser goes offline, reloads the lab and runs code', async () => {
    const { context, page, problems } = await labContext();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    await openLab(page);
    // Before the first Run: nothing of Python downloaded, no service worker.
    expect(requested.filter((url) => RE_LAB_FILES.test(url))).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    await installed(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await context.setOffline(true);
    // Reloaded from the cache, Python's files included.
    await openLab(page);
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    // The other language's lab was cached by the same visit.
    await openLab(page, '/zh-cn/lab/');
    await run(page, HELLO);
    expect(await outcome(page)).toMatchObject(ANSWERED);
    // A reading page was never cached: offline, it fails as it would without the lab.
    await expect(page.goto(`${site.server.url}/terms/cgi/`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await context.setOffline(false);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('installs a new build’s service worker without downloading Pyodide again, and drops the old cache', async () => {
    const { context, page } = await labContext();
    await openLab(page);
    await run(page, HELLO);
    await installed(page);
    const [first] = await page.evaluate(() => caches.keys());
    expect(first).toMatch(/^hbh-lab-\w+$/);
    const downloads: string[] = [];
    context.on('request', (request) => {
      if (/\/pyodide\//.test(request.url())) downloads.push(request.url());
    });
    // A deploy that changed a page: the same script under a new version (put back afterwards).
    const script = join('dist', 'lab-sw.js');
    const original = readFileSync(script, 'utf8');
    try {
      writeFileSync(script, original.replace(/"version":"(\w+)"/, '"version":"$1next"'));
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        await registration.update();
      });
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 60_000 }).toEqual([`${first}next`]);
    } finally {
      writeFileSync(script, original);
    }
    expect(downloads).toEqual([]);
    const wasm = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const keys = await cache.keys();
      const path = keys.map((request) => new URL(request.url).pathname).find((p) => p.endsWith('.wasm')) ?? '';
      return { path, bytes: (await (await cache.match(path))?.arrayBuffer())?.byteLength ?? 0 };
    }, `${first}next`);
    expect(wasm.path).toMatch(/^\/pyodide\/[\d.]+\/pyodide\.asm\.wasm$/);
    expect(wasm.bytes).toBeGreaterThan(1_000_000);
    await context.close();
  });

  it('leaves the rest of the site to the network once the lab’s service worker is installed', async () => {
    const { context, page, problems } = await labContext();
    await openLab(page);
    await run(page, HELLO);
    await installed(page);
    for (const [path, status] of [
      ['/terms/cgi/', 200],
      ['/zh-cn/pipelines/nginx-fastcgi-flup/', 200],
      ['/no-such-page/', 404],
    ] as const) {
      const response = await page.goto(site.server.url + path);
      expect(response?.status(), path).toBe(status);
      expect(response?.fromServiceWorker(), path).toBe(false);
      // The service worker was in charge of the page, and let its requests through.
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), path).toMatch(/\/lab-sw\.js$/);
    }
    // The player on a pipeline page still loads and steps as it does without the service worker.
    await page.goto(`${site.server.url}/pipelines/nginx-fastcgi-flup/`);
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    await page.locator('pipeline-player button[data-action="next"]').click();
    await expect.poll(() => page.locator('pipeline-player').getAttribute('data-step')).toBe('2');
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it(`keeps the Python worker's own script within ${WORKER_BUDGET_GZIP} bytes gzip`, () => {
    const workers = readdirSync(join('dist', '_astro')).filter((name) => /^lab-worker.*\.js$/.test(name));
    expect(workers).toHaveLength(1);
    const size = gzipSync(readFileSync(join('dist', '_astro', workers[0] ?? ''))).length;
    expect(size).toBeGreaterThan(1000);
    expect(size).toBeLessThanOrEqual(WORKER_BUDGET_GZIP);
  });

  it('loads nothing of Python and registers no service worker on reading pages', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    for (const path of ['/', '/terms/wsgi/', '/zh-cn/terms/mod-wsgi/', '/pipelines/apache-modwsgi-embedded/']) {
      await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
      await page.mouse.wheel(0, 4000);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), path).toBe(0);
    }
    expect(requested.filter((url) => RE_LAB_FILES.test(url))).toEqual([]);
    expect(requested.length).toBeGreaterThan(4);
    await context.close();
  });
});
