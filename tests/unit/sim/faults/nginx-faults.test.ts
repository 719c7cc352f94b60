import { describe, expect, it } from 'vitest';
import { FAULT_IDS, runPipeline, type Trace } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const NGINX_PIPELINES = ['nginx-fastcgi-php', 'nginx-fastcgi-flup', 'nginx-uwsgi', 'nginx-gunicorn', 'nginx-uvicorn'];
const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n';
const run = (pipeline: string, request: string, fault: string): Trace =>
  runPipeline(pipeline, fromLatin1(request), { app: 'dump', fault });
const failedHops = (trace: Trace) => trace.hops.filter((hop) => hop.failed !== undefined);

describe.each(NGINX_PIPELINES)('%s under each fault', (pipeline) => {
  it.each([...FAULT_IDS])('%s: one hop fails, the trace names the fault, nothing is left unaffected', (fault) => {
    const trace = run(pipeline, GET, fault);
    expect(trace.fault?.id).toBe(fault);
    expect(failedHops(trace)).toHaveLength(1);
    expect(trace.hops.some((hop) => hop.unaffected)).toBe(false);
    // nginx writes one line (or one line per line of an application's stderr) to its error log in every case
    // but the ones where the application server answers with an error page of its own.
    const nginxLines = trace.hops.flatMap((hop) => hop.log ?? []).filter((line) => line.node === 'nginx');
    for (const line of nginxLines) expect(line.file).toBe('/srv/hop/log/error.log');
  });

  it('leaves a request for a static file alone, and says why', () => {
    const trace = run(pipeline, 'GET /static/hello.txt HTTP/1.1\r\nHost: example.test\r\n\r\n', 'backend-down');
    expect(failedHops(trace)).toHaveLength(0);
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(trace.hops.at(-1)?.unaffected?.id).toBe('fault.unaffected');
  });

  it('leaves a request nginx rejects alone', () => {
    const trace = run(pipeline, 'GET /app/%zz HTTP/1.1\r\nHost: example.test\r\n\r\n', 'app-timeout');
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(trace.hops.at(-1)?.unaffected).toBeDefined();
  });

  it('fails each pipelined request the same way', () => {
    const trace = run(pipeline, GET + GET, 'backend-down');
    expect(failedHops(trace)).toHaveLength(2);
    expect(trace.response.raw.match(/HTTP\/1\.1 502 Bad Gateway/g)).toHaveLength(2);
  });
});

describe("nginx's error-log line", () => {
  it('names the request line, the upstream with its URI, no host without Host, and the Referer (verified)', () => {
    const trace = run('nginx-uvicorn', 'GET /app/x?y=1 HTTP/1.0\r\nReferer: http://r.test/p\r\n\r\n', 'backend-down');
    expect(trace.hops.flatMap((hop) => hop.log ?? []).map((line) => line.line)).toEqual([
      '2024/01/01 00:00:00 [error] 1000#1000: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: _, request: "GET /app/x?y=1 HTTP/1.0", upstream: "http://127.0.0.1:9000/app/x?y=1", referrer: "http://r.test/p"',
    ]);
  });

  it('answers HEAD with the 502 header section and no body', () => {
    const trace = run('nginx-fastcgi-php', 'HEAD /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n', 'backend-down');
    expect(trace.response.raw).toMatch(/Content-Length: 157\r\nConnection: keep-alive\r\n\r\n$/);
  });

  it("cuts a FastCGI application's stderr at its trailing line end", () => {
    const trace = run('nginx-fastcgi-flup', GET, 'app-exception');
    const lines = trace.hops.flatMap((hop) => hop.log ?? []).map((line) => line.line);
    expect(lines.at(-1)).toMatch(/^RuntimeError: the application failed" while reading response header/);
  });
});

describe('the time limits', () => {
  it("Gunicorn's worker timeout ends a slow request before nginx's proxy_read_timeout: 502, not 504", () => {
    const trace = run('nginx-gunicorn', GET, 'app-timeout');
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 502 /);
    expect(failedHops(trace)[0]?.failed?.id).toBe('fault.gunicornWorkerTimeout');
  });
  it.each(['nginx-fastcgi-php', 'nginx-fastcgi-flup', 'nginx-uwsgi', 'nginx-uvicorn'])(
    '%s has no limit of its own: nginx gives up first, 504',
    (pipeline) => {
      const trace = run(pipeline, GET, 'app-timeout');
      expect(trace.response.raw).toMatch(/^HTTP\/1\.1 504 Gateway Time-out/);
      expect(failedHops(trace)[0]?.failed?.id).toBe('fault.readTimeout');
    },
  );
});
