import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { cspWatchedContext, type WatchedContext } from './csp-watched-context.ts';
import { builtPages, readPage } from '../support/site.ts';

const site = useBuiltSite();

/** One page of each kind, in both languages (the 404 page is what the server sends for a path that does not exist). */
const PAGES = [
  '/',
  '/terms/fastcgi/',
  '/glossary/',
  '/term-table/',
  '/pipelines/',
  '/pipelines/nginx-fastcgi-flup/',
  '/process-model/',
  '/lab/',
  '/no-such-page/',
  '/zh-cn/',
  '/zh-cn/terms/fastcgi/',
  '/zh-cn/glossary/',
  '/zh-cn/term-table/',
  '/zh-cn/pipelines/',
  '/zh-cn/pipelines/nginx-fastcgi-flup/',
  '/zh-cn/process-model/',
  '/zh-cn/lab/',
  '/zh-cn/404/',
];

/** Directives every page's policy must have, with the sources each must list. */
const REQUIRED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'worker-src': ["'self'"],
};

/** A policy's directives by name. */
function parsePolicy(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

/** What is wrong with a page's policy: a missing directive or source, or a script source beyond this origin. */
function policyProblems(policy: string): string[] {
  const directives = parsePolicy(policy);
  const problems: string[] = [];
  for (const [name, sources] of Object.entries(REQUIRED)) {
    const have = directives.get(name);
    if (!have) problems.push(`no ${name}`);
    else for (const source of sources) if (!have.includes(source)) problems.push(`${name} lacks ${source}`);
  }
  for (const source of directives.get('script-src') ?? []) {
    if (!["'self'", "'wasm-unsafe-eval'"].includes(source) && !/^'sha256-[A-Za-z0-9+/]+={0,2}'$/.test(source)) {
      problems.push(`script-src allows ${source}`);
    }
  }
  return problems;
}

/** A browser context that records every CSP violation, page error and CSP console error on any of its pages. */
const watchedContext = (): Promise<WatchedContext> => cspWatchedContext(site.browser, { width: 1280, height: 800 });

/** Loads a page, checks the policy it arrived with, and returns what is wrong with it. */
async function visit(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(site.server.url + path, { waitUntil: 'networkidle' });
  const header = (await response?.headerValue('content-security-policy')) ?? '';
  const meta = await page.evaluate(
    () => document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]')?.content ?? '',
  );
  if (!header && !meta) return [`${path}: no Content-Security-Policy`];
  return policyProblems(`${header};${meta}`).map((problem) => `${path}: ${problem}`);
}

