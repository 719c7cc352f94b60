/** The pipelines as the conformance captures run them: read from the pipeline manifest (`src/sim/pipelines/manifest/`). */
import { PIPELINE_LIST } from '../../src/sim/pipelines/manifest/index.ts';
import { conformanceOf } from '../../src/sim/pipelines/manifest/conformance.ts';
import type { FaultId } from '../../src/sim/faults/fault-ids.ts';
import type {
  CapturedConfigChange,
  ConformanceServer,
  ConformanceSpec,
} from '../../src/sim/pipelines/pipeline-types.ts';
import { SERVER_PROGRAMS, type ServerProgramName } from './server-programs.ts';
import { SITE } from './site-layout.ts';

/** The runs that swap the dump application for a framework's example application (`capture.frameworks`). */
export const FRAMEWORK_RUNS = ['django', 'flask', 'webpy'] as const;

/** A framework whose example application a run serves. */
export type FrameworkRun = (typeof FRAMEWORK_RUNS)[number];

/** One server process of a run: which program, which file of `configs/<pipeline-id>/` it reads, its port. */
export interface ServerSpec {
  program: ServerProgramName;
  /** File name in `configs/<pipeline-id>/`, rendered into the site root; absent for the recorder. */
  config?: string;
  port: number;
  /** `{{UPSTREAM_PORT}}` in this server's configuration, when it is not `SITE.upstreamPort` (a server behind a relay). */
  upstreamPort?: number;
}

/** The runs the suite knows how to read: `main`, and the ones that swap the upstream for another peer. */
const RUN_NAMES = ['main', 'recorder', 'uwsgi', 'cgihandler', ...FRAMEWORK_RUNS] as const;

/**
 * One start of the pipeline's servers. `main` gives the response the client gets and what the application
 * saw; `recorder` swaps the FastCGI application for the record recorder; `uwsgi` swaps it for uwsgi, a real
 * FastCGI-to-WSGI gateway, to see the environ a gateway builds from the same records; `cgihandler` swaps the CGI
 * script for one running the WSGI dump application under wsgiref's CGIHandler. For uWSGI,
 * `recorder` puts a relay between nginx and uWSGI that writes down the uwsgi packet and uWSGI's answer byte for byte.
 * `django`, `flask` and `webpy` serve that framework's example application (tests/fixtures/apps/framework_*.py)
 * instead of the dump application: the response the client gets is kept in `capture.frameworks`.
 */
export interface RunSpec {
  name: (typeof RUN_NAMES)[number];
  /** Started in this order (upstream first), stopped in reverse. */
  servers: readonly ServerSpec[];
  /** A file of tests/fixtures/cgi-scripts written over dump_cgi.py, the script the CGI configs map /app to. */
  cgiScript?: string;
}

/** How one fault is made to happen on the real servers (see `ConformanceFaultRun` in the manifest types). */
export interface FaultRunSpec {
  fault: FaultId;
  servers: readonly ServerSpec[];
  /** A file of tests/fixtures/faults written over this file of the site's app folder. */
  app?: { replace: string; with: string };
  /** How many times the request is sent, one connection each. */
  requests: number;
  changes: readonly CapturedConfigChange[];
}

/**
 * How the lab's odd applications (tests/fixtures/lab/) run on a pipeline's real servers: the servers of its
 * `app-exception` fault run with the lab application written over dump_wsgi.py, or for a CGI pipeline the servers
 * of its `cgihandler` run with `lab_cgihandler.py` as the CGI script (CGIHandler().run(application)).
 */
export interface LabRunSpec {
  servers: readonly ServerSpec[];
  /** The file of the app folder the lab application replaces. */
  app: string;
  /** A file of tests/fixtures/cgi-scripts written over dump_cgi.py. */
  cgiScript?: string;
}

/** The CGI script of the CGI pipelines' lab runs: CGIHandler running the application of dump_wsgi.py. */
export const LAB_CGI_SCRIPT = 'lab_cgihandler.py';

/** A pipeline as the conformance captures run it. */
export interface PipelineSpec {
  id: string;
  /** The Debian packages whose versions the captures depend on (recorded in versions.json). */
  packages: readonly string[];
  runs: readonly RunSpec[];
  /** One run per fault the suite injects, each captured as `<pipeline>/faults/<fault>.json`. */
  faultRuns: readonly FaultRunSpec[];
  /** Where the reader's application can be swapped in (`selectableApp`): how the lab's applications run. */
  lab?: LabRunSpec;
}

const PORTS = {
  server: SITE.port,
  upstream: SITE.upstreamPort,
  relayed: SITE.relayedPort,
  recorded: SITE.recordedPort,
} as const;

function serverSpec(pipelineId: string, server: ConformanceServer): ServerSpec {
  if (!Object.hasOwn(SERVER_PROGRAMS, server.program))
    throw new Error(`${pipelineId}: unknown server program "${server.program}" in its manifest entry`);
  return {
    program: server.program as ServerProgramName,
    ...(server.config === undefined ? {} : { config: server.config }),
    port: PORTS[server.port],
    ...(server.port === 'relayed' ? { upstreamPort: SITE.relayedPort } : {}),
  };
}

function runName(pipelineId: string, name: string): RunSpec['name'] {
  const known = RUN_NAMES.find((candidate) => candidate === name);
  if (!known) throw new Error(`${pipelineId}: unknown conformance run "${name}" (known: ${RUN_NAMES.join(', ')})`);
  return known;
}

/** Every pipeline, in the manifest's order. */
export const PIPELINES: readonly PipelineSpec[] = PIPELINE_LIST.map(({ id, selectableApp }) =>
  specOf(id, conformanceOf(id), selectableApp),
);

function specOf(id: string, conformance: ConformanceSpec, selectableApp: boolean): PipelineSpec {
  const spec: PipelineSpec = {
    id,
    packages: conformance.packages,
    runs: conformance.runs.map((run) => ({
      name: runName(id, run.name),
      servers: run.servers.map((server) => serverSpec(id, server)),
      ...(run.cgiScript === undefined ? {} : { cgiScript: run.cgiScript }),
    })),
    faultRuns: (conformance.faultRuns ?? []).map((run) => ({
      fault: run.fault,
      servers: run.servers.map((server) => serverSpec(id, server)),
      ...(run.app === undefined ? {} : { app: run.app }),
      requests: run.requests ?? 1,
      changes: run.changes ?? [],
    })),
  };
  const lab = selectableApp ? labRunOf(spec) : undefined;
  if (selectableApp && !lab) throw new Error(`${id}: selectableApp, but no app-exception fault run nor cgihandler run`);
  return lab ? { ...spec, lab } : spec;
}

/** The lab's run, from the runs that already swap what the servers call (see `LabRunSpec`). */
function labRunOf(spec: PipelineSpec): LabRunSpec | undefined {
  const cgi = spec.runs.find((run) => run.name === 'cgihandler');
  if (cgi) return { servers: cgi.servers, app: 'dump_wsgi.py', cgiScript: LAB_CGI_SCRIPT };
  const fault = spec.faultRuns.find((run) => run.fault === 'app-exception');
  return fault?.app ? { servers: fault.servers, app: fault.app.replace } : undefined;
}

/** The pipeline with this id, or an error naming the known ones. */
export function findPipeline(id: string): PipelineSpec {
  const pipeline = PIPELINES.find((candidate) => candidate.id === id);
  if (!pipeline) throw new Error(`unknown pipeline "${id}"; known: ${PIPELINES.map((p) => p.id).join(', ')}`);
  return pipeline;
}
