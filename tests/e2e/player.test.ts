import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { textToBase64url } from '../../src/player/base64url.ts';
import { defaultTrace, pipelineById } from '../../src/player/pipeline-data.ts';
import { runPipeline } from '../../src/sim/index.ts';

const PIPELINE_ID = 'nginx-fastcgi-flup';
const PIPELINE = `/pipelines/${PIPELINE_ID}/`;
/** The trace the page opens with, as the simulator computes it: the counts below follow it. */
const TRACE = defaultTrace(pipelineById(PIPELINE_ID)).trace;
/** The step number of the first hop that reaches a node. */
const stepTo = (node: string) => String(TRACE.hops.findIndex((hop) => hop.to === node) + 1);

const site = useBuiltSite();

/** Opens a page in a fresh context; fails the test on any page error or dialog. */
async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  await page.goto(site.server.url + path);
  if (options.javaScriptEnabled !== false && path.includes('/pipelines/')) {
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
  }
  return page;
}

const currentStep = (page: Page) => page.locator('pipeline-player').getAttribute('data-step');
const hash = (page: Page) => page.evaluate(() => location.hash);
const ready = (page: Page) => page.waitForSelector('pipeline-player[data-state="ready"]');

describe('pipeline player', () => {
  it('renders the whole trace without JavaScript, with its tables', async () => {
    const page = await open(PIPELINE, { javaScriptEnabled: false });
    const steps = page.locator('ol.trace-steps > li.trace-step');
    expect(TRACE.hops.length).toBeGreaterThan(2);
    expect(await steps.count()).toBe(TRACE.hops.length);
    for (let n = 1; n <= TRACE.hops.length; n++) expect(await page.locator(`li#step-${n}`).isVisible()).toBe(true);
    expect(await page.locator('#step-1 table.hbh-http').count()).toBe(1);
    expect(await page.locator('#step-2 table.hbh-hex').count()).toBeGreaterThan(0);
    const fields = await page.locator('#step-2 table.hbh-fields').first().textContent();
    for (const field of ['version', 'type', 'requestId', 'contentLength', 'paddingLength', 'reserved']) {
      expect(fields).toContain(field);
    }
    expect(await page.locator('#step-2').textContent()).toContain('1 byte (length < 128');
    expect(await page.locator('#step-3 table.hbh-pairs').textContent()).toContain('wsgi.url_scheme');
    expect(await page.locator('.player-controls').isVisible()).toBe(false);
    expect(await page.locator('.player-diagram figcaption').textContent()).toContain('speaks FastCGI to');
    await page.context().close();
    const zh = await open(`/zh-cn${PIPELINE}`, { javaScriptEnabled: false });
    expect(await zh.locator('#step-1 .step-narration').textContent()).toMatch(/客户端/);
    await zh.context().close();
  });

  it('steps with the keyboard alone: Tab into the player, ← → Home End Space', async () => {
    const page = await open(PIPELINE);
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.matches('[data-stage]'))) break;
    }
    expect(await page.evaluate(() => document.activeElement?.matches('[data-stage]'))).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await currentStep(page)).toBe('3');
    expect(await hash(page)).toBe('#step-3');
    expect(await page.locator('#step-3').isVisible()).toBe(true);
    expect(await page.locator('#step-2').isVisible()).toBe(false);
    expect(await page.locator('[data-narration]').textContent()).toMatch(/^Step 3 of 6\. flup calls/);
    await page.keyboard.press('End');
    expect(await currentStep(page)).toBe('6');
    await page.keyboard.press('ArrowLeft');
    expect(await currentStep(page)).toBe('5');
    await page.keyboard.press('Home');
    expect(await currentStep(page)).toBe('1');
    await page.keyboard.press(' ');
    expect(await page.locator('pipeline-player').getAttribute('data-playing')).toBe('true');
    await page.keyboard.press(' ');
    expect(await page.locator('pipeline-player').getAttribute('data-playing')).toBe('false');
    await page.context().close();
  });

  it('plays on by itself and replaces history while playing', async () => {
    const page = await open(PIPELINE);
    const length = await page.evaluate(() => history.length);
    await page.selectOption('[data-control="speed"]', '4');
    await page.click('button[data-action="play"]');
    await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-step') === '3');
    await page.click('button[data-action="play"]');
    expect(await page.evaluate(() => history.length)).toBe(length);
    await page.context().close();
  });

  it('restores deep links: #step-N (clamped), ?req=, ?raw=', async () => {
    let page = await open(`${PIPELINE}#step-4`);
    expect(await currentStep(page)).toBe('4');
    expect(await page.locator('#step-4').isVisible()).toBe(true);
    await page.context().close();
    page = await open(`${PIPELINE}#step-99`);
    expect(await currentStep(page)).toBe('6');
    await page.context().close();
    page = await open(`${PIPELINE}?req=head#step-2`);
    await ready(page);
    expect(await page.locator('[data-control="preset"]').inputValue()).toBe('head');
    expect(await currentStep(page)).toBe('2');
    expect(await page.locator('#step-1').textContent()).toContain('HEAD /app/ HTTP/1.1');
    await page.context().close();
    const raw = 'POST /app/typed HTTP/1.1\r\nHost: example.test\r\nContent-Length: 2\r\n\r\nhi';
    page = await open(`${PIPELINE}?raw=${textToBase64url(raw)}#step-3`);
    await ready(page);
    expect(await page.locator('[data-control="editor"]').inputValue()).toBe(raw.replace(/\r\n/g, '\n'));
    expect(await currentStep(page)).toBe('3');
    expect(await page.locator('#step-3').textContent()).toContain('/typed');
    await page.context().close();
  });

  it('walks back through hand-made steps with the back button', async () => {
    const page = await open(PIPELINE);
    await page.click('button[data-action="next"]');
    await page.click('button[data-action="next"]');
    expect(await hash(page)).toBe('#step-3');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-step') === '2');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-step') === '1');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-step') === '2');
    await page.context().close();
  });

  it('keeps the step when an in-page link changes the hash', async () => {
    const page = await open(`${PIPELINE}#step-3`);
    // A hash change fires popstate, which the player answers; its listener was added first, so when this one runs
    // the player has read the new URL, and a frame later it has shown whatever step it chose.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          addEventListener('popstate', () => requestAnimationFrame(() => resolve()), { once: true });
          location.hash = '#trace';
        }),
    );
    expect(await hash(page)).toBe('#trace');
    expect(await currentStep(page)).toBe('3');
    expect(await page.locator('#step-3').isVisible()).toBe(true);
    await page.context().close();
  });

  it('lights the configuration line behind a variable on hover and focus, and pins it on click', async () => {
    const page = await open(`${PIPELINE}#step-2`);
    const panel = page.locator('[data-config-panel]');
    expect(await panel.locator('figcaption').allTextContents()).toEqual(['nginx.conf', 'fastcgi_params']);
    const lit = () => panel.locator('.config-line.is-origin').allTextContents();
    // At 1280 px the panel sits under the player, folded: open it (without moving the mouse over the rows).
    await page.locator('[data-config-toggle]').dispatchEvent('click');
    // The panel follows the player: the lines behind the variables the step's changes name are marked (the HTTP
    // step has none), not every line behind every parameter.
    const marked = await panel.locator('.config-line.is-step').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length).toBeLessThanOrEqual(6);
    expect(marked.join('\n')).toMatch(/fastcgi_param\s+SCRIPT_NAME/);
    await page.locator('[data-stage]').focus();
    await page.keyboard.press('Home');
    expect(await panel.locator('.config-line.is-step').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    const row = page.locator('#step-2 tr[data-origins]', {
      has: page.locator('th code', { hasText: /^SCRIPT_NAME$/ }),
    });
    // Pointer events sent to the row itself: a real mouse can end up over a neighbouring row while the page settles.
    await row.locator('th').dispatchEvent('pointerover');
    const lines = await lit();
    // Exactly the lines the simulator names for SCRIPT_NAME on this step, no others.
    const scriptNameOrigins = TRACE.hops[1]?.origins?.filter((origin) => origin.name === 'SCRIPT_NAME') ?? [];
    expect(scriptNameOrigins.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(scriptNameOrigins.length);
    expect(lines.join('\n')).toMatch(/fastcgi_param\s+SCRIPT_NAME\s+\$fastcgi_script_name;/);
    expect(lines.join('\n')).toContain('include /etc/nginx/fastcgi_params;');
    expect(lines.join('\n')).toContain('fastcgi_split_path_info ^(/app)(/.*)$;');
    // The panel scrolls (smoothly, unless motion is reduced) until the lit lines are in its view.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-config-panel]')!.getBoundingClientRect();
      return [...document.querySelectorAll('.config-line.is-origin')].some((line) => {
        const at = line.getBoundingClientRect();
        return at.top >= box.top - 1 && at.bottom <= box.bottom + 1;
      });
    });
    await row.locator('th').dispatchEvent('pointerout');
    expect(await lit()).toEqual([]);
    // Keyboard: focusing one link lights its one line; a click pins it without touching the URL.
    const link = page.locator('#step-2 tr[data-origins] .origin-link').first();
    await link.focus();
    expect(await lit()).toHaveLength(1);
    expect(await lit()).toEqual([expect.stringMatching(/QUERY_STRING/)]);
    await link.press('Enter');
    await page.locator('[data-stage]').focus();
    expect(await lit()).toHaveLength(1);
    expect(await hash(page)).toBe('#step-2');
    await page.context().close();
  });

  it('keeps "Set by" links after a re-trace, and every link names a line on the page', async () => {
    const page = await open('/pipelines/apache-cgi/#step-2');
    await page.click('.player-editor summary');
    await page.fill('[data-control="editor"]', 'GET /app/x/y?z=1 HTTP/1.1\nHost: example.test\n\n');
    await page.waitForFunction(() => location.search.startsWith('?raw='));
    await ready(page);
    const row = page.locator('#step-2 tr[data-origins]', { has: page.locator('th code', { hasText: /^PATH_INFO$/ }) });
    expect(await row.locator('td').textContent()).toContain('/x/y');
    await row.locator('th').dispatchEvent('pointerover');
    expect(await page.locator('.config-line.is-origin').allTextContents()).toEqual([
      expect.stringContaining('ScriptAlias /app /srv/hop/app/dump_cgi.py'),
    ]);
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.origin-link')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => !document.getElementById(href.slice(1))),
    );
    expect(missing).toEqual([]);
    await page.context().close();
  });

  it('shows a located error for a malformed request, then recovers', async () => {
    const page = await open(PIPELINE);
    await page.click('.player-editor summary');
    await page.fill('[data-control="editor"]', 'GET /app/ HTTP/1.1\nHost: example.test\nX-Broken header\n\n');
    await page.waitForFunction(() => document.querySelector('[data-editor-error]')?.textContent !== '');
    await ready(page);
    const error = await page.locator('[data-editor-error]').textContent();
    expect(error).toMatch(/rejected the request: .* at byte \d+ \(line 3, column \d+\)/);
    expect(await page.locator('[data-editor-error] mark').count()).toBe(1);
    expect(await page.locator('[data-control="editor"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.trace-response').textContent()).toContain('400 Bad Request');
    expect(await page.evaluate(() => location.search)).toMatch(/^\?raw=/);
    await page.fill('[data-control="editor"]', 'GET /app/fixed HTTP/1.1\nHost: example.test\n\n');
    await page.waitForFunction(() => document.querySelector('[data-editor-error]')?.textContent === '');
    expect(await page.locator('[data-control="editor"]').getAttribute('aria-invalid')).toBeNull();
    const fixed = runPipeline(
      PIPELINE_ID,
      new TextEncoder().encode('GET /app/fixed HTTP/1.1\r\nHost: example.test\r\n\r\n'),
    );
    expect(fixed.error).toBeNull();
    expect(await page.locator('.trace-step').count()).toBe(fixed.hops.length);
    await page.context().close();
  });

  it('switches presets and writes ?req= to the URL', async () => {
    const page = await open(`${PIPELINE}#step-2`);
    await page.selectOption('[data-control="preset"]', 'form-post');
    await page.waitForFunction(() => location.search === '?req=form-post');
    expect(await page.locator('#step-1').textContent()).toContain('POST /app/login');
    expect(await page.locator('#step-2').textContent()).toContain('CONTENT_LENGTH');
    expect(await hash(page)).toBe('#step-2');
    await page.selectOption('[data-control="preset"]', 'get');
    await page.waitForFunction(() => location.search === '');
    await page.context().close();
  });

  it('compares two pipelines side by side and lists the differences', async () => {
    const page = await open(`${PIPELINE}?vs=werkzeug`);
    await ready(page);
    expect(await page.locator('[data-control="vs"]').inputValue()).toBe('werkzeug');
    const panel = page.locator('[data-compare]');
    expect(await panel.isVisible()).toBe(true);
    const columns = panel.locator('.compare-columns > section.compare-column');
    expect(await columns.locator('h3').allTextContents()).toEqual([
      expect.stringContaining('nginx'),
      expect.stringContaining('Werkzeug'),
    ]);
    expect(await columns.nth(1).locator('ol.compare-hops > li').count()).toBeGreaterThan(1);
    await columns.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('.compare-columns .pipeline-chart').length === 2);
    const rows = await panel.locator('table.hbh-diff tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('SCRIPT_NAME') && row.includes('/app'))).toBe(true);
    await page.selectOption('[data-control="vs"]', 'apache-fastcgi-flup');
    await page.waitForFunction(() => location.search === '?vs=apache-fastcgi-flup');
    expect(await panel.locator('h2').textContent()).toContain('Apache');
    await page.context().close();
  });

  it('moves a marker along the current hop, and keeps it still under reduced motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const page = await open(`${PIPELINE}#step-2`, { reducedMotion });
      await page.locator('pipeline-player .player-stage').scrollIntoViewIfNeeded();
      await page.waitForSelector('pipeline-player .player-diagram .chart-edge.hop-current');
      const state = await page.evaluate(() => ({
        animations: document
          .getAnimations()
          .filter((animation) => (animation as CSSAnimation).animationName?.startsWith('chart-travel')).length,
        current: [...document.querySelectorAll('.player-diagram .hop-current')].map(
          (element) => (element as HTMLElement).dataset['node'] ?? (element as HTMLElement).dataset['edge'],
        ),
        past: document.querySelectorAll('.player-diagram .hop-past').length,
      }));
      expect(state.current.sort()).toEqual(['flup', 'ngx_http_fastcgi_module', 'ngx_http_fastcgi_module>flup']);
      expect(state.past).toBeGreaterThan(0);
      expect(state.animations).toBe(reducedMotion === 'reduce' ? 0 : 1);
      await page.context().close();
    }
  });

  it('moves to the step of a node clicked in the diagram, drawn at build time with no Mermaid', async () => {
    const page = await open(`${PIPELINE}#step-1`);
    expect(
      await page.locator('.player-diagram mermaid-diagram, .player-diagram svg:not(.diagram-fullscreen svg)').count(),
    ).toBe(0);
    await page.locator('.player-diagram button[data-node="app"]').click();
    await page.waitForFunction(
      (step) => document.querySelector('pipeline-player')?.getAttribute('data-step') === step,
      stepTo('app'),
    );
    expect(new URL(page.url()).hash).toBe(`#step-${stepTo('app')}`);
    // The client is reached only by the answer, the last step.
    await page.locator('.player-diagram button[data-node="client"]').click();
    await page.waitForFunction(
      (step) => document.querySelector('pipeline-player')?.getAttribute('data-step') === step,
      stepTo('client'),
    );
    expect(stepTo('client')).toBe(String(TRACE.hops.length));
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(scripts.filter((name) => /mermaid/i.test(name))).toEqual([]);
    await page.context().close();
  });

  it('shows markup and javascript: URLs in a request as text, and never runs them', async () => {
    const payload = [
      'GET /app/<script>window.__xss=1</script>/javascript:window.__xss=2 HTTP/1.1',
      'Host: example.test',
      'X-Evil: <img src=x onerror="window.__xss=3">',
      'Referer: javascript:window.__xss=4',
      'Content-Length: 40',
      '',
      '<script>window.__xss=5</script><img src=x>',
    ].join('\r\n');
    const page = await open(`${PIPELINE}?raw=${textToBase64url(payload)}#step-1`);
    await ready(page);
    const check = async () => {
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss,
        images: document.querySelectorAll('pipeline-player img').length,
        scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss=')).length,
        links: [...document.querySelectorAll('a[href^="javascript:"]')].length,
      }));
      expect(state).toEqual({ xss: undefined, images: 0, scripts: 0, links: 0 });
    };
    await check();
    expect(await page.locator('#step-1').textContent()).toContain('<script>window.__xss=1</script>');
    expect(await page.locator('#step-1').textContent()).toContain('<img src=x onerror="window.__xss=3">');
    expect(await page.locator('[data-control="editor"]').inputValue()).toContain('<script>window.__xss=5</script>');
    // Every step of the payload's trace is rendered on the way to the last one.
    const steps = runPipeline(PIPELINE_ID, new TextEncoder().encode(payload)).hops.length;
    for (let i = 1; i < steps; i++) await page.click('button[data-action="next"]');
    expect(await currentStep(page)).toBe(String(steps));
    expect(await page.locator('[data-narration]').textContent()).not.toBe('');
    await page.click('.player-editor summary');
    await page.fill('[data-control="editor"]', payload.replace('X-Evil', 'X-Typed').replace(/\r\n/g, '\n'));
    await page.waitForFunction(() => new URLSearchParams(location.search).get('raw')?.length);
    await ready(page);
    // The re-trace has rendered the typed request (as text) before the page is checked again.
    await page.waitForFunction(() => document.querySelector('#step-1')?.textContent?.includes('X-Typed'));
    await check();
    await page.context().close();
  });

  it('keeps the query and the step when switching language', async () => {
    const page = await open(`${PIPELINE}?req=head#step-2`);
    await ready(page);
    await Promise.all([
      page.waitForURL(/\/zh-cn\/pipelines\/nginx-fastcgi-flup\/\?req=head#step-2$/),
      page.selectOption('starlight-lang-select select', { label: '简体中文' }),
    ]);
    await page.waitForSelector('pipeline-player[data-state="ready"]');
    expect(await currentStep(page)).toBe('2');
    await page.context().close();
  });

  it('is usable at 390 px: no sideways page scroll, controls and the inspector in reach', async () => {
    const page = await open(`${PIPELINE}#step-2`, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const action of ['first', 'previous', 'play', 'next', 'last']) {
      const box = await page.locator(`button[data-action="${action}"]`).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390 && box.height >= 44).toBe(true);
    }
    await page.locator('button[data-action="next"]').tap();
    expect(await currentStep(page)).toBe('3');
    const step = await page.locator('#step-3').boundingBox();
    expect(step && step.width <= 390).toBe(true);
    await page.context().close();
  });
});

