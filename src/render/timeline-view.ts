import { PIPELINES } from '../sim/pipelines/manifest/index.ts';
import type { Locale } from '../i18n/locale.ts';
import {
  architectureOf,
  type ProcessModelResult,
  type ProcessModelViews,
  type SpanPhase,
  type SteadyStateWindow,
} from '../sim/process-model/index.ts';
import { h, type VElement } from './element-tree.ts';
import { ARCHITECTURE_TEXT, PHASE_TEXT, PM_TEXT, fill, formatNumber } from '../i18n/process-model.ts';

/** The two drawings of the timeline: CSS shows one of them, depending on the width it has. */
export type TimelineLayout = 'wide' | 'narrow';

/** The two views of a pipeline: the cold-start burst, and the steady-state window of a warm stream. */
export type TimelineView = 'burst' | 'steady';

/**
 * What part of a run one drawing shows, and at what scale. Every timeline compared on a page gets the same
 * `scaleMs`, so a millisecond is the same width in all of them.
 */
export interface TimelineFrame {
  view: TimelineView;
  /** The time at the left edge of the plot. */
  from: number;
  /** How many milliseconds the plot's full width stands for. */
  scaleMs: number;
  /** Only these requests (first, last) are drawn; all when absent. */
  requests?: readonly [number, number];
}

/** The milliseconds the plot's width must hold to show both views of a run whole. */
export function extentMs(views: ProcessModelViews): number {
  return Math.max(views.burst.end, views.steady.to - views.steady.from);
}

/** One scale for several pipelines: the longest of their views, so each fits and all compare directly. */
export function sharedScaleMs(all: readonly ProcessModelViews[]): number {
  const longest = Math.max(0, ...all.map(extentMs));
  return longest > 0 ? longest : 1;
}

/** The frame of one view of a run, at a shared scale. */
export function frameOf(views: ProcessModelViews, view: TimelineView, scaleMs: number): TimelineFrame {
  return view === 'burst'
    ? { view, from: 0, scaleMs }
    : { view, from: views.steady.from, scaleMs, requests: [views.steady.first, views.steady.last] };
}

/** Where things go in one drawing, in SVG user units (CSS px at a scale of 1). */
interface Geometry {
  /** The viewBox width. */
  width: number;
  /** The x of time 0 and of the last time. */
  plotLeft: number;
  plotRight: number;
  /** The y where the first lane starts; the tick labels sit above it. */
  axis: number;
  /** The y of the tick labels' baseline. */
  tickY: number;
  /** The "time (ms)" caption. */
  time: { x: number; y: number; anchor: 'start' | 'end' };
  /** One lane's height, and its bar's offset and height inside it. */
  row: number;
  barTop: number;
  bar: number;
  /** Where a lane's label goes; `dy` is its baseline below the top of the lane. */
  label: { x: number; dy: number; anchor: 'start' | 'end' };
  /** Space below the last lane. */
  bottom: number;
}

/**
 * Wide: labels in a column left of the bars. At 13 px text it stays at least 12 px on screen down to a
 * 36rem-wide canvas (the CSS switches to the narrow drawing below that), and in Starlight's content column.
 */
const WIDE: Geometry = {
  width: 620,
  plotLeft: 210,
  plotRight: 620 - 20,
  axis: 30,
  tickY: 20,
  time: { x: 202, y: 20, anchor: 'end' },
  row: 22,
  barTop: 4,
  bar: 14,
  label: { x: 202, dy: 15, anchor: 'end' },
  bottom: 8,
};

/**
 * Narrow, for phones: every lane's label on its own line above a bar that spans the whole width, so the
 * drawing is barely scaled down on a 390 px screen (a 340-unit viewBox in a canvas of about 324 px).
 */
const NARROW: Geometry = {
  width: 340,
  plotLeft: 8,
  plotRight: 340 - 20,
  axis: 42,
  tickY: 35,
  time: { x: 0, y: 15, anchor: 'start' },
  // Room for a 14 px label with CJK ascent and descent between one lane's bar and the next.
  row: 32,
  barTop: 19,
  bar: 10,
  label: { x: 12, dy: 14, anchor: 'start' },
  bottom: 4,
};

const GEOMETRY: Record<TimelineLayout, Geometry> = { wide: WIDE, narrow: NARROW };

/** The phases in the order of a request's life, for the legend. */
export const PHASES: readonly SpanPhase[] = ['fork-exec', 'interpreter-start', 'app-import', 'queue', 'work'];

/** A round step for about six ticks between 0 and `end` (1, 2 or 5 times a power of ten). */
function tickStep(end: number): number {
  const raw = end / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= raw) ?? raw;
}

/** The pipeline's name in a language. */
export function pipelineTitle(pipeline: string, lang: Locale): string {
  return (Object.hasOwn(PIPELINES, pipeline) ? PIPELINES[pipeline]?.title[lang] : undefined) ?? pipeline;
}

