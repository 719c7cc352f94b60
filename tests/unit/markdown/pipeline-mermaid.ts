/**
 * Mermaid source for a modelled pipeline, as term pages drew them before the build-time charts: the drift guard
 * checks that it recognises every pipeline in this form, so a hand-written Mermaid copy of one is caught.
 */
import type { PipelineDefinition } from '../../../src/sim/index.ts';
import type { Locale } from '../../../src/i18n/locale.ts';
import { describePipeline, nodeLabel, protocolLabel } from '../../../src/render/node-labels.ts';

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
