// Prints the site's performance figures per page type: JavaScript before interaction, total
// transfer, Lighthouse (mobile) scores, diagram time-to-paint and search time-to-first-result.
import { existsSync } from 'node:fs';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS, launchBrowser } from '../tests/support/browser.ts';
import { measurePage } from '../tests/support/page-weight.ts';
import { serveStatic } from '../tests/support/static-server.ts';

/** One page of each type a reader meets (the FastCGI term pages embed a player; the lab before its first Run). */
const PAGES = {
  home: '/',
  'term (en)': '/terms/fastcgi/',
  'term (zh-cn)': '/zh-cn/terms/fastcgi/',
  'glossary index': '/glossary/',
  variable: '/variables/path-info/',
  'pipeline (en)': '/pipelines/nginx-fastcgi-flup/',
  'pipeline (zh-cn)': '/zh-cn/pipelines/apache-cgi/',
  'lab (en)': '/lab/',
  'lab (zh-cn)': '/zh-cn/lab/',
} as const;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (!existsSync('dist/index.html')) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const server = await serveStatic('dist', { compress: true });
const browser = await launchBrowser();
try {
  console.log('\nPage weight before interaction (1280×800, no scroll, after idle; gzip)');
  for (const [type, path] of Object.entries(PAGES)) {
    const w = await measurePage(browser, server.url, path);
    console.log(
      `  ${type.padEnd(16)} JS ${kb(w.jsGzip).padStart(8)}   total transfer ${kb(w.totalGzip).padStart(8)}   (${path})`,
    );
  }

  console.log('\nDiagram: entering the viewport → SVG painted (cold, then theme switch)');
  for (const path of [PAGES['term (en)'], PAGES['term (zh-cn)']]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.locator('mermaid-diagram').first().scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector('mermaid-diagram')?.getAttribute('data-state') === 'rendered',
      null,
      { timeout: 30_000 },
    );
    const cold = await page.evaluate(
      () =>
        new Promise<number>((done) =>
          requestAnimationFrame(() => {
            const [visible] = performance.getEntriesByName('diagram-visible-0');
            const [rendered] = performance.getEntriesByName('diagram-rendered-0');
            done((rendered?.startTime ?? NaN) - (visible?.startTime ?? NaN));
          }),
        ),
    );
    const themeSwitch = await page.evaluate(async () => {
      const start = performance.now();
      const diagram = document.querySelector('mermaid-diagram') as HTMLElement;
      document.documentElement.dataset['theme'] =
        document.documentElement.dataset['theme'] === 'light' ? 'dark' : 'light';
      const want = document.documentElement.dataset['theme'];
      while (diagram.dataset['theme'] !== want) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - start;
    });
    console.log(`  ${path.padEnd(24)} cold ${cold.toFixed(0)} ms   theme switch ${themeSwitch.toFixed(0)} ms`);
    await context.close();
  }

  console.log('\nSearch: Ctrl+K → first result shown');
  for (const [query, path] of [
    ['fastcgi', '/'],
    ['网关', '/terms/cgi/'],
    ['守护进程', '/zh-cn/'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const timeQuery = async (q: string) => {
      const start = await page.evaluate(() => performance.now());
      await page.locator('site-search input').fill(q);
      await page.locator('.search-results > li').first().waitFor({ timeout: 30_000 });
      return (await page.evaluate(() => performance.now())) - start;
    };
    await page.keyboard.press('Control+k');
    const cold = await timeQuery(query);
    await page.locator('site-search input').fill('');
    await page.locator('.search-results > li').first().waitFor({ state: 'detached' });
    const warm = await timeQuery(query);
    console.log(
      `  “${query}” from ${path.padEnd(12)} first query ${cold.toFixed(0)} ms (loads both indexes)   next ${warm.toFixed(0)} ms`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}

console.log('\nLighthouse (mobile emulation, simulated throttling)');
const chrome = await launchChrome({
  chromePath: CHROMIUM,
  chromeFlags: [...CHROMIUM_FLAGS],
});
try {
  for (const [type, path] of Object.entries(PAGES)) {
    const result = await lighthouse(server.url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result?.lhr.categories;
    const audits = result?.lhr.audits;
    const score = (k: string) => String(Math.round((c?.[k]?.score ?? 0) * 100)).padStart(3);
    const cls = (audits?.['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3);
    const tbt = Math.round(audits?.['total-blocking-time']?.numericValue ?? Number.NaN);
    console.log(
      `  ${type.padEnd(16)} performance ${score('performance')}  accessibility ${score('accessibility')}  best practices ${score('best-practices')}  SEO ${score('seo')}   CLS ${cls}  TBT ${String(tbt).padStart(4)} ms`,
    );
  }
} finally {
  chrome.kill();
  await server.close();
}
