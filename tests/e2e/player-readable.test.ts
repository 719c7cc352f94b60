/**
 * The player is readable on a phone (390×844) and a laptop (1280×800), in both themes.
 *
 * "In view" means: open `/pipelines/<id>/#step-2` (the browser scrolls to the step), then scroll the player's stage
 * to the top of the window (`scrollIntoView({ block: 'start' })`, which leaves it under Starlight's sticky header), as
 * a reader does who comes back to the diagram. Then the current hop's arrow and both its boxes, the narration and
 * the current step's title (the top of the inspector) must each lie wholly between the header's bottom edge and the
 * window's bottom edge, and the arrow wholly inside the chart's own box (never cut off by its sideways scroll).
 *
 * Lit configuration lines are measured by their marker: the colour of the line's inline-start border against the
 * background of the configuration block it sits on (WCAG 1.4.11, non-text contrast of a visual indicator: ≥ 3:1).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';

const site = useBuiltSite();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const VIEWPORTS = [
  ['390×844', PHONE],
  ['1280×800', LAPTOP],
] as const;
const PIPELINES = ['nginx-fastcgi-flup', 'apache-cgi', 'apache-modwsgi-daemon'] as const;

/** Opens a pipeline page at a step; motion reduced so the chart's own scroll settles at once. */
async function openPlayer(path: string, options: BrowserContextOptions): Promise<Page> {
  const context = await site.browser.newContext({ reducedMotion: 'reduce', ...options });
  await context.addInitScript(() => sessionStorage.clear());
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(site.server.url + path);
  await page.waitForSelector('pipeline-player[data-enhanced="true"]');
  await page.waitForSelector('pipeline-player .player-diagram .chart-edge.hop-current');
  return page;
}

/** Boxes that are not wholly on screen after the stage is scrolled to the top (see the file comment). */
async function outOfView(page: Page): Promise<string[]> {
  // Scrolled once the stage stands still: its top the same on two frames running.
  await page.evaluate(async () => {
    const stage = document.querySelector('[data-stage]');
    stage?.scrollIntoView({ block: 'start' });
    let last = Number.NaN;
    for (;;) {
      await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const top = stage?.getBoundingClientRect().top ?? 0;
      if (top === last) return;
      last = top;
    }
  });
  return page.evaluate(() => {
    const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
    const chart = document.querySelector('.player-diagram .chart-stages')!.getBoundingClientRect();
    const edge = document.querySelector<HTMLElement>('.player-diagram .chart-edge.hop-current')!;
    const nodes = [...document.querySelectorAll('.player-diagram .chart-node.hop-current')];
    const wanted: [string, Element | null][] = [
      ['current hop', edge],
      ...nodes.map((node): [string, Element] => [`box ${node.textContent ?? ''}`, node]),
      ['narration', document.querySelector('[data-narration]')],
      ['step title', document.querySelector('.trace-step[aria-current] .step-title')],
    ];
    const out: string[] = [];
    for (const [name, element] of wanted) {
      const box = element?.getBoundingClientRect();
      if (!box || box.height === 0) out.push(`${name}: not shown`);
      else if (box.top < header - 1 || box.bottom > innerHeight + 1) {
        out.push(
          `${name}: ${Math.round(box.top)}–${Math.round(box.bottom)} outside ${Math.round(header)}–${innerHeight}`,
        );
      } else if (box.left < chart.left - 1 - 0 && name !== 'narration' && name !== 'step title') {
        out.push(`${name}: cut off at the chart's start`);
      } else if (box.right > chart.right + 1 && name !== 'narration' && name !== 'step title') {
        out.push(`${name}: cut off at the chart's end`);
      }
    }
    return out;
  });
}

