/** Renders a comparison of two pipelines: side by side (diagram and hops), the differences, the second trace. */
import type { PipelineDefinition, Trace } from '../sim/index.ts';
import type { PlayerStrings } from '../i18n/player.ts';
import { h, type VElement } from './element-tree.ts';
import { nodeLabel, protocolLabel } from './node-labels.ts';
import { pipelineChart } from './pipeline-chart.ts';
import { columnHeads, messageNodes, renderTrace, shown, type NodeLabels } from './render-trace.ts';

/** One row of a comparison: a key and its value on each side (undefined: absent). */
export interface ComparisonRow {
  key: string;
  a: string | undefined;
  b: string | undefined;
}

/** One side of a comparison: a pipeline and the trace of the request through it. */
export interface ComparisonSide {
  pipeline: PipelineDefinition;
  title: string;
  trace: Trace;
}

/** One column of the side-by-side view: the pipeline drawn top to bottom, then its hops in order. */
function comparisonColumn(side: ComparisonSide, s: PlayerStrings): VElement {
  const labels: NodeLabels = Object.fromEntries(side.pipeline.nodes.map((node) => [node.id, nodeLabel(node, s.lang)]));
  return h(
    'section',
    { class: 'compare-column', 'aria-label': side.title },
    h('h3', {}, side.title),
    h('div', { class: 'compare-diagram' }, pipelineChart(side.pipeline, s.lang, 'none')),
    h(
      'ol',
      { class: 'compare-hops' },
      side.trace.hops.map((hop) =>
        h(
          'li',
          { 'data-direction': hop.direction },
          h('strong', {}, `${labels[hop.from] ?? hop.from} → ${labels[hop.to] ?? hop.to}`),
          ' ',
          h('span', { class: `protocol protocol-${hop.protocol}` }, protocolLabel(hop.protocol, s.lang)),
          hop.failed && [' ', h('span', { class: 'step-failed-badge' }, `✕ ${s.ui.failedHere}`)],
          h('span', { class: 'compare-hop-summary' }, messageNodes(hop.summary, s)),
        ),
      ),
    ),
  );
}

/**
 * The comparison panel: both pipelines side by side (diagram and hops), the differences as a table, then the second
 * pipeline's whole trace.
 */
export function renderComparison(
  rows: readonly ComparisonRow[],
  sides: { a: ComparisonSide; b: ComparisonSide },
  requestText: string,
  s: PlayerStrings,
): VElement {
  const ui = s.ui;
  const titles = { a: sides.a.title, b: sides.b.title };
  const cell = (value: string | undefined): VElement =>
    value === undefined ? h('td', { class: 'absent' }, ui.absent) : h('td', {}, shown(value));
  const table = h(
    'div',
    { class: 'hbh-scroll', tabindex: '0', role: 'region', 'aria-label': ui.differences },
    h(
      'table',
      { class: 'hbh-diff' },
      h('caption', {}, ui.differences),
      columnHeads(ui.key, titles.a, titles.b),
      h(
        'tbody',
        {},
        rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, row.key)), cell(row.a), cell(row.b))),
      ),
    ),
  );
  const otherTrace = renderTrace(sides.b.trace, requestText, s);
  return h(
    'div',
    {},
    h('h2', { id: 'compare' }, `${ui.compare}: ${titles.b}`),
    h('div', { class: 'compare-columns' }, comparisonColumn(sides.a, s), comparisonColumn(sides.b, s)),
    rows.length > 0 ? table : h('p', {}, ui.noDifferences),
    h('details', { class: 'compare-trace' }, h('summary', {}, `${ui.trace}: ${titles.b}`), stripIds(otherTrace)),
  );
}

/** Drops `id`s from a tree, so a second trace on the page does not repeat the first one's step ids. */
function stripIds(node: VElement): VElement {
  const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([name]) => name !== 'id'));
  return {
    ...node,
    attrs,
    children: node.children.map((child) => (typeof child === 'string' ? child : stripIds(child))),
  };
}