/** One paragraph that says what the timeline shows: the text alternative of the SVG. */
export function summarize(result: ProcessModelResult, lang: Locale): string {
  const t = PM_TEXT[lang];
  const n = (v: number) => formatNumber(v, lang);
  return fill(t.summary, {
    n: result.settings.requests,
    served: ARCHITECTURE_TEXT[lang][architectureOf(result.pipeline).kind],
    first: n(result.firstArrival),
    end: n(result.end),
    tp: n(result.throughputPerSecond),
    mean: n(result.latency.mean),
    p50: n(result.latency.p50),
    p95: n(result.latency.p95),
    max: n(result.latency.max),
  });
}

/** One paragraph that says what the steady-state window shows: the text alternative of its SVG. */
export function summarizeSteady(views: ProcessModelViews, lang: Locale): string {
  const { steady } = views;
  const n = (v: number) => formatNumber(v, lang);
  return fill(PM_TEXT[lang].steadySummary, {
    first: steady.first,
    last: steady.last,
    rate: n(views.burst.settings.steadyRatePerSecond),
    tp: n(steady.throughputPerSecond),
    mean: n(steady.latency.mean),
    p95: n(steady.latency.p95),
    max: n(steady.latency.max),
    cpu: n(steady.cpuMsPerRequest),
  });
}

/** The heading of a view, with its numbers filled in. */
export function viewTitle(views: ProcessModelViews, view: TimelineView, lang: Locale): string {
  const t = PM_TEXT[lang];
  return view === 'burst'
    ? fill(t.burstTitle, { n: views.burst.settings.requests })
    : fill(t.steadyTitle, {
        first: views.steady.first,
        last: views.steady.last,
        rate: formatNumber(views.burst.settings.steadyRatePerSecond, lang),
      });
}

/** The sentence under the timelines that states their common scale. */
export function scaleNote(scaleMs: number, compared: number, lang: Locale): string {
  const t = PM_TEXT[lang];
  return fill(compared > 1 ? t.sharedScale : t.ownScale, { ms: formatNumber(scaleMs, lang) });
}

/** The timeline as an SVG tree: one row per lane that did something, one bar per span. */
export function timelineSvg(
  result: ProcessModelResult,
  lang: Locale,
  idPrefix: string,
  layout: TimelineLayout = 'wide',
  frame: TimelineFrame = { view: 'burst', from: 0, scaleMs: result.end > 0 ? result.end : 1 },
  description: string = summarize(result, lang),
): VElement {
  const t = PM_TEXT[lang];
  const g = GEOMETRY[layout];
  const base = frame.view === 'burst' ? idPrefix : `${idPrefix}-${frame.view}`;
  const ids = layout === 'wide' ? base : `${base}-${layout}`;
  const shown = (request: number | null) =>
    !frame.requests || (request !== null && request >= frame.requests[0] && request <= frame.requests[1]);
  const spans = result.spans.filter((span) => shown(span.request));
  const used = new Set(spans.map((s) => s.lane));
  const lanes = result.lanes.filter((lane) => used.has(lane.id));
  const row = new Map(lanes.map((lane, index) => [lane.id, index]));
  const plot = g.plotRight - g.plotLeft;
  const scale = frame.scaleMs > 0 ? frame.scaleMs : 1;
  const x = (ms: number) => g.plotLeft + ((ms - frame.from) / scale) * plot;
  const height = g.axis + lanes.length * g.row + g.bottom;
  const gridTop = g.axis - 4;
  const gridBottom = height - g.bottom;
  const step = tickStep(scale);
  const ticks: VElement[] = [];
  for (let ms = 0; ms <= scale + step / 1000; ms += step) {
    const at = x(frame.from + ms).toFixed(1);
    ticks.push(
      h('line', { class: 'pm-grid', x1: at, x2: at, y1: gridTop, y2: gridBottom }),
      h('text', { class: 'pm-tick', x: at, y: g.tickY, 'text-anchor': 'middle' }, [formatNumber(ms, lang)]),
    );
  }
  const rows = lanes.map((lane, index) => {
    const y = g.axis + index * g.row + g.label.dy;
    return h('text', { class: `pm-lane pm-lane-${lane.kind}`, x: g.label.x, y, 'text-anchor': g.label.anchor }, [
      lane.label,
    ]);
  });
  const bars = spans.map((span) => {
    const y = g.axis + (row.get(span.lane) ?? 0) * g.row + g.barTop;
    const who = span.request === null ? '' : `${t.request} ${span.request}: `;
    const label = `${who}${PHASE_TEXT[lang][span.phase]}, ${formatNumber(span.start, lang)}–${formatNumber(span.end, lang)} ${t.ms}`;
    return h(
      'rect',
      {
        class: `pm-span pm-${span.phase}`,
        x: x(span.start).toFixed(2),
        y,
        width: Math.max(0.75, x(span.end) - x(span.start)).toFixed(2),
        height: g.bar,
      },
      [h('title', {}, [label])],
    );
  });
  const arrival = x(frame.view === 'burst' ? result.firstArrival : frame.from).toFixed(1);
  const title = fill(frame.view === 'burst' ? t.timelineTitle : t.steadyTimelineTitle, {
    pipeline: pipelineTitle(result.pipeline, lang),
  });
  const caption = frame.view === 'burst' ? t.time : fill(t.steadyTime, { first: frame.requests?.[0] ?? 1 });
  return h(
    'svg',
    {
      class: `pm-svg pm-svg-${layout}`,
      viewBox: `0 0 ${g.width} ${height}`,
      width: g.width,
      height,
      role: 'img',
      'aria-labelledby': `${ids}-svg-title ${ids}-svg-desc`,
      'data-layout': layout,
      'data-view': frame.view,
      'data-lanes': lanes.length,
      'data-end': result.end,
      'data-scale-ms': scale,
      // Drawing units per millisecond: the same in every timeline compared on one page.
      'data-units-per-ms': Number((plot / scale).toFixed(6)),
    },
    [
      h('title', { id: `${ids}-svg-title` }, [title]),
      h('desc', { id: `${ids}-svg-desc` }, [description]),
      h('text', { class: 'pm-tick pm-time', x: g.time.x, y: g.time.y, 'text-anchor': g.time.anchor }, [caption]),
      h('g', {}, ticks),
      h('g', {}, rows),
      h('g', {}, bars),
      h('line', { class: 'pm-arrival', x1: arrival, x2: arrival, y1: gridTop, y2: gridBottom }),
    ],
  );
}

