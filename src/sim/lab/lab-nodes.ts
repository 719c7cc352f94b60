import type { PipelineDefinition, PipelineNode } from '../pipelines/pipeline-types.ts';

/** The node id of middleware layer `index` (0: outermost) in a lab trace and its chart. */
export const middlewareNode = (index: number): string => `middleware-${index}`;

/** The application node every WSGI pipeline ends in (`manifest/nodes.ts`). */
export const APP_NODE = 'app';

/**
 * The pipeline with the reader's middleware drawn in: one node per layer (labelled by its file name) between the
 * node that calls the application and the application, joined by WSGI, so the chart and the player's step
 * highlighting find an edge for every middleware hop.
 */
export function labPipeline(pipeline: PipelineDefinition, layers: readonly string[]): PipelineDefinition {
  if (layers.length === 0) return pipeline;
  const nodes: PipelineNode[] = layers.map((label, index) => ({
    id: middlewareNode(index),
    label,
    kind: 'middleware',
  }));
  const at = pipeline.nodes.findIndex((node) => node.id === APP_NODE);
  const chain = [...layers.map((_, index) => middlewareNode(index)), APP_NODE];
  const edges = pipeline.edges.flatMap((edge) =>
    edge.to === APP_NODE
      ? [
          { ...edge, to: chain[0] ?? APP_NODE },
          ...chain.slice(1).map((to, index) => ({ from: chain[index] ?? APP_NODE, to, protocol: 'wsgi' as const })),
        ]
      : [edge],
  );
  return {
    ...pipeline,
    nodes: [...pipeline.nodes.slice(0, at), ...nodes, ...pipeline.nodes.slice(at)],
    edges,
  };
}