/** WCAG relative luminance contrast of two computed colours (`rgb(…)` or `color(srgb …)`). */
function contrast(a: string, b: string): number {
  const channels = (color: string): number[] => {
    const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(color);
    if (srgb) return srgb.slice(1, 4).map(Number);
    const rgb = /rgba?\((\d+(?:\.\d+)?),? (\d+(?:\.\d+)?),? (\d+(?:\.\d+)?)/.exec(color);
    if (!rgb) throw new Error(`unreadable colour ${color}`);
    return rgb.slice(1, 4).map((value) => Number(value) / 255);
  };
  const luminance = (color: string): number => {
    const [r = 0, g = 0, b = 0] = channels(color).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

describe('the player at a phone’s and a laptop’s size', () => {
  for (const [name, viewport] of VIEWPORTS) {
    it(`${name}: the current hop, the narration and the top of the step are in view together`, async () => {
      for (const id of PIPELINES) {
        const page = await openPlayer(`/pipelines/${id}/#step-2`, { viewport });
        expect(await outOfView(page), id).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('1280×800: the inspector keeps at least 40rem; the panel goes beside the player only where it fits', async () => {
    const page = await openPlayer('/pipelines/nginx-fastcgi-flup/#step-2', { viewport: LAPTOP });
    const width = (selector: string) => page.locator(selector).evaluate((element) => element.clientWidth);
    expect(await width('.trace-step[aria-current]')).toBeGreaterThanOrEqual(640);
    expect(await page.locator('[data-config-toggle]').getAttribute('aria-expanded')).toBe('false');
    await page.setViewportSize({ width: 1600, height: 900 });
    await expect.poll(() => page.locator('[data-config-toggle]').getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.player-config').evaluate((e) => getComputedStyle(e).gridColumnStart)).toBe('2');
    expect(await width('.trace-step[aria-current]')).toBeGreaterThanOrEqual(640);
    await page.context().close();
  });

  for (const [name, viewport] of VIEWPORTS) {
    it(`${name}: diagram text is 12 px or more (player, home page, term pages)`, async () => {
      const page = await openPlayer('/pipelines/apache-modwsgi-daemon/#step-2', { viewport });
      const chartSizes = await page.evaluate(() =>
        [...document.querySelectorAll('.player-diagram :is(.chart-node, .chart-protocol, .diagram-fullscreen)')].map(
          (element) => parseFloat(getComputedStyle(element).fontSize),
        ),
      );
      expect(Math.min(...chartSizes)).toBeGreaterThanOrEqual(12);
      for (const path of ['/', '/terms/fastcgi/', '/zh-cn/terms/wsgi/', '/terms/mod-wsgi/']) {
        await page.goto(site.server.url + path);
        const diagrams = page.locator('mermaid-diagram');
        for (let i = 0; i < (await diagrams.count()); i++) {
          const diagram = diagrams.nth(i);
          await diagram.scrollIntoViewIfNeeded();
          await expect.poll(() => diagram.getAttribute('data-state'), { timeout: 20_000 }).toBe('rendered');
          const smallest = await diagram.evaluate((element) => {
            const svg = element.querySelector('svg')!;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const texts = [...svg.querySelectorAll('text, foreignObject span, foreignObject p')];
            return Math.min(...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale));
          });
          expect(smallest, `${path} diagram ${i + 1}`).toBeGreaterThanOrEqual(12);
        }
      }
      await page.context().close();
    });
  }

  for (const [name, viewport] of VIEWPORTS) {
    it(`${name}: byte tables break no word and never cut off the ASCII column`, async () => {
      const page = await openPlayer('/pipelines/nginx-fastcgi-flup/#step-2', { viewport });
      const broken = await page.evaluate(() => {
        const step = document.querySelector('.trace-step[aria-current]')!;
        const out: string[] = [];
        // An inline element has one client rect per line box it spans: one means it did not wrap.
        const oneLine = (element: Element, what: string) => {
          if (element.getClientRects().length !== 1) out.push(`${what}: ${element.textContent ?? ''}`);
        };
        for (const th of step.querySelectorAll('.hbh-records thead th')) {
          const span = document.createElement('span');
          span.append(...th.childNodes);
          th.append(span);
          oneLine(span, 'header');
        }
        for (const code of step.querySelectorAll('.hbh-fields th[scope="row"] > code')) oneLine(code, 'field');
        for (const code of step.querySelectorAll('.hbh-fields tr.seg-type td code')) oneLine(code, 'record type');
        for (const figure of step.querySelectorAll('.hbh-record')) {
          const region = figure.querySelector('.hbh-scroll')!;
          if (region.getAttribute('tabindex') !== '0' || !region.getAttribute('aria-label')) {
            out.push('hex table not in a focusable, labelled region');
          }
          region.scrollLeft = region.scrollWidth;
          const ascii = figure.querySelector('.hex-ascii')!.getBoundingClientRect();
          if (ascii.right > region.getBoundingClientRect().right + 1) out.push('ASCII column cut off');
          const fields = figure.querySelectorAll('.hbh-fields tbody tr').length;
          if (fields < 6) out.push(`${figure.querySelector('figcaption')?.textContent ?? ''}: ${fields} fields`);
        }
        return out;
      });
      expect(broken).toEqual([]);
      if (viewport === LAPTOP) {
        const fits = await page.evaluate(() =>
          [...document.querySelectorAll('.trace-step[aria-current] .hbh-scroll')].every(
            (region) => region.scrollWidth <= region.clientWidth,
          ),
        );
        expect(fits).toBe(true);
      }
      await page.context().close();
    });
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: lit configuration lines stand out at 3:1 or more, and few light at once`, async () => {
      const page = await openPlayer('/pipelines/nginx-fastcgi-flup/#step-2', {
        viewport: LAPTOP,
        colorScheme: scheme,
      });
      // Opened without moving the mouse: a pointer left over a row would light that row's lines instead.
      await page.locator('[data-config-toggle]').dispatchEvent('click');
      const lit = page.locator('.config-line.is-step');
      expect(await lit.count()).toBeGreaterThan(0);
      expect(await lit.count()).toBeLessThanOrEqual(6);
      const [marker, background] = await lit
        .first()
        .evaluate((line) => [
          getComputedStyle(line).borderInlineStartColor,
          getComputedStyle(line.closest('.config-code')!).backgroundColor,
        ]);
      expect(contrast(marker ?? '', background ?? '')).toBeGreaterThanOrEqual(3);
      // A line pointed at from "Set by" carries the same marker.
      const link = page.locator('.trace-step[aria-current] .origin-link').first();
      await link.focus();
      const id = (await link.getAttribute('data-origin')) ?? '';
      const origin = await page.locator(`[id="${id}"]`).evaluate((line) => {
        if (!line.classList.contains('is-origin')) throw new Error(`${line.id} is not lit`);
        return getComputedStyle(line).borderInlineStartColor;
      });
      expect(contrast(origin, background ?? '')).toBeGreaterThanOrEqual(3);
      await page.context().close();
    });
  }

  it('mod_wsgi daemon, step 2: the panel shows the lines that send the request to the daemon', async () => {
    const page = await openPlayer('/pipelines/apache-modwsgi-daemon/#step-2', { viewport: LAPTOP });
    await page.click('[data-config-toggle]');
    expect(await page.locator('.config-line.is-step').allTextContents()).toEqual([
      expect.stringContaining('WSGIDaemonProcess hop'),
      expect.stringContaining('WSGIProcessGroup hop'),
    ]);
    await page.waitForFunction(() => {
      const panel = document.querySelector('[data-config-panel]')!.getBoundingClientRect();
      const line = document.querySelector('.config-line.is-step')!.getBoundingClientRect();
      return line.top >= panel.top && line.bottom <= panel.bottom;
    });
    await page.context().close();
  });

  it('the panel folds with a toggle that says so, and remembers the choice for the session', async () => {
    const context = await site.browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/pipelines/apache-cgi/#step-2`);
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    const toggle = page.locator('[data-config-toggle]');
    const body = page.locator('[data-config-panel]');
    expect(await toggle.getAttribute('aria-controls')).toBe(await body.getAttribute('id'));
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await body.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await body.isVisible()).toBe(true);
    await page.reload();
    await page.waitForSelector('pipeline-player[data-enhanced="true"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // A "Set by" link opens the folded panel on the line it names.
    await page.locator('.trace-step[aria-current] .origin-link').first().click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.config-line.is-origin').count()).toBe(1);
    await context.close();
  });

  for (const [name, path, ready] of [
    ['pipeline chart', '/pipelines/nginx-fastcgi-flup/#step-2', '.player-diagram .chart-edge.hop-current'],
    ['Mermaid diagram', '/terms/fastcgi/', 'mermaid-diagram[data-state="rendered"]'],
  ] as const) {
    it(`a ${name} opens full screen; Esc closes it and focus returns to its button`, async () => {
      const context = await site.browser.newContext({ viewport: PHONE });
      const page = await context.newPage();
      await page.goto(site.server.url + path);
      await page
        .locator(path.includes('/pipelines/') ? '.player-diagram' : 'mermaid-diagram')
        .first()
        .scrollIntoViewIfNeeded();
      await page.waitForSelector(ready);
      const button = page.locator('[data-diagram-fullscreen]').first();
      await button.focus();
      await page.keyboard.press('Enter');
      const dialog = page.locator('dialog.diagram-dialog[open]');
      await expect.poll(() => dialog.count()).toBe(1);
      expect(await dialog.locator('figure').count()).toBe(1);
      expect(await dialog.getAttribute('aria-label')).toBeTruthy();
      expect(
        await axeOn(page)
          .include('dialog.diagram-dialog')
          .analyze()
          .then((r) => r.violations),
      ).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog.diagram-dialog').count()).toBe(0);
      expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
      await context.close();
    });
  }

  it('a node of the full-screen chart still moves the player to its step', async () => {
    const page = await openPlayer('/pipelines/nginx-fastcgi-flup/#step-2', { viewport: LAPTOP });
    await page.click('.player-diagram [data-diagram-fullscreen]');
    await page.locator('dialog.diagram-dialog button[data-node="flup"]').click();
    await expect.poll(() => page.locator('dialog.diagram-dialog').count()).toBe(0);
    expect(await page.locator('pipeline-player').getAttribute('data-step')).toBe('2');
    await page.locator('.player-diagram [data-diagram-fullscreen]').click();
    await page.locator('dialog.diagram-dialog button[data-node="app"]').click();
    await expect.poll(() => page.locator('pipeline-player').getAttribute('data-step')).toBe('3');
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, viewport] of VIEWPORTS) {
      it(`axe finds no violations on a pipeline page, ${scheme}, ${name}`, { timeout: 180_000 }, async () => {
        const page = await openPlayer('/zh-cn/pipelines/apache-modwsgi-daemon/#step-2', {
          viewport,
          colorScheme: scheme,
        });
        const found = (await axeOn(page).analyze()).violations.map((v) => `${v.id}: ${v.nodes.length}`);
        await page.click('[data-config-toggle]');
        const opened = (await axeOn(page).include('pipeline-player').analyze()).violations.map((v) => `${v.id} (open)`);
        expect([...found, ...opened]).toEqual([]);
        await page.context().close();
      });
    }
  }
});
