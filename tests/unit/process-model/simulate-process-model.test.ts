import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS } from '../../../src/sim/index.ts';
import {
  ARCHITECTURES,
  ProcessModelError,
  defaultProcessModelSettings,
  relevantSettings,
  simulateProcessModel,
  type ProcessModelResult,
} from '../../../src/sim/process-model/index.ts';

const queued = (r: ProcessModelResult) => r.requests.filter((q) => q.start > q.arrival).length;
const phasesOf = (r: ProcessModelResult, request: number) =>
  r.spans.filter((s) => s.request === request && s.lane !== 'queue').map((s) => s.phase);

describe('simulateProcessModel', () => {
  it('maps every pipeline id to an architecture', () => {
    expect(Object.keys(ARCHITECTURES).sort()).toEqual([...PIPELINE_IDS].sort());
    for (const pipeline of PIPELINE_IDS) {
      const result = simulateProcessModel({ pipeline });
      expect(result.requests).toHaveLength(20);
      expect(Number.isFinite(result.throughputPerSecond)).toBe(true);
      for (const value of Object.values(result.latency)) expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('CGI: fork+exec, interpreter start, import and work for every request, in parallel', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi' });
    expect(result.firstArrival).toBe(0);
    for (const request of result.requests) {
      expect(phasesOf(result, request.id)).toEqual(['fork-exec', 'interpreter-start', 'app-import', 'work']);
      expect(request.end - request.arrival).toBe(1 + 20 + 150 + 5);
    }
    expect(result.lanes.filter((l) => l.kind === 'process')).toHaveLength(20);
  });

  it('CGI latency grows with the fork+exec cost', () => {
    const cheap = simulateProcessModel({ pipeline: 'apache-cgi', forkExecMs: 1 });
    const dear = simulateProcessModel({ pipeline: 'apache-cgi', forkExecMs: 40 });
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
    const startup = result.spans.filter((s) => s.request === null);
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
    expect(relevantSettings('nginx-static')).toEqual(['requests', 'arrivalIntervalMs', 'workMs']);
    expect(relevantSettings('nginx-fastcgi-php')).not.toContain('appImportMs');
    expect(relevantSettings('apache-modwsgi-daemon')).toContain('threads');
    expect(relevantSettings('nginx-fastcgi-flup')).not.toContain('threads');
    expect(defaultProcessModelSettings('apache-modwsgi-daemon')).toMatchObject({ processes: 1, threads: 15 });
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
  });
});
