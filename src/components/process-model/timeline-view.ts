import { PIPELINES } from '../../sim/pipelines/definitions.ts';
import {
  architectureOf,
  type ProcessModelLang,
  type ProcessModelResult,
  type SpanPhase,
} from '../../sim/process-model/index.ts';
import { h, type ViewNode } from './view-node.ts';
import { ARCHITECTURE_TEXT, PHASE_TEXT, PM_TEXT, fill, formatNumber } from '../../i18n/process-model.ts';

/** The two drawings of the timeline: CSS shows one of them, depending on the width it has. */
export type TimelineLayout = 'wide' | 'narrow';

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
 * Wide: labels in a column left of the bars. At 13 px text it stays at least ~11 px on screen down to a
 * 36rem-wide canvas (the CSS switches to the narrow drawing below that).
 */
const WIDE: Geometry = {
  width: 680,
  plotLeft: 210,
  plotRight: 680 - 20,
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
export function pipelineTitle(pipeline: string, lang: ProcessModelLang): string {
  return (Object.hasOwn(PIPELINES, pipeline) ? PIPELINES[pipeline]?.title[lang] : undefined) ?? pipeline;
}

/** One paragraph that says what the timeline shows: the text alternative of the SVG. */
export function summarize(result: ProcessModelResult, lang: ProcessModelLang): string {
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

/** The timeline as an SVG tree: one row per lane that did something, one bar per span. */
export function timelineSvg(
  result: ProcessModelResult,
  lang: ProcessModelLang,
  idPrefix: string,
  layout: TimelineLayout = 'wide',
): ViewNode {
  const t = PM_TEXT[lang];
  const g = GEOMETRY[layout];
  const ids = layout === 'wide' ? idPrefix : `${idPrefix}-${layout}`;
  const used = new Set(result.spans.map((s) => s.lane));
  const lanes = result.lanes.filter((lane) => used.has(lane.id));
  const row = new Map(lanes.map((lane, index) => [lane.id, index]));
  const plot = g.plotRight - g.plotLeft;
  const end = result.end > 0 ? result.end : 1;
  const x = (ms: number) => g.plotLeft + (ms / end) * plot;
  const height = g.axis + lanes.length * g.row + g.bottom;
  const gridTop = g.axis - 4;
  const gridBottom = height - g.bottom;
  const step = tickStep(end);
  const ticks: ViewNode[] = [];
  for (let ms = 0; ms <= end + step / 1000; ms += step) {
    const at = x(ms).toFixed(1);
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
  const bars = result.spans.map((span) => {
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
  const arrival = x(result.firstArrival).toFixed(1);
  const title = fill(t.timelineTitle, { pipeline: pipelineTitle(result.pipeline, lang) });
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
      'data-lanes': lanes.length,
      'data-end': result.end,
    },
    [
      h('title', { id: `${ids}-svg-title` }, [title]),
      h('desc', { id: `${ids}-svg-desc` }, [summarize(result, lang)]),
      h('text', { class: 'pm-tick pm-time', x: g.time.x, y: g.time.y, 'text-anchor': g.time.anchor }, [t.time]),
      h('g', {}, ticks),
      h('g', {}, rows),
      h('g', {}, bars),
      h('line', { class: 'pm-arrival', x1: arrival, x2: arrival, y1: gridTop, y2: gridBottom }),
    ],
  );
}

/** Both drawings of the timeline, wide first; the page's CSS shows the one that fits its width. */
export function timelineSvgs(result: ProcessModelResult, lang: ProcessModelLang, idPrefix: string): ViewNode[] {
  return (['wide', 'narrow'] as const).map((layout) => timelineSvg(result, lang, idPrefix, layout));
}

/** How many processes and threads exist but did nothing (and are not drawn). */
export function idleLanes(result: ProcessModelResult): number {
  const used = new Set(result.spans.map((s) => s.lane));
  return result.lanes.filter((lane) => lane.kind !== 'queue' && !used.has(lane.id)).length;
}

/** The result numbers as [label, value] pairs, in display order. */
export function resultNumbers(result: ProcessModelResult, lang: ProcessModelLang): [string, string][] {
  const t = PM_TEXT[lang];
  const ms = (v: number) => `${formatNumber(v, lang)} ${t.ms}`;
  return [
    [t.throughput, `${formatNumber(result.throughputPerSecond, lang)} ${t.perSecond}`],
    [t.mean, ms(result.latency.mean)],
    [t.p50, ms(result.latency.p50)],
    [t.p95, ms(result.latency.p95)],
    [t.max, ms(result.latency.max)],
  ];
}

/** The rows of the request table: every request's arrival, start, end, latency and lane. */
export function tableRows(result: ProcessModelResult, lang: ProcessModelLang): ViewNode[] {
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