describe('embedded player on a term page', () => {
  it('loads nothing until near the viewport, opens at its step, never writes the URL', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${site.server.url}/terms/fastcgi/`);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => /pipeline-player|trace-engine/.test(url))).toEqual([]);
    expect(await page.locator('pipeline-player .trace-step').count()).toBe(1);
    expect(await page.locator('pipeline-player #step-2').count()).toBe(1);
    await page.locator('lazy-player').scrollIntoViewIfNeeded();
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    expect(await currentStep(page)).toBe('2');
    await page.click('pipeline-player button[data-action="next"]');
    await page.waitForFunction(
      () => document.querySelector('pipeline-player .trace-step[aria-current="step"]')?.id === 'step-3',
    );
    expect(await page.evaluate(() => location.pathname + location.search + location.hash)).toBe('/terms/fastcgi/');
    expect(await page.locator('[data-open-link]').getAttribute('href')).toBe('/pipelines/nginx-fastcgi-flup/#step-3');
    // Compact: each step's bytes and tables are folded away until asked for, by mouse or keyboard.
    const fold = page.locator('pipeline-player #step-3 details.step-data-fold');
    expect(await fold.getAttribute('open')).toBeNull();
    expect(await fold.locator('table').first().isVisible()).toBe(false);
    await fold.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await fold.locator('table').first().isVisible()).toBe(true);
    await context.close();
  });
});