/** Both drawings of one view of a run, at a shared scale. */
export function viewSvgs(
  views: ProcessModelViews,
  view: TimelineView,
  scaleMs: number,
  lang: Locale,
  idPrefix: string,
): VElement[] {
  const frame = frameOf(views, view, scaleMs);
  const result = view === 'burst' ? views.burst : views.stream;
  const description = view === 'burst' ? summarize(views.burst, lang) : summarizeSteady(views, lang);
  return (['wide', 'narrow'] as const).map((layout) => timelineSvg(result, lang, idPrefix, layout, frame, description));
}

/** How many processes and threads exist but did nothing (and are not drawn). */
export function idleLanes(result: ProcessModelResult): number {
  const used = new Set(result.spans.map((s) => s.lane));
  return result.lanes.filter((lane) => lane.kind !== 'queue' && !used.has(lane.id)).length;
}

/** The result numbers as [label, value] pairs, in display order. */
export function resultNumbers(result: ProcessModelResult, lang: Locale): [string, string][] {
  const t = PM_TEXT[lang];
  const ms = (v: number) => `${formatNumber(v, lang)} ${t.ms}`;
  return [
    [t.throughput, `${formatNumber(result.throughputPerSecond, lang)} ${t.perSecond}`],
    [t.mean, ms(result.latency.mean)],
    [t.p50, ms(result.latency.p50)],
    [t.p95, ms(result.latency.p95)],
    [t.max, ms(result.latency.max)],
    [t.cpu, ms(result.cpuMsPerRequest)],
  ];
}

/** The steady-state window's numbers as [label, value] pairs, in the same order as `resultNumbers`. */
export function steadyNumbers(steady: SteadyStateWindow, lang: Locale): [string, string][] {
  const t = PM_TEXT[lang];
  const ms = (v: number) => `${formatNumber(v, lang)} ${t.ms}`;
  return [
    [t.throughput, `${formatNumber(steady.throughputPerSecond, lang)} ${t.perSecond}`],
    [t.mean, ms(steady.latency.mean)],
    [t.p50, ms(steady.latency.p50)],
    [t.p95, ms(steady.latency.p95)],
    [t.max, ms(steady.latency.max)],
    [t.cpu, ms(steady.cpuMsPerRequest)],
  ];
}

/** The rows of the request table: every request's arrival, start, end, latency and lane. */
export function tableRows(result: ProcessModelResult, lang: Locale): VElement[] {
  const label = new Map(result.lanes.map((lane) => [lane.id, lane.label]));
  const n = (v: number) => formatNumber(v, lang);
  return result.requests.map((r) =>
    h('tr', {}, [
      h('th', { scope: 'row' }, [String(r.id)]),
      h('td', {}, [n(r.arrival)]),
      h('td', {}, [n(r.start)]),
      h('td', {}, [n(r.end)]),
      h('td', {}, [n(r.end - r.arrival)]),
      h('td', {}, [label.get(r.lane) ?? r.lane]),
    ]),
  );
}
