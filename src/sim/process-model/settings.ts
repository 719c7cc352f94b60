import type { ProcessArchitecture } from './architectures.ts';
import { PIPELINES, PIPELINE_IDS } from '../pipelines/manifest/index.ts';
import { hasOwnName } from '../own-entry.ts';
import type { ProcessModelParams, ProcessModelSettings } from './process-model-types.ts';

/** A parameter the model rejects, with a message that names it and says what is allowed. */
export class ProcessModelError extends Error {
  override name = 'ProcessModelError';
}

/** The allowed range of each setting, and whether it must be a whole number. */
export const SETTING_LIMITS: Readonly<
  Record<keyof ProcessModelSettings, { min: number; max: number; integer: boolean; minExclusive?: boolean }>
> = {
  requests: { min: 1, max: 100, integer: true },
  arrivalIntervalMs: { min: 0, max: 10_000, integer: false },
  forkExecMs: { min: 0, max: 10_000, integer: false },
  interpreterStartMs: { min: 0, max: 10_000, integer: false },
  appImportMs: { min: 0, max: 60_000, integer: false },
  workMs: { min: 0, max: 60_000, integer: false, minExclusive: true },
  cpuPercent: { min: 0, max: 100, integer: false },
  processes: { min: 1, max: 1024, integer: true },
  threads: { min: 1, max: 100, integer: true },
  cores: { min: 1, max: 256, integer: true },
  steadyRatePerSecond: { min: 0.1, max: 1000, integer: false },
};

/** The setting keys, in the order the form shows them. */
export const SETTING_KEYS = Object.keys(SETTING_LIMITS) as (keyof ProcessModelSettings)[];

/**
 * Illustrative order-of-magnitude costs on a current Linux machine, not measurements; every one is adjustable.
 * Where in doubt they lean towards CGI: its per-request costs are kept low. `python3 -X importtime -c 'import
 * app'` (Python's command-line documentation, "-X importtime") measures an application's import; on this
 * project's shared 2-core test machine `python3 -c pass` took about 250 ms and `import werkzeug` alone about
 * 490 ms, well above the 20 ms and 150 ms used here.
 */
const COMMON_DEFAULTS = {
  /** The cold-start burst: N requests arriving together just after the server started. Illustrative. */
  requests: 20,
  arrivalIntervalMs: 0,
  /** fork() + exec() of a small program is about a millisecond. Illustrative. */
  forkExecMs: 1,
  /** Python starting up and importing its standard start-up modules. Illustrative. */
  interpreterStartMs: 20,
  /** A small framework application's import. Illustrative. */
  appImportMs: 150,
  workMs: 5,
  /** All CPU: the worst case for the GIL, so threaded servers are not flattered either. */
  cpuPercent: 100,
  /** A small server. Illustrative. */
  cores: 4,
  /** A modest sustained load for one small server: one request every 20 ms. Illustrative. */
  steadyRatePerSecond: 50,
} as const;

/** The steady-state view: requests 51–60 of a stream at the steady rate, after 50 requests of warm-up. */
export const STEADY_WARMUP = 50;
export const STEADY_WINDOW = 10;

/** A static file costs the server a fraction of a millisecond. */
const STATIC_WORK_MS = 0.2;

/** The process architecture of a pipeline; throws a ProcessModelError for an unknown id. */
export function architectureOf(pipeline: string): ProcessArchitecture {
  const architecture = hasOwnName(PIPELINES, pipeline) ? PIPELINES[pipeline]?.architecture : undefined;
  if (!architecture) {
    throw new ProcessModelError(`Unknown pipeline "${pipeline}". Known pipelines: ${PIPELINE_IDS.join(', ')}.`);
  }
  return architecture;
}

/** The default settings of a pipeline: the common costs plus its server's process and thread counts. */
export function defaultProcessModelSettings(pipeline: string): ProcessModelSettings {
  const architecture = architectureOf(pipeline);
  return {
    ...COMMON_DEFAULTS,
    workMs: architecture.kind === 'static' ? STATIC_WORK_MS : COMMON_DEFAULTS.workMs,
    processes: architecture.processes,
    threads: architecture.threads === 'unbounded' ? 1 : architecture.threads,
  };
}

/** The settings a pipeline's model actually uses, in form order (the others change nothing). */
export function relevantSettings(pipeline: string): (keyof ProcessModelSettings)[] {
  const a = architectureOf(pipeline);
  const pays = (phase: 'fork-exec' | 'interpreter-start' | 'app-import') =>
    a.perRequestProcess || a.startup.includes(phase) || (phase === 'app-import' && a.lazyImport);
  const threaded =
    a.threads === 'unbounded' || a.kind === 'thread-pool' || a.kind === 'embedded' || a.kind === 'daemon';
  const used: Record<keyof ProcessModelSettings, boolean> = {
    requests: true,
    arrivalIntervalMs: true,
    forkExecMs: pays('fork-exec'),
    interpreterStartMs: pays('interpreter-start'),
    appImportMs: pays('app-import'),
    workMs: true,
    // Every CPU part needs a core; in Python threads it also holds the GIL. A static file is all CPU.
    cpuPercent: a.kind !== 'static',
    processes:
      a.kind === 'cgi' ||
      a.kind === 'fastcgi-pool' ||
      a.kind === 'prefork' ||
      a.kind === 'embedded' ||
      a.kind === 'daemon',
    threads: a.threads !== 'unbounded' && threaded,
    cores: true,
    steadyRatePerSecond: true,
  };
  return SETTING_KEYS.filter((key) => used[key]);
}

/** Fills in a pipeline's defaults and checks every setting; throws a ProcessModelError naming the bad one. */
export function resolveSettings(params: ProcessModelParams): ProcessModelSettings {
  const settings = { ...defaultProcessModelSettings(params.pipeline) };
  for (const key of SETTING_KEYS) {
    const value: unknown = params[key];
    if (value === undefined) continue;
    const { min, max, integer, minExclusive } = SETTING_LIMITS[key];
    const shown = typeof value === 'number' ? String(value) : JSON.stringify(value);
    const range = `${minExclusive ? `greater than ${min}` : `at least ${min}`} and at most ${max}`;
    const kind = integer ? 'a whole number' : 'a number';
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ProcessModelError(`${key} must be ${kind} ${range}, got ${shown}.`);
    }
    if ((integer && !Number.isInteger(value)) || value < min || value > max || (minExclusive && value === min)) {
      throw new ProcessModelError(`${key} must be ${kind} ${range}, got ${shown}.`);
    }
    settings[key] = value;
  }
  return settings;
}
