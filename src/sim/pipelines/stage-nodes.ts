import type { PipelineDefinition, PipelineNode } from './pipeline-types.ts';

/** The stages of a pipeline's chain, as its manifest entry lists them: the first node of each kind. */
export interface StageNodes {
  server: PipelineNode;
  /** The module inside the server that hands the request on (mod_cgid, ngx_http_fastcgi_module, …). */
  module?: PipelineNode;
  /** The process between the server and the application (a CGI script, flup, php-fpm, a mod_wsgi daemon). */
  gateway?: PipelineNode;
  application?: PipelineNode;
}

/** The nodes a runner walks, taken from the manifest entry instead of spelled out per pipeline. */
export function stageNodes(pipeline: PipelineDefinition): StageNodes {
  const first = (kind: PipelineNode['kind']) => pipeline.nodes.find((node) => node.kind === kind);
  const server = pipeline.nodes.find((node) => node.id === pipeline.server);
  if (!server) throw new Error(`${pipeline.id}: its server ${pipeline.server} is none of its nodes`);
  const module = first('module');
  const gateway = first('gateway');
  const application = first('application');
  return {
    server,
    ...(module ? { module } : {}),
    ...(gateway ? { gateway } : {}),
    ...(application ? { application } : {}),
  };
}

/** The node of that stage, or an error naming the pipeline that lacks it. */
export function requireStage(pipeline: PipelineDefinition, stage: keyof StageNodes): PipelineNode {
  const node = stageNodes(pipeline)[stage];
  if (!node) throw new Error(`${pipeline.id} has no ${stage} node`);
  return node;
}
