// Prints the pipeline player's figures on two pipeline pages: step key press → new step painted, long tasks while
// playing at 4× (from a Chromium performance trace), and the time to re-trace while typing a request.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

/** The pipelines measured: one FastCGI, one CGI. */
const PIPELINES = ['/pipelines/nginx-fastcgi-flup/', '/pipelines/apache-cgi/'] as const;
/** Step presses timed per page. */
const STEPS = 30;
/** How long the player plays at 4× while the trace records. */
const PLAY_MS = 5000;
/** Characters typed into the request editor per page (the first one loads the simulator). */
const TYPED = 10;
/** The editor's debounce in the player (pipeline-player.ts, TYPING_DELAY_MS). */
const DEBOUNCE_MS = 300;
const LONG_TASK_MS = 50;

/** What the page-side helpers keep between calls. */
interface BenchWindow {
  __hbhPending?: Promise<{ start: number; fired: number; painted: number }>;
  __hbhShown?: { steps: number };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
};
const summary = (values: number[]) =>
  `median ${ms(quantile(values, 0.5)).padStart(9)}   p95 ${ms(quantile(values, 0.95)).padStart(9)}   max ${ms(Math.max(...values)).padStart(9)}   (n=${values.length})`;

if (!existsSync('dist/index.html')) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

/** Opens a pipeline page with the player enhanced (its diagram is drawn at build time). */
async function openPlayer(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-enhanced') === 'true');
}

/**
 * Arms an in-page timer: performance.now() at the next keydown (or input, for the editor), then when the player
 * shows the change (its data-step attribute, or the trace host re-rendered), a double requestAnimationFrame for paint.
 */
async function arm(page: Page, kind: 'step' | 'retrace'): Promise<void> {
  await page.evaluate((kind) => {
    const player = document.querySelector('pipeline-player') as HTMLElement;
    const host = player.querySelector('[data-trace-host]') as HTMLElement;
    (window as BenchWindow).__hbhPending = new Promise((done) => {
      let start = NaN;
      let fired = NaN;
      window.addEventListener(kind === 'step' ? 'keydown' : 'input', () => (start = performance.now()), {
        capture: true,
        once: true,
      });
      const painted = () =>
        requestAnimationFrame(() => requestAnimationFrame(() => done({ start, fired, painted: performance.now() })));
      if (kind === 'step') {
        const before = player.dataset['step'];
        const observer = new MutationObserver(() => {
          if (player.dataset['step'] === before) return;
          observer.disconnect();
          fired = performance.now();
          painted();
        });
        observer.observe(player, { attributeFilter: ['data-step'] });
      } else {
        // The debounce callback sets data-state="tracing" synchronously before running the simulator.
        const state = new MutationObserver(() => {
          if (player.dataset['state'] !== 'tracing' || !Number.isNaN(fired)) return;
          fired = performance.now();
          state.disconnect();
        });
        state.observe(player, { attributeFilter: ['data-state'] });
        const rendered = new MutationObserver(() => {
          rendered.disconnect();
          painted();
        });
        rendered.observe(host, { childList: true });
      }
    });
  }, kind);
}

const collect = (page: Page) =>
  page.evaluate(() => (window as BenchWindow).__hbhPending!) as Promise<{
    start: number;
    fired: number;
    painted: number;
  }>;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { frames?: { url?: string; processId?: number; parent?: string }[] } };
}

/** Records a Chromium trace while `work` runs and returns the renderer main thread's RunTask durations (ms). */
async function traceTasks(page: Page, url: string, work: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'toplevel',
        'disabled-by-default-devtools.timeline.frame',
        '__metadata',
      ],
    },
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  // The page's renderer: the process TracingStartedInBrowser names for the main frame, else the busiest renderer.
  const frames = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
  const pagePid = frames.find((f) => !f.parent && f.url?.startsWith(url))?.processId;
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (pid: number, tid: number) =>
    events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid);
  const candidates = mains
    .filter((m) => pagePid === undefined || m.pid === pagePid)
    .map((m) => tasksOf(m.pid, m.tid))
    .sort((a, b) => b.length - a.length);
  return (candidates[0] ?? []).map((e) => (e.dur ?? 0) / 1000);
}

