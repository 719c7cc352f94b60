import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { defaultProcessModelSettings } from '../../src/sim/process-model/index.ts';

const site = useBuiltSite();

/** Opens a page and waits until the given process model has become live. */
async function openLive(page: Page, path: string, pipeline: string) {
  await page.goto(site.server.url + path);
  const model = page.locator(`process-model[data-pipeline="${pipeline}"]`);
  await model.scrollIntoViewIfNeeded();
  await expect.poll(() => model.getAttribute('data-state')).toBe('live');
  return model;
}

/** What a reader sees of one model's timeline: the drawing CSS shows, its text sizes in CSS px, and overlaps. */
interface TimelineLook {
  visible: string[];
  /** The smallest and largest on-screen font size of the drawing's text (font-size × the SVG's scale). */
  minFont: number;
  maxFont: number;
  /** Texts that run outside the drawing or over a bar. */
  clashes: string[];
}

function lookAt(model: Locator): Promise<TimelineLook> {
  return model.evaluate((root) => {
    const svgs = [...root.querySelectorAll<SVGSVGElement>('svg.pm-svg')];
    const shown = svgs.filter((svg) => svg.getClientRects().length > 0);
    const sizes: number[] = [];
    const clashes: string[] = [];
    for (const svg of shown) {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const bars = [...svg.querySelectorAll<SVGRectElement>('rect')].map((r) => r.getBBox());
      for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
        sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
        const box = text.getBBox();
        const inside = box.x >= 0 && box.x + box.width <= svg.viewBox.baseVal.width;
        const overBar = bars.some(
          (b) => box.x < b.x + b.width && b.x < box.x + box.width && box.y < b.y + b.height && b.y < box.y + box.height,
        );
        if (!inside || overBar) clashes.push(`${svg.dataset['layout']}: ${text.textContent}`);
      }
    }
    return {
      visible: shown.map((svg) => svg.dataset['layout'] ?? ''),
      minFont: Math.min(...sizes),
      maxFont: Math.max(...sizes),
      clashes,
    };
  });
}

