import type { ProcessArchitecture } from './architectures.ts';
import type { Locale } from '../../i18n/locale.ts';
import { STEADY_WARMUP, STEADY_WINDOW, architectureOf, resolveSettings } from './settings.ts';
import type {
  Lane,
  LatencyStats,
  ProcessModelParams,
  ProcessModelResult,
  ProcessModelSettings,
  ProcessModelViews,
  RequestTiming,
  Span,
  SpanPhase,
  SteadyStateWindow,
} from './process-model-types.ts';

interface Worker {
  index: number;
  lane: Lane;
  threads: Thread[];
  busy: number;
  imported: boolean;
  importWaiters: ((now: number) => void)[];
  importing: boolean;
  gilHeld: boolean;
  gilWaiters: ((now: number) => void)[];
}

interface Thread {
  worker: Worker;
  lane: Lane;
  busy: boolean;
}

interface Pending {
  time: number;
  seq: number;
  run: () => void;
}

const THREAD = { en: 'thread', 'zh-cn': '线程' } as const;

/** Event times are kept to the microsecond, so sums of decimals don't drift (0.1 + 0.2). */
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function latencyOf(requests: readonly RequestTiming[]): LatencyStats {
  const sorted = requests.map((r) => round(r.end - r.arrival)).sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { mean: round(mean), p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: percentile(sorted, 100) };
}

const START_PHASES: ReadonlySet<SpanPhase> = new Set(['fork-exec', 'interpreter-start', 'app-import']);

/** The mean CPU time of some requests: the start-up phases they paid themselves, plus their CPU work. */
function cpuMsPerRequest(result: { spans: readonly Span[]; settings: ProcessModelSettings }, ids: Set<number>): number {
  const own = result.spans
    .filter((span) => span.request !== null && ids.has(span.request) && START_PHASES.has(span.phase))
    .reduce((sum, span) => sum + (span.end - span.start), 0);
  const work = (result.settings.workMs * result.settings.cpuPercent) / 100;
  return ids.size === 0 ? 0 : round(own / ids.size + work);
}

/**
 * Runs N requests through a pipeline's process architecture and returns the timeline: which process or
 * thread spends which stretch of time on what, and the resulting throughput and latency. Deterministic:
 * the same parameters always give the same result. Throws a ProcessModelError for invalid parameters.
 */
export function simulateProcessModel(params: ProcessModelParams): ProcessModelResult {
  const architecture = architectureOf(params.pipeline);
  const settings = resolveSettings(params);
  const lang: Locale = params.lang ?? 'en';
  return new Simulation(architecture, settings, lang, params.pipeline).run();
}

/**
 * Both views of a pipeline with the same settings: the cold-start burst (`simulateProcessModel`), and a
 * steady state — a stream of STEADY_WARMUP + STEADY_WINDOW requests at `steadyRatePerSecond`, of which only
 * the last STEADY_WINDOW are measured, once every persistent worker has started and imported the application.
 */
export function simulateProcessViews(params: ProcessModelParams): ProcessModelViews {
  const architecture = architectureOf(params.pipeline);
  const settings = resolveSettings(params);
  const lang: Locale = params.lang ?? 'en';
  const burst = new Simulation(architecture, settings, lang, params.pipeline).run();
  const streamSettings = {
    ...settings,
    requests: STEADY_WARMUP + STEADY_WINDOW,
    arrivalIntervalMs: 1000 / settings.steadyRatePerSecond,
  };
  const stream = new Simulation(architecture, streamSettings, lang, params.pipeline).run();
  const first = STEADY_WARMUP + 1;
  const last = STEADY_WARMUP + STEADY_WINDOW;
  const window = stream.requests.filter((r) => r.id >= first && r.id <= last);
  const from = Math.min(...window.map((r) => r.arrival));
  const to = Math.max(...window.map((r) => r.end));
  // Throughput from the answers alone: the last STEADY_WINDOW answers, over the time since the one before them.
  const ends = stream.requests.map((r) => r.end).sort((x, y) => x - y);
  const spread = (ends[last - 1] ?? to) - (ends[STEADY_WARMUP - 1] ?? from);
  const steady: SteadyStateWindow = {
    first,
    last,
    from,
    to,
    throughputPerSecond: round((STEADY_WINDOW / (spread > 0 ? spread : to - from)) * 1000),
    latency: latencyOf(window),
    cpuMsPerRequest: cpuMsPerRequest(stream, new Set(window.map((r) => r.id))),
  };
  return { burst, stream, steady };
}

