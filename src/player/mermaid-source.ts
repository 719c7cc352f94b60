/** Builds a pipeline's Mermaid flowchart from its data, with an accessible title and description. */
import type { PipelineDefinition, PipelineNode } from '../sim/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { cjkSpacing } from '../i18n/cjk-spacing.ts';

const PROTOCOL_LABELS: Readonly<Record<string, string>> = {
  http: 'HTTP',
  cgi: 'CGI',
  fastcgi: 'FastCGI',
  wsgi: 'WSGI',
  mod_python: 'mod_python',
  mod_wsgi: 'mod_wsgi protocol',
  php: 'PHP',
};

/** The protocol's display name (mod_wsgi's daemon protocol has no name of its own, so it is described). */
export function protocolLabel(protocol: string, lang: Locale = 'en'): string {
  if (protocol === 'mod_wsgi' && lang === 'zh-cn') return 'mod_wsgi 协议';
  return PROTOCOL_LABELS[protocol] ?? protocol;
}

/** A node's label in a language. */
export function nodeLabel(node: PipelineNode, lang: Locale): string {
  return lang === 'zh-cn' ? (node.labelZh ?? node.label) : node.label;
}

/** Mermaid node id of a pipeline node: its position, so any node id is safe in the Mermaid source. */
export function mermaidNodeId(pipeline: PipelineDefinition, nodeId: string): string | undefined {
  const index = pipeline.nodes.findIndex((node) => node.id === nodeId);
  return index < 0 ? undefined : `n${index}`;
}

/** Text safe inside a quoted Mermaid label or an accessibility line (no quotes, no line breaks). */
function safe(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ');
}
function plain(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** A sentence describing the diagram, generated from the edges. */
export function describePipeline(pipeline: PipelineDefinition, lang: Locale): string {
  const label = (id: string): string => {
    const node = pipeline.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node, lang) : id;
  };
  const edges = pipeline.edges.map((edge) =>
    lang === 'en'
      ? `${label(edge.from)} speaks ${protocolLabel(edge.protocol)} to ${label(edge.to)}`
      : cjkSpacing(`${label(edge.from)}通过${protocolLabel(edge.protocol, lang)}与${label(edge.to)}通信`),
  );
  const hosted = pipeline.nodes
    .filter((node) => node.hostedBy)
    .map((node) =>
      lang === 'en'
        ? `${nodeLabel(node, lang)} runs inside ${label(node.hostedBy ?? '')}`
        : cjkSpacing(`${nodeLabel(node, lang)}运行在${label(node.hostedBy ?? '')}进程内`),
    );
  return lang === 'en' ? `${[...edges, ...hosted].join('; ')}.` : `${[...edges, ...hosted].join('；')}。`;
}

/** The Mermaid source: one node per pipeline node, a labelled arrow per edge, a dotted line to a hosting server. */
export function pipelineMermaid(pipeline: PipelineDefinition, lang: Locale, direction: 'LR' | 'TB' = 'LR'): string {
  const id = (nodeId: string): string => mermaidNodeId(pipeline, nodeId) ?? 'missing';
  const lines = [
    `flowchart ${direction}`,
    `  accTitle: ${plain(pipeline.title[lang])}`,
    `  accDescr: ${plain(describePipeline(pipeline, lang))}`,
  ];
  for (const node of pipeline.nodes) lines.push(`  ${id(node.id)}["${safe(nodeLabel(node, lang))}"]`);
  for (const node of pipeline.nodes) {
    if (node.hostedBy) lines.push(`  ${id(node.hostedBy)} -.- ${id(node.id)}`);
  }
  for (const edge of pipeline.edges) {
    lines.push(`  ${id(edge.from)} -- "${protocolLabel(edge.protocol)}" --> ${id(edge.to)}`);
  }
  return lines.join('\n');
}
