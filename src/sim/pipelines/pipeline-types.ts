import type { Protocol } from '../trace.ts';
import type { ProcessArchitecture } from '../process-model/architectures.ts';
import type { FaultId } from '../faults/fault-ids.ts';
import type { PipelineFault } from '../faults/pipeline-fault.ts';
import type { ServerLimits } from '../servers/server-limits.ts';

/** What a node in a pipeline is. */
/** `middleware`: (the lab) one layer of the reader's own WSGI middleware. */
export type NodeKind = 'client' | 'server' | 'module' | 'gateway' | 'application' | 'framework' | 'middleware';

/** One box in the pipeline diagram. */
export interface PipelineNode {
  id: string;
  label: string;
  /** The label for Chinese pages, where it is not a product name that reads the same in both languages. */
  labelZh?: string;
  kind: NodeKind;
  /** A module or embedded interpreter lives inside this node's process. */
  hostedBy?: string;
}

/** One arrow: the protocol spoken between two nodes. */
export interface PipelineEdge {
  from: string;
  to: string;
  protocol: Protocol;
}

/** How the simulator runs a pipeline. */
export type PipelineKind =
  | 'static'
  | 'cgi'
  | 'fastcgi-wsgi'
  | 'fastcgi-php'
  | 'uwsgi-wsgi'
  | 'module-wsgi'
  | 'wsgi-server'
  | 'http-proxy'
  | 'proxy-asgi';

/** One file of a pipeline's reference configuration, as its page shows it and the conformance suite runs it. */
export interface ConfigFile {
  /** Its name as origins refer to it (`nginx.conf`). */
  file: string;
  /** Where the file lives in this repository, relative to its root. */
  source: string;
}

/** The configuration lines behind each variable: variable name → the lines, the line that sets it first. */
export type OriginTable = Readonly<Record<string, readonly (readonly [file: string, directive: string])[]>>;

/** The lines that send the request along a hop: destination node → (variable, file, directive). */
export type RouteTable = Readonly<
  Record<string, readonly (readonly [name: string, file: string, directive: string])[]>
>;

/** One server process of a conformance run: the program (a key of the suite's `SERVER_PROGRAMS`), its file, its port. */
export interface ConformanceServer {
  program: string;
  /** File name in `configs/<pipeline-id>/`; absent for programs that take none (the FastCGI recorder). */
  config?: string;
  /**
   * `server`: the port the client talks to; `upstream`: the port the web server forwards to; `relayed`: the port
   * behind a recorder that holds the upstream port (the server's `{{UPSTREAM_PORT}}` is then this port);
   * `recorded`: the same port, for a program that is told to listen there on its command line.
   */
  port: 'server' | 'upstream' | 'relayed' | 'recorded';
}

/** One start of the pipeline's servers in the conformance suite (see `tests/conformance/pipelines.ts`). */
export interface ConformanceRun {
  /** `main` gives the client's response and what the application saw; other runs swap the upstream for a recorder. */
  name: string;
  /** Started in this order (upstream first), stopped in reverse. */
  servers: readonly ConformanceServer[];
  /** A file of tests/fixtures/cgi-scripts written over the script the CGI configs map /app to (dump_cgi.py). */
  cgiScript?: string;
}

/**
 * A value the fault captures change in a reference configuration file, so that a fault happens in a second rather
 * than a minute (a shortened timeout). The page shows the reference file and says how the captured one differs.
 */
export interface CapturedConfigChange {
  /** File name in `configs/<pipeline-id>/`. */
  file: string;
  /** The directive or option (`fastcgi_read_timeout`, `Timeout`). */
  setting: string;
  /** Its value in the reference configuration, or the server's default where the file does not set it. */
  reference: string;
  /** Whether `reference` is the server's default (the reference file does not set it). */
  byDefault?: true;
  /** Its value in the captured configuration. */
  captured: string;
  /** How the suite makes the captured file: this exact text, found once in the reference file… */
  find: string;
  /** …is replaced by this (the same text with the changed or added line). */
  write: string;
}

/**
 * How the conformance suite makes one fault happen on the real servers (tests/conformance/fault-runs.ts). The
 * configurations stay the reference ones, apart from `changes`; the failing application is selected by the file
 * the reference configuration already names (`dump_wsgi.py`, `dump_php.php`, `dump_cgi.py`), written over it.
 */
export interface ConformanceFaultRun {
  fault: FaultId;
  /** Started in this order (upstream first), stopped in reverse; for `backend-down`, nothing on the upstream port. */
  servers: readonly ConformanceServer[];
  /** A file of tests/fixtures/faults written over this file of the site's app folder (`dump_wsgi.py`). */
  app?: { replace: string; with: string };
  /** How many times the request is sent, one connection each (2 where the server remembers the first failure). */
  requests?: number;
  /** Differences from the reference configuration (shortened timeouts), each one listed for the page. */
  changes?: readonly CapturedConfigChange[];
}

/** What the conformance suite installs and starts for a pipeline. */
export interface ConformanceSpec {
  /** The Debian packages whose versions the captures depend on (recorded in versions.json). */
  packages: readonly string[];
  runs: readonly ConformanceRun[];
  /** How the suite injects each fault the pipeline accepts into the real servers (none: nothing captured). */
  faultRuns?: readonly ConformanceFaultRun[];
}

/**
 * A pipeline as data, in one place: the site draws it, the simulator runs it, the config panel shows its files, the
 * process model runs its architecture and the conformance suite starts its servers. One file per pipeline in
 * `manifest/`, which also exports beside it what the conformance suite starts (`<ENTRY>_CONFORMANCE`, a
 * `ConformanceSpec`; read it with `conformanceOf`): the browser never imports that part.
 */
export interface PipelineDefinition {
  id: string;
  title: { en: string; 'zh-cn': string };
  kind: PipelineKind;
  /** The web server profile id on the client side (`apache2`, `nginx`, `lighttpd`, `wsgiref`, …). */
  server: string;
  nodes: readonly PipelineNode[];
  edges: readonly PipelineEdge[];
  /** Whether the application at the end can be swapped (`options.app`). */
  selectableApp: boolean;
  /** The files the pipeline's servers read, in the order a reader follows them. */
  configs: readonly ConfigFile[];
  /** Which configuration line produces each variable the pipeline passes on (none for static pipelines). */
  origins: OriginTable;
  /** Configuration lines that route the request along a hop rather than set a variable. */
  routes?: RouteTable;
  /**
   * Limits the reference configuration sets for the web-facing server, over its defaults (its profile's `limits`),
   * each with `origin: { file, directive }`. No reference configuration sets one today.
   */
  limits?: ServerLimits;
  /** How the application runs: processes, threads and what each pays when. */
  architecture: ProcessArchitecture;
  /**
   * For each fault id, in `FAULT_IDS` order, the node that fails or why the pipeline cannot have it (build it with
   * `faultList` from `src/sim/faults/fault-list.ts`, which needs every id).
   */
  faults: readonly PipelineFault[];
}
