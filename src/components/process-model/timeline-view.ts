import { PIPELINES } from '../../sim/pipelines/definitions.ts';
import {
  architectureOf,
  type ProcessModelLang,
  type ProcessModelResult,
  type SpanPhase,
} from '../../sim/process-model/index.ts';
import { h, type ViewNode } from './view-node.ts';
import { ARCHITECTURE_TEXT, PHASE_TEXT, PM_TEXT, fill, formatNumber } from './strings.ts';

const WIDTH = 800;
const LABEL_WIDTH = 250;
const RIGHT_PAD = 24;
const AXIS_HEIGHT = 30;
const ROW = 22;
const BAR = 14;

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
  return PIPELINES[pipeline]?.title[lang] ?? pipeline;
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
export function timelineSvg(result: ProcessModelResult, lang: ProcessModelLang, idPrefix: string): ViewNode {
  const t = PM_TEXT[lang];
  const used = new Set(result.spans.map((s) => s.lane));
  const lanes = result.lanes.filter((lane) => used.has(lane.id));
  const row = new Map(lanes.map((lane, index) => [lane.id, index]));
  const plot = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const end = result.end > 0 ? result.end : 1;
  const x = (ms: number) => LABEL_WIDTH + (ms / end) * plot;
  const height = AXIS_HEIGHT + lanes.length * ROW + 8;
  const step = tickStep(end);
  const ticks: ViewNode[] = [];
  for (let ms = 0; ms <= end + step / 1000; ms += step) {
    const at = x(ms).toFixed(1);
    ticks.push(
      h('line', { class: 'pm-grid', x1: at, x2: at, y1: AXIS_HEIGHT - 4, y2: height - 8 }),
      h('text', { class: 'pm-tick', x: at, y: AXIS_HEIGHT - 10, 'text-anchor': 'middle' }, [formatNumber(ms, lang)]),
    );
  }
  const rows = lanes.map((lane, index) =>
    h(
      'text',
      {
        class: `pm-lane pm-lane-${lane.kind}`,
        x: LABEL_WIDTH - 8,
        y: AXIS_HEIGHT + index * ROW + ROW / 2 + 4,
        'text-anchor': 'end',
      },
      [lane.label],
    ),
  );
  const bars = result.spans.map((span) => {
    const y = AXIS_HEIGHT + (row.get(span.lane) ?? 0) * ROW + (ROW - BAR) / 2;
    const who = span.request === null ? '' : `${t.request} ${span.request}: `;
    const label = `${who}${PHASE_TEXT[lang][span.phase]}, ${formatNumber(span.start, lang)}–${formatNumber(span.end, lang)} ${t.ms}`;
    return h(
      'rect',
      {
        class: `pm-span pm-${span.phase}`,
        x: x(span.start).toFixed(2),
        y,
        width: Math.max(0.75, x(span.end) - x(span.start)).toFixed(2),
        height: BAR,
      },
      [h('title', {}, [label])],
    );
  });
  const arrival = x(result.firstArrival).toFixed(1);
  const title = fill(t.timelineTitle, { pipeline: pipelineTitle(result.pipeline, lang) });
  return h(
    'svg',
    {
      class: 'pm-svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'img',
      'aria-labelledby': `${idPrefix}-svg-title ${idPrefix}-svg-desc`,
      'data-lanes': lanes.length,
      'data-end': result.end,
    },
    [
      h('title', { id: `${idPrefix}-svg-title` }, [title]),
      h('desc', { id: `${idPrefix}-svg-desc` }, [summarize(result, lang)]),
      h('text', { class: 'pm-tick', x: LABEL_WIDTH - 8, y: AXIS_HEIGHT - 10, 'text-anchor': 'end' }, [t.time]),
      h('g', {}, ticks),
      h('g', {}, rows),
      h('g', {}, bars),
      h('line', { class: 'pm-arrival', x1: arrival, x2: arrival, y1: AXIS_HEIGHT - 4, y2: height - 8 }),
    ],
  );
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