describe('Content-Security-Policy', () => {
  it('every built page has a policy before its first script that lists the hash of each inline script', async () => {
    const page = await site.browser.newPage();
    // Any page of the site: crypto.subtle needs a secure context, which 127.0.0.1 is.
    await page.goto(`${site.server.url}/favicon.svg`);
    const problems: string[] = [];
    const paths = builtPages();
    expect(paths.length).toBeGreaterThan(80);
    for (const path of paths) {
      // Chromium's own HTML parser reads the file, independently of the build's regular expressions.
      const found = await page.evaluate(async (html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const metas = doc.querySelectorAll<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy" i]');
        const meta = metas[0];
        const issues: string[] = [];
        if (metas.length !== 1 || !meta) return { policy: '', hashes: [], issues: [`${metas.length} CSP meta tags`] };
        const first = doc.querySelector('script');
        if (meta.parentElement !== doc.head) issues.push('the policy is not in <head>');
        if (first && !(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING)) {
          issues.push('a script comes before the policy');
        }
        const hashes: string[] = [];
        for (const script of doc.querySelectorAll('script')) {
          const type = script.type.trim().toLowerCase();
          if (!['', 'module', 'application/json'].includes(type)) issues.push(`a script of type ${type}`);
          if (script.src || type === 'application/json') continue;
          const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent));
          hashes.push(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
        }
        for (const element of doc.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (/^on/i.test(attribute.name)) issues.push(`<${element.localName} ${attribute.name}=…>`);
            if (/^\s*javascript:/i.test(attribute.value))
              issues.push(`<${element.localName} ${attribute.name}="javascript:…">`);
          }
        }
        return { policy: meta.content, hashes, issues };
      }, readPage(path));
      const scriptSrc = parsePolicy(found.policy).get('script-src') ?? [];
      const missing = found.hashes.filter((hash) => !scriptSrc.includes(hash));
      const extra = scriptSrc.filter((source) => source.startsWith("'sha256-") && !found.hashes.includes(source));
      problems.push(
        ...[
          ...found.issues,
          ...policyProblems(found.policy),
          ...missing.map((hash) => `an inline script hashed ${hash} is not allowed`),
          ...extra.map((hash) => `${hash} is allowed but no inline script has it`),
        ].map((problem) => `${path}: ${problem}`),
      );
      if (found.hashes.length === 0) problems.push(`${path}: no inline scripts found (Starlight always has some)`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads every kind of page in both languages without a violation', { timeout: 300_000 }, async () => {
    const { context, page, problems } = await watchedContext();
    const found: string[] = [];
    for (const path of PAGES) {
      found.push(...(await visit(page, path)), ...(await problems()));
      // Starlight's inline theme script ran (it defines this), so its hash was accepted.
      expect(await page.evaluate(() => 'StarlightThemeProvider' in window), path).toBe(true);
    }
    expect(found).toEqual([]);
    await context.close();
  });

  for (const [from, query, expected] of [
    ['/', 'fastcgi', '/terms/fastcgi/'],
    ['/zh-cn/', '网关', '/zh-cn/terms/cgi/'],
  ] as const) {
    it(`lets Pagefind and its WebAssembly search for “${query}” on ${from}`, async () => {
      const { context, page, problems } = await watchedContext();
      expect(await visit(page, from)).toEqual([]);
      await page.locator('site-search button[data-open]').click();
      await page.locator('site-search input').fill(query);
      const results = page.locator('.search-results > li > a');
      await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const paths = await results.evaluateAll((links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
      expect(paths).toContain(expected);
      expect(await problems()).toEqual([]);
      await context.close();
    });
  }

  it('lets the player step, the process model run and a term preview load', async () => {
    const { context, page, problems } = await watchedContext();
    expect(await visit(page, '/pipelines/nginx-fastcgi-flup/')).toEqual([]);
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    await page.locator('pipeline-player button[data-action="next"]').click();
    await expect.poll(() => page.locator('pipeline-player').getAttribute('data-step')).toBe('2');
    await page.locator('pipeline-player .player-stage').scrollIntoViewIfNeeded();
    await page.waitForSelector('pipeline-player .player-diagram .chart-edge.hop-current');
    // A re-trace loads the on-demand engine (its chunks, the comparison's chart) under the same policy.
    expect(await visit(page, '/pipelines/nginx-fastcgi-flup/?req=form-post&vs=apache-cgi#step-2')).toEqual([]);
    await page.waitForSelector('pipeline-player[data-state="ready"]');
    await page.locator('.compare-columns').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('.compare-columns .pipeline-chart').length === 2);

    expect(await visit(page, '/zh-cn/process-model/')).toEqual([]);
    const model = page.locator('process-model').first();
    await model.scrollIntoViewIfNeeded();
    await expect.poll(() => model.getAttribute('data-state')).toBe('live');

    expect(await visit(page, '/terms/cgi/')).toEqual([]);
    await page.locator('.sl-markdown-content a[href^="/terms/"]:not(.related-terms a)').first().hover();
    await expect.poll(() => page.locator('#term-preview-card').isVisible()).toBe(true);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('lets the lab run Python (Pyodide in its worker) and register its service worker', async () => {
    const { context, page, problems } = await watchedContext();
    expect(await visit(page, '/lab/')).toEqual([]);
    await page.waitForSelector('lab-workbench[data-ready="true"]');
    await page.locator('lab-workbench [data-action="run"]').click();
    await page.waitForSelector('lab-workbench[data-state="ready"]', { timeout: 150_000 });
    expect(await page.locator('lab-workbench [data-run-error] [data-error-kind]').count()).toBe(0);
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(await problems()).toEqual([]);
    await context.close();
  });

  for (const path of ['/terms/fastcgi/', '/zh-cn/terms/wsgi/']) {
    it(`lets Mermaid draw the diagram on ${path} when it scrolls into view`, async () => {
      const { context, page, problems } = await watchedContext();
      expect(await visit(page, path)).toEqual([]);
      const diagram = page.locator('mermaid-diagram').first();
      expect(await diagram.getAttribute('data-state')).toBeNull();
      await diagram.scrollIntoViewIfNeeded();
      await expect.poll(() => diagram.getAttribute('data-state'), { timeout: 20_000 }).toBe('rendered');
      expect(await diagram.locator('.diagram-canvas svg').count()).toBe(1);
      // Mermaid styles its drawing with a <style> inside the SVG: it must have applied (style-src allows it).
      expect(await diagram.locator('svg style').count()).toBeGreaterThan(0);
      expect(await problems()).toEqual([]);
      await context.close();
    });
  }

  it('blocks and reports an inline script that has no hash (the watch above can see a violation)', async () => {
    const { context, page, problems } = await watchedContext();
    expect(await visit(page, '/')).toEqual([]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.injected = "ran";';
      document.head.append(script);
    });
    await expect
      .poll(problems)
      .toEqual([
        expect.stringMatching(/inline script .*Content Security Policy/),
        expect.stringMatching(/^\/: script-src-elem blocked inline/),
      ]);
    expect(await page.evaluate(() => document.documentElement.dataset['injected'])).toBeUndefined();
    await context.close();
  });
});
