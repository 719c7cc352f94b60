import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS } from '../../../src/sim/index.ts';
import {
  ProcessModelError,
  STEADY_WARMUP,
  STEADY_WINDOW,
  defaultProcessModelSettings,
  relevantSettings,
  simulateProcessModel,
  simulateProcessViews,
  type ProcessModelResult,
} from '../../../src/sim/process-model/index.ts';

/** As many cores as there are CGI processes: nothing waits for a CPU. */
const ENOUGH_CORES = { cores: 256 } as const;

const queued = (r: ProcessModelResult) => r.requests.filter((q) => q.start > q.arrival).length;
const phasesOf = (r: ProcessModelResult, request: number) =>
  r.spans.filter((s) => s.request === request && s.lane !== 'queue').map((s) => s.phase);

describe('simulateProcessModel', () => {
  it('runs every pipeline of the manifest, and refuses a name that is none', () => {
    expect(PIPELINE_IDS.length).toBeGreaterThan(0);
    expect(() => simulateProcessModel({ pipeline: 'toString' })).toThrow(/Unknown pipeline "toString"/);
    for (const pipeline of PIPELINE_IDS) {
      const result = simulateProcessModel({ pipeline });
      expect(result.requests).toHaveLength(defaultProcessModelSettings(pipeline).requests);
      expect(Number.isFinite(result.throughputPerSecond)).toBe(true);
      for (const value of Object.values(result.latency)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('CGI: fork+exec, interpreter start, import and work for every request, in parallel given enough cores', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi', ...ENOUGH_CORES });
    expect(result.firstArrival).toBe(0);
    for (const request of result.requests) {
      expect(phasesOf(result, request.id)).toEqual(['fork-exec', 'interpreter-start', 'app-import', 'work']);
      expect(request.end - request.arrival).toBe(1 + 20 + 150 + 5);
    }
    // One process per request.
    expect(result.lanes.filter((l) => l.kind === 'process')).toHaveLength(result.requests.length);
  });

  it('CGI latency grows with the fork+exec cost', () => {
    const cheap = simulateProcessModel({ pipeline: 'apache-cgi', forkExecMs: 1, ...ENOUGH_CORES });
    const dear = simulateProcessModel({ pipeline: 'apache-cgi', forkExecMs: 40, ...ENOUGH_CORES });
    expect(dear.latency.mean - cheap.latency.mean).toBe(39);
    expect(dear.throughputPerSecond).toBeLessThan(cheap.throughputPerSecond);
  });

  it('CGI beyond the server limit waits for a free slot', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi', processes: 4, requests: 10 });
    expect(queued(result)).toBe(6);
    expect(result.latency.max).toBe(3 * 176);
  });

  it('a FastCGI pool of W workers with N > W requests queues exactly N − W', () => {
    for (const [workers, requests] of [
      [5, 20],
      [3, 4],
      [8, 8],
    ] as const) {
      const result = simulateProcessModel({ pipeline: 'nginx-fastcgi-php', processes: workers, requests });
      expect(queued(result)).toBe(Math.max(0, requests - workers));
    }
  });

  it('FastCGI workers start once, before the first request, and never again', () => {
    const result = simulateProcessModel({ pipeline: 'nginx-fastcgi-php' });
    const startup = result.spans.filter((s) => s.request === null && s.phase !== 'queue');
    const perWorker = Map.groupBy(startup, (s) => s.lane);
    expect(perWorker.size).toBe(5);
    for (const spans of perWorker.values())
      expect(spans.map((s) => s.phase)).toEqual(['fork-exec', 'interpreter-start']);
    expect(Math.max(...startup.map((s) => s.end))).toBe(result.firstArrival);
    expect(result.spans.filter((s) => s.request !== null && s.phase !== 'work' && s.phase !== 'queue')).toEqual([]);
  });

  it('mod_wsgi embedded: the first request in each Apache child imports the app, the others wait', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-embedded', cpuPercent: 0 });
    const imports = result.spans.filter((s) => s.phase === 'app-import');
    expect(imports).toHaveLength(2);
    expect(new Set(imports.map((s) => s.lane.replace(/t\d+$/, '')))).toEqual(new Set(['p1', 'p2']));
    expect(result.latency.max).toBe(150 + 5);
  });

  it('GIL: CPU-bound work in the threads of one process runs one after another', () => {
    const serial = simulateProcessModel({ pipeline: 'apache-modwsgi-daemon', appImportMs: 0, requests: 15 });
    expect(serial.end - serial.firstArrival).toBe(15 * 5);
    const io = simulateProcessModel({
      pipeline: 'apache-modwsgi-daemon',
      appImportMs: 0,
      requests: 15,
      cpuPercent: 0,
    });
    expect(io.end - io.firstArrival).toBe(5);
    const twoProcesses = simulateProcessModel({
      pipeline: 'apache-modwsgi-daemon',
      appImportMs: 0,
      requests: 15,
      processes: 2,
    });
    expect(twoProcesses.end - twoProcesses.firstArrival).toBe(8 * 5);
  });

  it('GIL: only the CPU share is serialised', () => {
    const result = simulateProcessModel({ pipeline: 'cherrypy', requests: 10, cpuPercent: 20, workMs: 10 });
    // Ten threads, 2 ms of CPU each one after another, then 8 ms of waiting in parallel.
    expect(result.end - result.firstArrival).toBe(10 * 2 + 8);
  });

  it('wsgiref serves one request at a time', () => {
    const result = simulateProcessModel({ pipeline: 'wsgiref', requests: 4 });
    expect(result.requests.map((r) => r.end - result.firstArrival)).toEqual([5, 10, 15, 20]);
  });

  it('requests arriving at a rate do not queue when the server keeps up', () => {
    const result = simulateProcessModel({ pipeline: 'wsgiref', requests: 5, arrivalIntervalMs: 10 });
    expect(queued(result)).toBe(0);
    expect(result.latency).toEqual({ mean: 5, p50: 5, p95: 5, max: 5 });
  });

  it('is deterministic', () => {
    for (const pipeline of PIPELINE_IDS) {
      const params = { pipeline, requests: 37, arrivalIntervalMs: 1.3, cpuPercent: 60 };
      expect(simulateProcessModel(params)).toEqual(simulateProcessModel(params));
    }
  });

  it('never puts two spans on one lane at the same time, except the queue', () => {
    for (const pipeline of PIPELINE_IDS) {
      const result = simulateProcessModel({ pipeline, requests: 40, cpuPercent: 50, arrivalIntervalMs: 0.7 });
      const byLane = Map.groupBy(
        result.spans.filter((s) => s.lane !== 'queue'),
        (s) => s.lane,
      );
      for (const spans of byLane.values()) {
        for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
      }
    }
  });

  it('labels lanes in Chinese when asked', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-daemon', lang: 'zh-cn' });
    expect(result.lanes.map((l) => l.label)).toContain('mod_wsgi 守护进程 · 线程 1');
  });

  it('offers only the settings a pipeline uses', () => {
    expect(relevantSettings('nginx-static')).toEqual([
      'requests',
      'arrivalIntervalMs',
      'workMs',
      'cores',
      'steadyRatePerSecond',
    ]);
    expect(relevantSettings('apache-cgi')).toContain('cpuPercent');
    expect(relevantSettings('nginx-fastcgi-php')).not.toContain('appImportMs');
    expect(relevantSettings('apache-modwsgi-daemon')).toContain('threads');
    expect(relevantSettings('nginx-fastcgi-flup')).not.toContain('threads');
    expect(defaultProcessModelSettings('apache-modwsgi-daemon')).toMatchObject({ processes: 1, threads: 15 });
  });

  it('CPU work waits for a free core: 20 CGI requests of 176 ms on 4 cores finish in five waves', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi' });
    expect(result.settings.cores).toBe(4);
    expect(result.requests.map((r) => r.end).sort((a, b) => a - b)).toEqual(
      [1, 2, 3, 4, 5].flatMap((wave) => Array<number>(4).fill(wave * 176)),
    );
    // The waiting is drawn on each CGI process's own lane, before its fork.
    expect(phasesOf(result, 20)).toEqual(['queue', 'fork-exec', 'interpreter-start', 'app-import', 'work']);
    // Work that is not CPU needs no core.
    const io = simulateProcessModel({ pipeline: 'nginx-fastcgi-php', processes: 8, cores: 1, cpuPercent: 0 });
    expect(io.end - io.firstArrival).toBe(15);
  });

  it('rejects invalid parameters with a clear error, never NaN', () => {
    const error = (params: Record<string, unknown>) => {
      try {
        simulateProcessModel({ pipeline: 'apache-cgi', ...params });
      } catch (e) {
        expect(e).toBeInstanceOf(ProcessModelError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(error({ forkExecMs: NaN })).toMatchInlineSnapshot(
      `"forkExecMs must be a number at least 0 and at most 10000, got NaN."`,
    );
    expect(error({ workMs: 0 })).toMatchInlineSnapshot(
      `"workMs must be a number greater than 0 and at most 60000, got 0."`,
    );
    expect(error({ requests: 2.5 })).toMatchInlineSnapshot(
      `"requests must be a whole number at least 1 and at most 100, got 2.5."`,
    );
    expect(error({ appImportMs: -1 })).toMatchInlineSnapshot(
      `"appImportMs must be a number at least 0 and at most 60000, got -1."`,
    );
    expect(error({ threads: '4' })).toMatchInlineSnapshot(
      `"threads must be a whole number at least 1 and at most 100, got "4"."`,
    );
    expect(() => simulateProcessModel({ pipeline: 'iis' })).toThrow(/^Unknown pipeline "iis"\. Known pipelines: /);
    expect(() => simulateProcessViews({ pipeline: 'apache-cgi', steadyRatePerSecond: 0 })).toThrow(ProcessModelError);
  });
});

describe('the steady state beside the cold start', () => {
  const PERSISTENT = ['apache-modwsgi-embedded', 'apache-modwsgi-daemon', 'nginx-fastcgi-flup', 'nginx-fastcgi-php'];

  it('measures requests 51–60 of a stream at the steady rate, after warm-up', () => {
    const { stream, steady } = simulateProcessViews({ pipeline: 'apache-modwsgi-daemon' });
    expect(stream.requests).toHaveLength(STEADY_WARMUP + STEADY_WINDOW);
    expect(stream.requests[1]!.arrival - stream.requests[0]!.arrival).toBe(20);
    expect(steady).toMatchObject({ first: 51, last: 60, from: stream.requests[50]!.arrival });
    // Warm: nobody in the window imports anything, and the server keeps up with 50 requests a second.
    expect(stream.spans.filter((s) => (s.request ?? 0) > 50 && s.phase !== 'work')).toEqual([]);
    expect(steady).toMatchObject({ throughputPerSecond: 50, cpuMsPerRequest: 5 });
    expect(steady.latency).toEqual({ mean: 5, p50: 5, p95: 5, max: 5 });
  });

  it('with the defaults, CGI costs more per request than mod_wsgi and FastCGI, in latency and in CPU time', () => {
    const cgi = simulateProcessViews({ pipeline: 'apache-cgi' });
    // CGI pays the whole start-up on every request, warm or not.
    expect(cgi.steady.cpuMsPerRequest).toBe(1 + 20 + 150 + 5);
    for (const pipeline of PERSISTENT) {
      const other = simulateProcessViews({ pipeline });
      expect(cgi.steady.latency.mean, pipeline).toBeGreaterThan(other.steady.latency.mean);
      expect(cgi.steady.latency.p50, pipeline).toBeGreaterThan(other.steady.latency.p95);
      expect(cgi.steady.cpuMsPerRequest, pipeline).toBeGreaterThan(other.steady.cpuMsPerRequest);
      expect(cgi.steady.throughputPerSecond, pipeline).toBeLessThan(other.steady.throughputPerSecond);
      // Not even the cold start, which persistent workers pay their import in, makes CGI look faster.
      expect(cgi.burst.throughputPerSecond, pipeline).toBeLessThan(other.burst.throughputPerSecond);
      expect(cgi.burst.latency.mean, pipeline).toBeGreaterThan(other.burst.latency.mean);
    }
  });

  it('CGI that keeps up with a light load still takes its start-up on every request', () => {
    const cgi = simulateProcessViews({ pipeline: 'apache-cgi', steadyRatePerSecond: 20 });
    expect(cgi.steady.throughputPerSecond).toBe(20);
    expect(cgi.steady.latency.max).toBe(176);
    const wsgi = simulateProcessViews({ pipeline: 'apache-modwsgi-daemon', steadyRatePerSecond: 20 });
    expect(wsgi.steady.latency.max).toBe(5);
  });

  it('is deterministic', () => {
    for (const pipeline of PIPELINE_IDS) {
      const params = { pipeline, steadyRatePerSecond: 37.5, cores: 3, cpuPercent: 70 };
      expect(simulateProcessViews(params)).toEqual(simulateProcessViews(params));
    }
  });
});
