// Prints the WSGI lab's figures, in Chromium against the built site (served gzip-compressed, WebAssembly included,
// as a production host would): bytes transferred before the first result, time to the first result cold and warm
// (a later visit, from the service worker's cache), time per re-run after an edit, and the lab's own JavaScript.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const LAB = '/lab/';
/** Re-runs timed after an edit (Python already started). */
const RERUNS = 10;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

if (!existsSync(join('dist', LAB, 'index.html'))) {
  console.error('No build with the lab found: run `npm run build` first.');
  process.exit(1);
}

/** Bytes a request moved over the network (headers and encoded body); nothing when a service worker answered it. */
async function transferred(request: Request): Promise<number> {
  const response = await request.response();
  if (!response || response.fromServiceWorker()) return 0;
  const sizes = await request.sizes().catch(() => undefined);
  return sizes ? sizes.responseHeadersSize + sizes.responseBodySize : 0;
}

/** Counts what a context moves: the page and its Python worker, and the service worker (its precache). */
function meter(context: BrowserContext): { bytes: () => Promise<{ page: number; serviceWorker: number }> } {
  const requests: Request[] = [];
  context.on('requestfinished', (request) => requests.push(request));
  return {
    bytes: async () => {
      let page = 0;
      let serviceWorker = 0;
      for (const request of requests) {
        const size = await transferred(request);
        if (request.serviceWorker()) serviceWorker += size;
        else page += size;
      }
      return { page, serviceWorker };
    },
  };
}

/** Presses Run and waits for the result; milliseconds from the press to the result shown. */
async function runOnce(page: Page): Promise<number> {
  const start = Date.now();
  await page.locator('lab-workbench [data-action="run"]').click();
  await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: 120_000 });
  const failed = await page.locator('lab-workbench [data-run-error] [data-error-kind]').count();
  if (failed) throw new Error(`the run failed: ${await page.locator('lab-workbench [data-run-error]').textContent()}`);
  return Date.now() - start;
}

async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('lab-workbench[data-ready="true"]');
}

// The lab's own JavaScript in the build, apart from Pyodide's files.
const ASTRO = join('dist', '_astro');
const worker = readdirSync(ASTRO).filter((name) => /^lab-worker.*\.js$/.test(name));
console.log('\nBuilt files');
for (const name of worker) {
  const bytes = readFileSync(join(ASTRO, name));
  console.log(
    `  Python worker (with the harness)  ${kb(bytes.length).padStart(9)}   gzip ${kb(gzipSync(bytes).length)}`,
  );
}
const pyodideDir = readdirSync(join('dist', 'pyodide'))[0] ?? '';
let pyodideRaw = 0;
let pyodideGzip = 0;
for (const name of readdirSync(join('dist', 'pyodide', pyodideDir))) {
  const bytes = readFileSync(join('dist', 'pyodide', pyodideDir, name));
  pyodideRaw += statSync(join('dist', 'pyodide', pyodideDir, name)).size;
  pyodideGzip += name.endsWith('.zip') ? bytes.length : gzipSync(bytes).length;
}
console.log(
  `  Pyodide ${pyodideDir} (5 files)        ${mb(pyodideRaw).padStart(9)}   gzip ${mb(pyodideGzip)} (the standard library is a zip: sent as it is)`,
);
// What the machine was doing: on a shared machine, starting Python (compiling 9 MB of WebAssembly) is CPU-bound.
console.log(
  `  load average when measured: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);

const server = await serveStatic('dist', { compress: true });
const browser = await launchBrowser();
try {
  // What the lab itself needs, with no service worker to share or add downloads.
  const bare = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const bareMeter = meter(bare);
  const barePage = await bare.newPage();
  await openLab(barePage, server.url + LAB);
  const bareCold = await runOnce(barePage);
  const bareBytes = await bareMeter.bytes();
  console.log('\nFirst visit without the service worker (blocked), Run pressed once the page is ready');
  console.log(`  time to the first result          ${String(bareCold).padStart(6)} ms`);
  console.log(`  bytes before the first result     ${mb(bareBytes.page)} (page and Python worker)`);
  await bare.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const metered = meter(context);
  const page = await context.newPage();
  await openLab(page, server.url + LAB);
  const cold = await runOnce(page);
  const coldBytes = await metered.bytes();
  console.log('\nFirst visit, as a reader meets it (the page registers the service worker, which precaches meanwhile)');
  console.log(`  time to the first result          ${String(cold).padStart(6)} ms`);
  console.log(
    `  bytes before the first result     ${mb(coldBytes.page)} (page and Python worker)   + ${mb(coldBytes.serviceWorker)} (service worker's precache, meanwhile)`,
  );

  const reruns: number[] = [];
  const editor = page.locator('lab-workbench [data-app] textarea');
  for (let i = 0; i < RERUNS; i += 1) {
    await editor.press('End');
    await editor.pressSequentially(`\n# edit ${i}`);
    reruns.push(await runOnce(page));
  }
  console.log(
    `  re-run after an edit              median ${median(reruns)} ms   min ${Math.min(...reruns)} ms   max ${Math.max(...reruns)} ms   (n=${RERUNS})`,
  );

  // A later visit: the service worker (active once its cache is filled) serves the new page and every file; the new
  // page starts a new Python.
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (worker && worker.state !== 'activated') {
      await new Promise((done) => worker.addEventListener('statechange', done));
    }
  });
  const before = await metered.bytes();
  const again = await context.newPage();
  await openLab(again, server.url + LAB);
  const warm = await runOnce(again);
  const after = await metered.bytes();
  console.log('\nLater visit (warm: files from the service worker’s cache, Python started afresh)');
  console.log(`  time to the first result          ${String(warm).padStart(6)} ms`);
  console.log(
    `  bytes over the network            ${kb(after.page - before.page + after.serviceWorker - before.serviceWorker)} (the service worker asks the network for the page first; this server lets the HTTP cache keep pages 10 minutes)`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
