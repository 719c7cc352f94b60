/** The simulator's public entry points. */
export { runPipeline, type RunPipelineOptions } from './pipelines/run-pipeline.ts';
export { PIPELINES, PIPELINE_IDS } from './pipelines/manifest/index.ts';
export type { PipelineDefinition, PipelineNode, PipelineEdge, NodeKind } from './pipelines/pipeline-types.ts';
export type {
  Trace,
  Hop,
  HttpHop,
  FastcgiHop,
  CgiRequestHop,
  OutputHop,
  WsgiRequestHop,
  WsgiResponseHop,
  UwsgiRequestHop,
  UwsgiResponseHop,
  AsgiRequestHop,
  AsgiResponseHop,
  DataHop,
  MiddlewareHop,
  MiddlewarePass,
  MiddlewareDiff,
  Change,
  TraceRecord,
  TraceUwsgiPacket,
  Pair,
  LocatedError,
  Provenance,
  Message,
  MessageId,
  MessageValue,
  Protocol,
  ConfigOrigin,
  AsgiEvent,
  LogLine,
} from './trace.ts';
export { pipelineOrigins } from './pipelines/config-origins.ts';
export { TRACE_VERSION } from './trace.ts';
export { MESSAGE_IDS } from './message-ids.ts';
export { VOLATILE } from './volatile.ts';
export { REFERENCE_SITE } from './reference-site.ts';
export { WSGI_APPS, type WsgiAppId } from './apps/wsgi-apps.ts';
export { UnknownNameError, type NameKind } from './unknown-name-error.ts';
export { FAULT_IDS, type FaultId } from './faults/fault-ids.ts';
export type { PipelineFault, AcceptedFault, RefusedFault } from './faults/pipeline-fault.ts';
export { UnsupportedFaultError } from './faults/unsupported-fault-error.ts';
export { RequestTooLargeError, MAX_REQUEST_BYTES } from './request-too-large-error.ts';
export { MAX_PIPELINED_REQUESTS } from './pipelines/pipelined-requests.ts';