describe('the process model', () => {
  it('without JavaScript shows the timeline, its description and the default numbers', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/process-model/`);
    // One model per compared pipeline, CGI first and the mod_wsgi daemon among them (the page's own list).
    const shown = await page
      .locator('process-model')
      .evaluateAll((models) => models.map((model) => model.getAttribute('data-pipeline')));
    expect(shown[0]).toBe('apache-cgi');
    expect(shown).toContain('apache-modwsgi-daemon');
    expect(new Set(shown).size).toBe(shown.length);
    const cgi = page.locator('process-model[data-pipeline="apache-cgi"]');
    const burst = cgi.locator('.pm-view[data-view="burst"]');
    const steady = cgi.locator('.pm-view[data-view="steady"]');
    expect(await burst.locator('svg.pm-svg title').first().textContent()).toContain('Apache runs a CGI script');
    // Both drawings (wide and narrow) are in the page; CSS shows the one that fits.
    for (const layout of ['wide', 'narrow']) {
      expect(await burst.locator(`svg.pm-svg-${layout} desc`).textContent()).toContain('mean latency 528 ms');
      expect(await steady.locator(`svg.pm-svg-${layout} desc`).textContent()).toContain('CPU time per request 176 ms');
    }
    expect(await burst.locator('h3').innerText()).toBe('Cold start: the first 20 requests');
    expect(await burst.locator('.pm-results dd').allInnerTexts()).toEqual([
      '22.7 requests/s',
      '528 ms',
      '528 ms',
      '880 ms',
      '880 ms',
      '176 ms',
    ]);
    expect(await steady.locator('h3').innerText()).toBe('Steady state: requests 51–60 of a stream at 50 requests/s');
    expect(await steady.locator('.pm-results dd').allInnerTexts()).toEqual([
      '25.5 requests/s',
      '1,443.2 ms',
      '1,424 ms',
      '1,520 ms',
      '1,520 ms',
      '176 ms',
    ]);
    // Warm mod_wsgi: 5 ms a request, against CGI's 1.4 s and 176 ms of CPU.
    const daemonSteady = page.locator(
      'process-model[data-pipeline="apache-modwsgi-daemon"] .pm-view[data-view="steady"] .pm-results dd',
    );
    expect(await daemonSteady.allInnerTexts()).toEqual(['50 requests/s', '5 ms', '5 ms', '5 ms', '5 ms', '5 ms']);
    // Every timeline on the page, both views of every pipeline, has the same scale.
    const scales = await page
      .locator('svg.pm-svg-wide')
      .evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute('data-units-per-ms')));
    expect(scales).toHaveLength(shown.length * 2);
    expect(new Set(scales).size).toBe(1);
    expect(await cgi.locator('[data-pm-scale]').innerText()).toBe(
      'Every timeline on this page has the same scale: the full width is 1,700 ms.',
    );
    expect(await cgi.locator('input[name="forkExecMs"]').isDisabled()).toBe(true);
    // The comparison above the models, computed at build time from the same defaults.
    expect(await page.locator('.pm-compare tbody tr').first().locator('td').allInnerTexts()).toEqual([
      '528 ms',
      '1,443.2 ms',
      '176 ms',
    ]);
    expect(await page.locator('.pm-compare tbody tr').last().locator('td').allInnerTexts()).toEqual([
      '202.5 ms',
      '5 ms',
      '5 ms',
    ]);
    await context.close();
  });

  it('redraws the SVG and updates the numbers when a parameter changes, by keyboard alone', async () => {
    const context = await site.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const model = await openLive(page, '/process-model/', 'apache-cgi');
    const burst = model.locator('.pm-view[data-view="burst"]');
    const svgEnd = () => burst.locator('svg.pm-svg-wide').getAttribute('data-end');
    const narrowEnd = () => burst.locator('svg.pm-svg-narrow').getAttribute('data-end');
    const mean = () => burst.locator('.pm-results dd').nth(1).innerText();
    // The scale another model on the page is drawn at.
    const daemonScale = () =>
      page
        .locator('process-model[data-pipeline="apache-modwsgi-daemon"] svg.pm-svg-wide')
        .first()
        .getAttribute('data-scale-ms');
    const ownScale = () => burst.locator('svg.pm-svg-wide').getAttribute('data-scale-ms');
    expect(await svgEnd()).toBe('880');
    // The models compared with it went live with it.
    expect(
      await page.locator('process-model').evaluateAll((all) => all.map((el) => el.getAttribute('data-state'))),
    ).toEqual(['live', 'live', 'live', 'live']);

    // Tab from the caption's neighbourhood into the form: the first field is the request count.
    await model.locator('input[name="requests"]').focus();
    for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('forkExecMs');
    await page.keyboard.press('ArrowUp');
    await expect.poll(mean).toBe('531 ms');
    expect(await svgEnd()).toBe('885');
    expect(await narrowEnd()).toBe('885');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('40');
    await expect.poll(mean).toBe('645 ms');
    expect(await burst.locator('svg.pm-svg-wide desc').textContent()).toContain('mean latency 645 ms');
    expect(await burst.locator('svg.pm-svg-narrow desc').textContent()).toContain('mean latency 645 ms');
    expect(await model.locator('[data-pm-live]').textContent()).toContain('mean latency 645 ms');
    // CGI's longer timeline rescales every model on the page with it.
    expect(Number(await ownScale())).toBeGreaterThan(1700);
    expect(await daemonScale()).toBe(await ownScale());

    // A value the model rejects shows a message and leaves the last good timeline in place.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => model.locator('[data-pm-error]').innerText()).toMatch(/fork \+ exec must be between 0/);
    expect(await model.locator('input[name="forkExecMs"]').getAttribute('aria-invalid')).toBe('true');
    expect(await mean()).toBe('645 ms');

    // Reset, reached with the keyboard, restores the defaults.
    await model.getByRole('button', { name: 'Reset to defaults' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(mean).toBe('528 ms');
    expect(await daemonScale()).toBe('1700');
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
    const lanes = () => model.locator('.pm-view[data-view="burst"] svg.pm-svg-wide').getAttribute('data-lanes');
    expect(await lanes()).toBe('17');
    const { requests } = defaultProcessModelSettings('apache-modwsgi-daemon');
    await model.locator('input[name="threads"]').fill(String(requests));
    // Every request now finds a thread at once: no waiting lane, one process and a thread per request.
    await expect.poll(lanes).toBe(String(1 + requests));
    expect(await model.locator('.pm-table tbody tr').count()).toBe(requests);
    await context.close();
  });

  // On a 390 px phone the wide drawing would be scaled to about 40 % (5 px text); the narrow one stacks each
  // lane's label above its bar. At desktop width the wide drawing shows, its text still readable.
  for (const [width, layout] of [
    [390, 'narrow'],
    [1280, 'wide'],
  ] as const) {
    for (const [path, pipeline] of [
      ['/process-model/', 'apache-cgi'],
      ['/zh-cn/process-model/', 'apache-modwsgi-daemon'],
      ['/pipelines/apache-modwsgi-daemon/', 'apache-modwsgi-daemon'],
      ['/zh-cn/pipelines/nginx-fastcgi-php/', 'nginx-fastcgi-php'],
    ] as const) {
      it(`at ${width} px shows the ${layout} timelines on ${path} with text of at least 12 px`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 844 } });
        const page = await context.newPage();
        const model = await openLive(page, path, pipeline);
        const check = async () => {
          const look = await lookAt(model);
          expect(look.minFont).toBeGreaterThanOrEqual(12);
          expect(look.maxFont).toBeLessThanOrEqual(18);
          // Both views, the cold start and the steady state.
          expect(look.visible).toEqual([layout, layout]);
          expect(look.clashes).toEqual([]);
          // The page itself never scrolls sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        };
        await check();
        // Redrawn by the browser after a change, the timeline keeps the same layout and sizes.
        await model.locator('input[name="requests"]').fill('30');
        await expect.poll(() => model.getAttribute('data-runs')).toBe('1');
        await check();
        await context.close();
      });
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const [path, width] of [
      ['/process-model/', 1280],
      ['/zh-cn/process-model/', 1280],
      ['/process-model/', 390],
      ['/zh-cn/process-model/', 390],
    ] as const) {
      it(`has no axe violations on ${path} at ${width} px in the ${scheme} theme, with every model live`, async () => {
        const context = await site.browser.newContext({
          colorScheme: scheme,
          reducedMotion: 'reduce',
          viewport: { width, height: 844 },
        });
        const page = await context.newPage();
        await page.goto(site.server.url + path);
        for (const model of await page.locator('process-model').all()) {
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
