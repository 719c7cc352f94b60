import { ARCHITECTURES, type ProcessArchitecture } from './architectures.ts';
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
};

/** The setting keys, in the order the form shows them. */
export const SETTING_KEYS = Object.keys(SETTING_LIMITS) as (keyof ProcessModelSettings)[];

/** Illustrative order-of-magnitude costs on a current Linux machine; every one is adjustable. */
const COMMON_DEFAULTS = {
  requests: 20,
  arrivalIntervalMs: 0,
  forkExecMs: 1,
  interpreterStartMs: 20,
  appImportMs: 150,
  workMs: 5,
  cpuPercent: 100,
} as const;

/** A static file costs the server a fraction of a millisecond. */
const STATIC_WORK_MS = 0.2;

/** The process architecture of a pipeline; throws a ProcessModelError for an unknown id. */
export function architectureOf(pipeline: string): ProcessArchitecture {
  const architecture = Object.hasOwn(ARCHITECTURES, pipeline) ? ARCHITECTURES[pipeline] : undefined;
  if (!architecture) {
    throw new ProcessModelError(
      `Unknown pipeline "${pipeline}". Known pipelines: ${Object.keys(ARCHITECTURES).join(', ')}.`,
    );
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
    cpuPercent: a.gil && threaded,
    processes: a.kind === 'cgi' || a.kind === 'fastcgi-pool' || a.kind === 'embedded' || a.kind === 'daemon',
    threads: a.threads !== 'unbounded' && threaded,
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
