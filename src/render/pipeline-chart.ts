/**
 * A pipeline drawn from its data as plain HTML (no Mermaid, no layout at run time): the stages in request order —
 * a server with the modules it hosts inside its box — and between two stages the protocol they speak. Built once at
 * build time for pages, and in the browser for the comparison view; CSS lays it out in a row when there is room and
 * in a column on a phone (a container query), so text stays at its normal size and nothing moves after load.
 */
import type { PipelineDefinition, PipelineEdge, PipelineNode } from '../sim/index.ts';
import { localePath, type Locale } from '../i18n/locale.ts';
import { h, type VElement, type VNode } from './element-tree.ts';
import { describePipeline, nodeLabel, protocolLabel } from './node-labels.ts';
import { nodeTerm } from './node-terms.ts';
import { edgeKey } from './edge-key.ts';

/** One box in request order: a node and the modules that run inside its process. */
export interface ChartStage {
  node: PipelineNode;
  modules: PipelineNode[];
}

/** The stages in request order and, between stage i and i+1, the edge that joins them. */
export interface ChartLayout {
  stages: ChartStage[];
  edges: PipelineEdge[];
}

/** How nodes behave: links to their term page, buttons (the player moves to their step), or plain text. */
export type NodeAction = 'link' | 'button' | 'none';

/** Groups hosted modules into their host and follows the edges from the client to order the stages. */
export function chartLayout(pipeline: PipelineDefinition): ChartLayout {
  const byId = new Map(pipeline.nodes.map((node) => [node.id, node]));
  const hostOf = (id: string): string => byId.get(id)?.hostedBy ?? id;
  const stages: ChartStage[] = [];
  const edges: PipelineEdge[] = [];
  const seen = new Set<string>();
  let current: string | undefined = pipeline.nodes.find((node) => node.kind === 'client')?.id ?? pipeline.nodes[0]?.id;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const node = byId.get(current);
    if (!node) break;
    const host = current;
    stages.push({ node, modules: pipeline.nodes.filter((candidate) => candidate.hostedBy === host) });
    const next = pipeline.edges.find((edge) => hostOf(edge.from) === host && !seen.has(hostOf(edge.to)));
    if (!next) break;
    edges.push(next);
    current = hostOf(next.to);
  }
  const missing = pipeline.nodes.filter((node) => !node.hostedBy && !seen.has(node.id));
  if (missing.length > 0) {
    throw new Error(`pipeline ${pipeline.id}: ${missing.map((node) => node.id).join(', ')} not on the request path`);
  }
  return { stages, edges };
}

/** A label that may wrap after each underscore (`ngx_http_fastcgi_module`) instead of inside a word. */
function wrappable(label: string): VNode[] {
  return label.split(/(?<=_)/).flatMap((part, index) => (index === 0 ? [part] : [h('wbr'), part]));
}

function nodeElement(node: PipelineNode, lang: Locale, action: NodeAction, className: string): VElement {
  const label = wrappable(nodeLabel(node, lang));
  const term = nodeTerm(node.id);
  const attrs = { class: className, 'data-node': node.id };
  if (action === 'button') return h('button', { ...attrs, type: 'button' }, label);
  if (action === 'link' && term) {
    return h('a', { ...attrs, href: localePath(lang, `/terms/${term}/`) }, label);
  }
  return h('span', attrs, label);
}

/** The chart of a pipeline, with its title and a sentence describing it as the caption. */
export function pipelineChart(pipeline: PipelineDefinition, lang: Locale, action: NodeAction = 'link'): VElement {
  const { stages, edges } = chartLayout(pipeline);
  const items: VElement[] = [];
  stages.forEach((stage, index) => {
    items.push(
      h(
        'li',
        { class: 'chart-stage', 'data-kind': stage.node.kind },
        nodeElement(stage.node, lang, action, 'chart-node'),
        stage.modules.length > 0 &&
          h(
            'ul',
            { class: 'chart-modules' },
            stage.modules.map((module) => h('li', {}, nodeElement(module, lang, action, 'chart-node chart-module'))),
          ),
      ),
    );
    const edge = edges[index];
    if (edge) {
      items.push(
        h(
          'li',
          { class: 'chart-edge', 'data-edge': edgeKey(edge.from, edge.to) },
          h('span', { class: 'chart-arrow', 'aria-hidden': 'true' }),
          h('span', { class: 'chart-protocol' }, protocolLabel(edge.protocol, lang)),
        ),
      );
    }
  });
  return h(
    'figure',
    { class: 'pipeline-chart', 'data-pipeline': pipeline.id },
    h('ol', { class: 'chart-stages', 'aria-label': pipeline.title[lang] }, items),
    h(
      'figcaption',
      {},
      h('span', { class: 'diagram-title' }, pipeline.title[lang]),
      h('span', { class: 'diagram-description' }, describePipeline(pipeline, lang)),
    ),
  );
}
