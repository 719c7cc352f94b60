import type { Locale } from '../../i18n/locale.ts';
/** The languages lane labels come in. */

/** What a stretch of time on a lane is spent on. */
export type SpanPhase = 'fork-exec' | 'interpreter-start' | 'app-import' | 'queue' | 'work';

/** The model's adjustable numbers. Times are in milliseconds. */
export interface ProcessModelSettings {
  /** How many requests arrive (N). An integer from 1 to 100. */
  requests: number;
  /** Time between two arrivals; 0 means all N arrive together. */
  arrivalIntervalMs: number;
  /** Creating a process: fork(), plus exec() where a new program starts. */
  forkExecMs: number;
  /** Starting the language runtime (Python or PHP) in a new process. */
  interpreterStartMs: number;
  /** Importing the application and its framework. */
  appImportMs: number;
  /** The application's own work for one request. Greater than 0. */
  workMs: number;
  /** The share of the work that runs Python code on the CPU (holds the GIL), 0–100. */
  cpuPercent: number;
  /** Worker processes; for CGI, how many CGI processes may run at once. */
  processes: number;
  /** Threads in each worker process. */
  threads: number;
  /** CPU cores shared by every process on the machine. */
  cores: number;
  /** Steady state: requests per second in the sustained stream the warm window is measured in. */
  steadyRatePerSecond: number;
}

/** Input to `simulateProcessModel`: a pipeline id, and any settings that differ from its defaults. */
export interface ProcessModelParams extends Partial<ProcessModelSettings> {
  /** A pipeline id, e.g. "apache-cgi". */
  pipeline: string;
  /** Language of lane labels. Defaults to English. */
  lang?: Locale;
}

/** One horizontal row of the timeline. */
export interface Lane {
  id: string;
  label: string;
  /** A `queue` lane holds requests waiting for a free worker (in the web server or the kernel). */
  kind: 'process' | 'thread' | 'queue';
}

/** A stretch of time one lane spends on one phase, for one request (or for the worker's own start). */
export interface Span {
  lane: string;
  /** The request's id, or null for a worker's start-up before any request. */
  request: number | null;
  phase: SpanPhase;
  start: number;
  end: number;
}

/** One request's life: when it arrived, when a worker took it, when it was answered. */
export interface RequestTiming {
  id: number;
  arrival: number;
  start: number;
  end: number;
  /** The lane (process or thread) that served it. */
  lane: string;
}

/** Latency statistics over all requests, in milliseconds (percentiles by nearest rank). */
export interface LatencyStats {
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

/** The model's output: everything the timeline and the numbers are drawn from. */
export interface ProcessModelResult {
  pipeline: string;
  /** The settings actually used (defaults filled in). */
  settings: ProcessModelSettings;
  lanes: Lane[];
  spans: Span[];
  requests: RequestTiming[];
  /** Completed requests per second, from the first arrival to the last answer. */
  throughputPerSecond: number;
  latency: LatencyStats;
  /** When the first request arrives: after every persistent worker has started. */
  firstArrival: number;
  /** When the last request is answered. */
  end: number;
  /** CPU time each request costs on average: its own fork, interpreter start and import, plus its CPU work. */
  cpuMsPerRequest: number;
}

/**
 * A steady-state window: requests `first`–`last` of a stream arriving at a sustained rate, after the
 * workers have warmed up (started, imported the application) on the requests before it.
 */
export interface SteadyStateWindow {
  first: number;
  last: number;
  /** The arrival of request `first`: where the window's drawing starts. */
  from: number;
  /** The last answer in the window: where its drawing ends. */
  to: number;
  /** Answers per second over the window's answers (the last ten completions, in completion order). */
  throughputPerSecond: number;
  latency: LatencyStats;
  cpuMsPerRequest: number;
}

/** The two views of one pipeline: the first N requests after a cold start, and a warm, sustained stream. */
export interface ProcessModelViews {
  burst: ProcessModelResult;
  /** The whole stream's run; only the window's requests are drawn and counted. */
  stream: ProcessModelResult;
  steady: SteadyStateWindow;
}