class Simulation {
  readonly #lanes: Lane[] = [];
  readonly #laneOrder = new Map<string, number>();
  readonly #spans: Span[] = [];
  readonly #lastSpan = new Map<string, Span>();
  readonly #events: Pending[] = [];
  readonly #waiting: RequestTiming[] = [];
  readonly #workers: Worker[] = [];
  readonly #requests: RequestTiming[] = [];
  readonly #queueLane: Lane;
  #seq = 0;
  #now = 0;
  #cgiRunning = 0;
  #coresFree: number;
  readonly #coreWaiters: ((now: number) => void)[] = [];

  readonly architecture: ProcessArchitecture;
  readonly settings: ProcessModelSettings;
  readonly lang: Locale;
  readonly pipeline: string;

  constructor(architecture: ProcessArchitecture, settings: ProcessModelSettings, lang: Locale, pipeline: string) {
    this.architecture = architecture;
    this.settings = settings;
    this.lang = lang;
    this.pipeline = pipeline;
    this.#coresFree = settings.cores;
    this.#queueLane = this.#addLane({ id: 'queue', label: architecture.queueLabel[lang], kind: 'queue' }, 0);
  }

  run(): ProcessModelResult {
    const { architecture: a, settings: s } = this;
    if (!a.perRequestProcess) {
      for (let p = 0; p < s.processes; p++) this.#startWorker(p);
    }
    this.#drain();
    const ready = round(this.#now);
    for (let id = 1; id <= s.requests; id++) {
      const arrival = round(ready + (id - 1) * s.arrivalIntervalMs);
      const request: RequestTiming = { id, arrival, start: arrival, end: arrival, lane: '' };
      this.#requests.push(request);
      this.#at(arrival, () => {
        this.#waiting.push(request);
        this.#dispatch();
      });
    }
    this.#drain();
    const end = Math.max(...this.#requests.map((r) => r.end));
    const lanes = [...this.#lanes].sort((x, y) => (this.#laneOrder.get(x.id) ?? 0) - (this.#laneOrder.get(y.id) ?? 0));
    const spans = [...this.#spans].sort((x, y) => x.start - y.start || x.end - y.end);
    return {
      pipeline: this.pipeline,
      settings: { ...s },
      lanes,
      spans,
      requests: this.#requests,
      throughputPerSecond: round((s.requests / (end - ready)) * 1000),
      latency: latencyOf(this.#requests),
      firstArrival: ready,
      end,
      cpuMsPerRequest: cpuMsPerRequest({ spans, settings: s }, new Set(this.#requests.map((r) => r.id))),
    };
  }

  #drain(): void {
    for (let next = this.#events.shift(); next; next = this.#events.shift()) {
      this.#now = next.time;
      next.run();
    }
  }

  /**
   * A CPU core for one stretch of CPU work: now if one is free, else when one frees up, first come first
   * served. A core runs its stretch to the end (real schedulers time-slice, which shares the same total
   * differently but adds no time).
   */
  #acquireCore(then: (now: number) => void): void {
    if (this.#coresFree > 0) {
      this.#coresFree--;
      then(this.#now);
    } else {
      this.#coreWaiters.push(then);
    }
  }

  #releaseCore(): void {
    const next = this.#coreWaiters.shift();
    if (next) next(this.#now);
    else this.#coresFree++;
  }

  #addLane(lane: Lane, order: number): Lane {
    this.#lanes.push(lane);
    this.#laneOrder.set(lane.id, order);
    return lane;
  }

  #at(time: number, run: () => void): void {
    const event = { time: round(time), seq: this.#seq++, run };
    const index = this.#events.findIndex((e) => e.time > event.time);
    if (index === -1) this.#events.push(event);
    else this.#events.splice(index, 0, event);
  }

  /** Records a stretch of time; one that continues the lane's last span (same request and phase) extends it. */
  #span(lane: Lane, request: number | null, phase: SpanPhase, start: number, end: number): void {
    if (round(end) <= round(start)) return;
    const last = this.#lastSpan.get(lane.id);
    if (last && last.request === request && last.phase === phase && last.end === round(start)) {
      last.end = round(end);
      return;
    }
    const span = { lane: lane.id, request, phase, start: round(start), end: round(end) };
    this.#spans.push(span);
    this.#lastSpan.set(lane.id, span);
  }

  #phaseCost(phase: 'fork-exec' | 'interpreter-start' | 'app-import'): number {
    const s = this.settings;
    return phase === 'fork-exec' ? s.forkExecMs : phase === 'interpreter-start' ? s.interpreterStartMs : s.appImportMs;
  }

  /** Starts a persistent worker process at time 0, on a CPU core as soon as one is free. */
  #startWorker(index: number): void {
    const { architecture: a, settings: s, lang } = this;
    const name = s.processes > 1 ? `${a.workerLabel[lang]} ${index + 1}` : a.workerLabel[lang];
    const order = (index + 1) * 1000;
    const lane = this.#addLane({ id: `p${index + 1}`, label: name, kind: 'process' }, order);
    const worker: Worker = {
      index,
      lane,
      threads: [],
      busy: 0,
      imported: !a.lazyImport,
      importing: false,
      importWaiters: [],
      gilHeld: false,
      gilWaiters: [],
    };
    this.#workers.push(worker);
    const fixedThreads = a.threads === 'unbounded' ? 0 : s.threads;
    if (fixedThreads === 1 && a.threads !== 'unbounded') {
      worker.threads.push({ worker, lane, busy: false });
    } else {
      for (let t = 0; t < fixedThreads; t++) this.#addThread(worker);
    }
    if (a.startup.length === 0) return;
    this.#acquireCore((start) => {
      this.#span(lane, null, 'queue', 0, start);
      let time = start;
      for (const phase of a.startup) {
        const cost = this.#phaseCost(phase);
        this.#span(lane, null, phase, time, time + cost);
        time += cost;
      }
      this.#at(time, () => this.#releaseCore());
    });
  }

  #addThread(worker: Worker): Thread {
    const n = worker.threads.length + 1;
    const label = `${worker.lane.label} · ${THREAD[this.lang]} ${n}`;
    const lane = this.#addLane({ id: `${worker.lane.id}t${n}`, label, kind: 'thread' }, (worker.index + 1) * 1000 + n);
    const thread = { worker, lane, busy: false };
    worker.threads.push(thread);
    return thread;
  }

  /** Hands waiting requests, first come first served, to free workers. */
  #dispatch(): void {
    while (this.#waiting.length > 0) {
      const slot = this.architecture.perRequestProcess ? this.#cgiSlot() : this.#freeThread();
      if (!slot) return;
      const request = this.#waiting.shift();
      if (!request) return;
      request.start = this.#now;
      request.lane = slot === 'cgi' ? `cgi${request.id}` : slot.lane.id;
      this.#span(this.#queueLane, request.id, 'queue', request.arrival, this.#now);
      if (slot === 'cgi') this.#runCgi(request);
      else this.#runPersistent(request, slot);
    }
  }

  #cgiSlot(): 'cgi' | undefined {
    return this.#cgiRunning < this.settings.processes ? 'cgi' : undefined;
  }

  /** The least busy process with a free thread (lowest number on ties), and its lowest free thread. */
  #freeThread(): Thread | undefined {
    let best: Worker | undefined;
    for (const worker of this.#workers) {
      const free = this.architecture.threads === 'unbounded' || worker.threads.some((t) => !t.busy);
      if (free && (!best || worker.busy < best.busy)) best = worker;
    }
    if (!best) return undefined;
    return best.threads.find((t) => !t.busy) ?? this.#addThread(best);
  }

  /** CGI (RFC 3875): a new process per request — fork+exec, start the interpreter, import the app, work. */
  #runCgi(request: RequestTiming): void {
    this.#cgiRunning++;
    const lane = this.#addLane(
      { id: `cgi${request.id}`, label: `${this.architecture.workerLabel[this.lang]} #${request.id}`, kind: 'process' },
      request.id * 1000,
    );
    const s = this.settings;
    const since = this.#now;
    // The whole start-up and the CPU part of the work run on one core; the rest of the work waits without one.
    this.#acquireCore((start) => {
      this.#span(lane, request.id, 'queue', since, start);
      let time = start;
      for (const phase of ['fork-exec', 'interpreter-start', 'app-import'] as const) {
        const cost = this.#phaseCost(phase);
        this.#span(lane, request.id, phase, time, time + cost);
        time += cost;
      }
      this.#span(lane, request.id, 'work', time, time + s.workMs);
      this.#at(time + (s.workMs * s.cpuPercent) / 100, () => this.#releaseCore());
      this.#at(time + s.workMs, () => {
        this.#cgiRunning--;
        request.end = this.#now;
        this.#dispatch();
      });
    });
  }

  #runPersistent(request: RequestTiming, thread: Thread): void {
    const worker = thread.worker;
    thread.busy = true;
    worker.busy++;
    const work = (from: number) => this.#work(request, thread, from);
    if (worker.imported) return work(this.#now);
    if (worker.importing) {
      const since = this.#now;
      worker.importWaiters.push((now) => {
        this.#span(thread.lane, request.id, 'queue', since, now);
        work(now);
      });
      return;
    }
    // The first request in this process imports the application, on a core; the others wait for it.
    worker.importing = true;
    const since = this.#now;
    this.#acquireCore((start) => {
      this.#span(thread.lane, request.id, 'queue', since, start);
      const done = start + this.settings.appImportMs;
      this.#span(thread.lane, request.id, 'app-import', start, done);
      this.#at(done, () => {
        this.#releaseCore();
        worker.imported = true;
        worker.importing = false;
        work(this.#now);
        for (const waiter of worker.importWaiters.splice(0)) waiter(this.#now);
      });
    });
  }

  /**
   * The request's work. Its CPU part needs a core; with a GIL it first waits until no other thread of the
   * process runs Python.
   */
  #work(request: RequestTiming, thread: Thread, from: number): void {
    const { settings: s, architecture: a } = this;
    const worker = thread.worker;
    const cpu = (s.workMs * s.cpuPercent) / 100;
    const finish = () => {
      thread.busy = false;
      worker.busy--;
      request.end = this.#now;
      this.#dispatch();
    };
    const runOnCore = (start: number) => {
      this.#span(thread.lane, request.id, 'queue', from, start);
      this.#span(thread.lane, request.id, 'work', start, start + s.workMs);
      if (cpu > 0) {
        this.#at(start + cpu, () => {
          this.#releaseCore();
          if (a.gil) this.#releaseGil(worker);
        });
      }
      this.#at(start + s.workMs, finish);
    };
    if (cpu === 0) return runOnCore(from);
    const takeCore = () => this.#acquireCore(runOnCore);
    if (!a.gil) return takeCore();
    if (!worker.gilHeld) {
      worker.gilHeld = true;
      takeCore();
    } else {
      worker.gilWaiters.push(takeCore);
    }
  }

  #releaseGil(worker: Worker): void {
    const next = worker.gilWaiters.shift();
    if (next) next(this.#now);
    else worker.gilHeld = false;
  }
}
