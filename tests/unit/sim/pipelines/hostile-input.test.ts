import { describe, expect, it } from 'vitest';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';

const en = traceWords('en');
const zh = traceWords('zh-cn');
import {
  MAX_PIPELINED_REQUESTS,
  MAX_REQUEST_BYTES,
  PIPELINE_IDS,
  RequestTooLargeError,
  runPipeline,
  UnknownNameError,
  WSGI_APPS,
  type WsgiAppId,
} from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { pipelineOrigins } from '../../../../src/sim/pipelines/config-origins.ts';

const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n';
const pipelined = (n: number) => fromLatin1(GET.repeat(n));
const INHERITED = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];

describe('pipelined requests', () => {
  it('each arrival hop carries its own request, and its summary and narration count its own bytes', () => {
    const trace = runPipeline('nginx-fastcgi-flup', pipelined(5));
    const arrivals = trace.hops.filter((hop) => hop.from === 'client');
    expect(arrivals).toHaveLength(5);
    for (const hop of arrivals) {
      expect(hop.http?.raw).toBe(GET);
      expect(en.message(hop.summary)).toContain(`(${GET.length} bytes)`);
      expect(en.message(hop.narration)).toContain(`${GET.length} bytes`);
      expect(zh.message(hop.narration)).toContain(`${GET.length} 字节`);
    }
    expect(trace.unfollowed).toBeUndefined();
  });

  it('grows linearly: the JSON of 2N requests is at most about twice that of N', () => {
    for (const id of ['nginx-fastcgi-flup', 'apache-modwsgi-embedded', 'lighttpd-cgi']) {
      const size = (n: number) => JSON.stringify(runPipeline(id, pipelined(n))).length;
      expect(size(40) / size(20)).toBeLessThanOrEqual(2.1);
      expect(size(2 * MAX_PIPELINED_REQUESTS) / size(MAX_PIPELINED_REQUESTS)).toBeLessThanOrEqual(1.01);
    }
  });

  it(`follows ${MAX_PIPELINED_REQUESTS} requests and says how many more it left out`, () => {
    expect(MAX_PIPELINED_REQUESTS).toBe(100);
    const bytes = pipelined(MAX_PIPELINED_REQUESTS + 37);
    const trace = runPipeline('nginx-fastcgi-flup', bytes);
    expect(trace.hops.filter((hop) => hop.from === 'client')).toHaveLength(MAX_PIPELINED_REQUESTS);
    const offset = MAX_PIPELINED_REQUESTS * GET.length;
    expect(trace.unfollowed).toEqual({ requests: 37, offset, bytes: bytes.length - offset });
    const note = trace.hops.at(-1)?.changes.at(-1);
    expect(note?.kind).toBe('dropped');
    expect(note?.message).toMatchObject({ id: 'change.unfollowed', values: { requests: 37 } });
    expect(en.message(note?.message ?? { id: 'change.unfollowed' })).toContain(
      `stops after ${MAX_PIPELINED_REQUESTS} pipelined requests: 37 more`,
    );
    expect(trace.response.raw.split('HTTP/1.1 200').length - 1).toBe(MAX_PIPELINED_REQUESTS);
    expect(trace.error).toBeNull();
  });

  it('traces exactly the limit without a note', () => {
    const trace = runPipeline('apache-cgi', fromLatin1(`${GET.repeat(MAX_PIPELINED_REQUESTS)}\r\n`));
    expect(trace.unfollowed).toBeUndefined();
    expect(trace.hops.filter((hop) => hop.from === 'client')).toHaveLength(MAX_PIPELINED_REQUESTS);
    expect(trace.hops.at(-2)?.changes.some((c) => c.kind === 'dropped')).toBe(false);
  });

  it('counts a malformed request after the limit as one more', () => {
    const trace = runPipeline('nginx-static', fromLatin1(`${GET.repeat(MAX_PIPELINED_REQUESTS + 2)}BROKEN\r\n\r\n`));
    expect(trace.unfollowed?.requests).toBe(3);
  });
});

describe('names that come from a caller', () => {
  it.each(INHERITED)('an unknown pipeline %j is an UnknownNameError listing the pipelines', (name) => {
    expect(() => runPipeline(name, pipelined(1))).toThrow(UnknownNameError);
    try {
      runPipeline(name, pipelined(1));
    } catch (error) {
      expect(error).toMatchObject({ kind: 'pipeline', given: name, known: PIPELINE_IDS });
    }
  });

  it.each(INHERITED)('an unknown app %j is an UnknownNameError listing the apps', (name) => {
    const run = () => runPipeline('wsgiref', pipelined(1), { app: name as WsgiAppId });
    expect(run).toThrow(UnknownNameError);
    expect(run).toThrow(/^Unknown app/);
    try {
      run();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'app', known: Object.keys(WSGI_APPS) });
    }
  });

  it.each(INHERITED)('config origins of %j are empty', (name) => {
    expect(pipelineOrigins(name)).toEqual([]);
  });
});

describe('request size', () => {
  it(`refuses a request over ${MAX_REQUEST_BYTES} bytes with a RequestTooLargeError`, () => {
    const bytes = new Uint8Array(MAX_REQUEST_BYTES + 1);
    expect(() => runPipeline('wsgiref', bytes)).toThrow(RequestTooLargeError);
    try {
      runPipeline('wsgiref', bytes);
    } catch (error) {
      expect(error).toMatchObject({ size: MAX_REQUEST_BYTES + 1, limit: MAX_REQUEST_BYTES });
    }
  });

  it('traces a request of exactly the limit', () => {
    const head = 'POST /app/ HTTP/1.1\r\nHost: example.test\r\nContent-Length: 00000000\r\n\r\n';
    const body = MAX_REQUEST_BYTES - head.length;
    const bytes = new Uint8Array(MAX_REQUEST_BYTES).fill(0x61);
    bytes.set(fromLatin1(head.replace('00000000', String(body).padStart(8, '0'))));
    const trace = runPipeline('nginx-static', bytes);
    expect(trace.hops[0]?.http?.raw.length).toBe(MAX_REQUEST_BYTES);
  });
});
