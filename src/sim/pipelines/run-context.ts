import type { Change } from '../trace.ts';
import type { Hop } from '../trace.ts';
import type { AcceptedFault } from '../faults/pipeline-fault.ts';
import type { FaultMemory } from '../faults/fault-memory.ts';
import type { WebServerProfile } from '../servers/profile.ts';
import type { RequestContext } from '../servers/request-context.ts';
import type { PipelineDefinition } from './pipeline-types.ts';
import type { WsgiAppId } from '../apps/wsgi-apps.ts';
import type { HttpResponse } from '../http/types.ts';
import type { WsgiApplication } from '../wsgi/application.ts';

/** What the CGI pipelines run: CGIHandler with the WSGI application, or the conformance suite's plain dump script. */
export type CgiScript = 'cgihandler' | 'dump';

/** What each pipeline runner receives once the front server has accepted the request. */
export interface RunContext {
  pipeline: PipelineDefinition;
  server: WebServerProfile;
  request: RequestContext;
  app: WsgiAppId;
  /** Creates that application (the caller chooses, so a bundle carries only the applications it can run). */
  createApp: () => WsgiApplication;
  /** What a CGI pipeline's script is (see `RunPipelineOptions.cgiScript`). */
  cgiScript: CgiScript;
  /** Hops so far (the client's request is already in). */
  hops: Hop[];
  /** The injected fault, when there is one (the pipeline accepts it: `resolveFault`). */
  fault?: AcceptedFault;
  /**
   * What the servers remember of the fault from one request to the next on the same connection (pipelined
   * requests share it): a backend a server has taken out of service after it refused a connection.
   */
  faultMemory?: FaultMemory;
}

/** What a runner hands back: the final response (whether 100 Continue went first is the server profile's call). */
export interface RunOutcome {
  response: HttpResponse;
  /** What the server did on the way out, shown on the answer's hop (a process that died before answering). */
  changes?: Change[];
}