const server = await serveStatic('dist', { compress: true });
const browser = await launchBrowser();
try {
  for (const path of PIPELINES) {
    const url = server.url + path;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openPlayer(page, url);
    const hops = await page.evaluate(() =>
      Number(document.querySelector('pipeline-player input[type=range]')?.getAttribute('max')),
    );
    console.log(`\n${path} (${hops} steps)`);

    // 1. Step key press → new step painted.
    const stage = page.locator('pipeline-player [data-stage]');
    await stage.focus();
    await page.keyboard.press('Home');
    const steps: number[] = [];
    let current = 1;
    while (steps.length < STEPS) {
      if (current >= hops) {
        await page.keyboard.press('Home');
        current = 1;
        await page.waitForFunction(() => document.querySelector('pipeline-player')?.getAttribute('data-step') === '1');
      }
      await arm(page, 'step');
      await page.keyboard.press('ArrowRight');
      const t = await collect(page);
      steps.push(t.painted - t.start);
      current++;
    }
    console.log(`  → key → step painted       ${summary(steps)}`);

    // 2. Playing at 4×: long tasks on the renderer main thread, from a performance trace.
    await page.keyboard.press('Home');
    await page.locator('pipeline-player [data-control="speed"]').selectOption('4');
    await stage.focus();
    const playing = () => page.evaluate(() => document.querySelector('pipeline-player')?.getAttribute('data-playing'));
    await page.evaluate(() => {
      const player = document.querySelector('pipeline-player') as HTMLElement;
      const counter = { steps: 0 };
      new MutationObserver(() => counter.steps++).observe(player, { attributeFilter: ['data-step'] });
      (window as BenchWindow).__hbhShown = counter;
    });
    const tasks = await traceTasks(page, url, async () => {
      // The player stops at the last step; Space there starts again from step 1, so it keeps playing throughout.
      const end = Date.now() + PLAY_MS;
      while (Date.now() < end) {
        if ((await playing()) !== 'true') await page.keyboard.press(' ');
        await page.waitForTimeout(50);
      }
      if ((await playing()) === 'true') await page.keyboard.press(' ');
    });
    const stepsShown = await page.evaluate(() => (window as BenchWindow).__hbhShown?.steps ?? 0);
    const long = tasks.filter((d) => d > LONG_TASK_MS);
    console.log(
      `  play 4× for ${PLAY_MS / 1000} s (trace)   ${long.length} tasks over ${LONG_TASK_MS} ms, longest ${ms(Math.max(0, ...tasks))}   (${tasks.length} main-thread tasks, ${stepsShown} steps shown)`,
    );

    // 3. Typing in "Your own request": input → trace view re-rendered and painted.
    await page.locator('pipeline-player details.player-editor > summary').click();
    const editor = page.locator('pipeline-player [data-control="editor"]');
    await editor.evaluate((element: HTMLTextAreaElement) => {
      // Type into the request path, just before " HTTP/1.1" on the first line.
      const at = element.value.indexOf(' HTTP/');
      element.focus();
      element.setSelectionRange(at, at);
    });
    const total: number[] = [];
    const after: number[] = [];
    const debounce: number[] = [];
    for (let i = 0; i < TYPED; i++) {
      await arm(page, 'retrace');
      await page.keyboard.type('x');
      const t = await collect(page);
      total.push(t.painted - t.start);
      after.push(t.painted - t.fired);
      debounce.push(t.fired - t.start);
    }
    const [coldTotal = NaN, ...warmTotal] = total;
    const [coldAfter = NaN, ...warmAfter] = after;
    console.log(
      `  typing, first character   total ${ms(coldTotal)}   after debounce ${ms(coldAfter)}   (loads the simulator)`,
    );
    console.log(`  typing, total             ${summary(warmTotal)}`);
    console.log(`  typing, after debounce    ${summary(warmAfter)}`);
    console.log(
      `  (debounce ${DEBOUNCE_MS} ms set; observed input → re-trace start: median ${ms(quantile(debounce, 0.5))})`,
    );
    await context.close();
  }
  console.log(
    '\nStep and typing times: performance.now() at keydown/input → DOM change → double requestAnimationFrame.',
  );
  console.log(
    '"After debounce" starts when the player sets data-state="tracing" (its debounce callback), observed in-page.',
  );
  console.log('Long tasks: RunTask events on the page renderer main thread in a CDP trace (devtools.timeline).');
} finally {
  await browser.close();
  await server.close();
}
