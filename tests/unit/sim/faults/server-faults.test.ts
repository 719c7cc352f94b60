import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';
import { maskVolatile } from '../../../conformance/volatile.ts';
import type { FaultCapture } from '../../../conformance/run-fault.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const en = traceWords('en');
const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n';
const run = (pipeline: string, request: string, fault: string) =>
  runPipeline(pipeline, fromLatin1(request), { app: 'dump', cgiScript: 'dump', fault });
const logLines = (trace: ReturnType<typeof run>) => trace.hops.flatMap((hop) => hop.log ?? []).map((l) => l.line);
const failedHops = (trace: ReturnType<typeof run>) => trace.hops.filter((hop) => hop.failed);

/** The responses a trace holds, one per request it followed (pipelined requests share the trace). */
function responses(trace: ReturnType<typeof run>): string[] {
  return trace.hops.filter((hop) => hop.to === 'client' && hop.protocol === 'http').map((hop) => hop.http?.raw ?? '');
}

describe('a backend that refuses connections', () => {
  it('lighttpd disables it: the next request on the connection gets 503 without a connect() or a log line', () => {
    const trace = run('lighttpd-fastcgi-flup', GET + GET, 'backend-down');
    const [first, second] = failedHops(trace);
    expect(first?.failed?.id).toBe('fault.lighttpd.connectRefused');
    expect(first?.log?.map((l) => l.line)).toHaveLength(2);
    expect(second?.failed?.id).toBe('fault.lighttpd.backendDisabled');
    expect(second?.log ?? []).toEqual([]);
    // What the real lighttpd sent the suite's two requests (captured): the same 503 twice, the second unlogged.
    const capture = JSON.parse(
      readFileSync(`${root}tests/fixtures/captures/lighttpd-fastcgi-flup/faults/backend-down.json`, 'utf8'),
    ) as FaultCapture;
    expect(capture.exchanges[1]?.log).toEqual([]);
    expect(maskVolatile(responses(trace)[1] ?? '')).toBe(maskVolatile(capture.exchanges[1]?.response.raw ?? ''));
  });

  it('Apache keeps no memory of it: every request tries to connect again and logs AH00957', () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const trace = run('apache-fastcgi-flup', GET, 'backend-down');
      expect(logLines(trace).filter((line) => line.includes('AH00957'))).toHaveLength(1);
      expect(trace.response.raw).toMatch(/^HTTP\/1\.1 503 /);
    }
  });

  it('changes nothing for a static file the server answers itself', () => {
    const trace = run(
      'apache-fastcgi-flup',
      'GET /static/hello.txt HTTP/1.1\r\nHost: example.test\r\n\r\n',
      'backend-down',
    );
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(failedHops(trace)).toEqual([]);
    expect(trace.hops.at(-1)?.unaffected?.id).toBe('fault.unaffected');
  });
});

describe('a header line the next hop cannot parse', () => {
  it('fails where the server checks it and passes where it does not', () => {
    expect(run('apache-modwsgi-embedded', GET, 'bad-response').response.raw).toMatch(/^HTTP\/1\.1 500 /);
    expect(run('apache-fastcgi-flup', GET, 'bad-response').response.raw).toMatch(/^HTTP\/1\.1 500 /);
    for (const pipeline of ['wsgiref', 'werkzeug', 'cherrypy', 'lighttpd-fastcgi-flup']) {
      const { raw } = run(pipeline, GET, 'bad-response').response;
      expect(raw, pipeline).toContain('\r\nThis header: has a space in its name\r\n');
    }
    // lighttpd's mod_cgi drops a header line without a colon and answers with the rest.
    const cgi = run('lighttpd-cgi', GET, 'bad-response').response.raw;
    expect(cgi).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(cgi).not.toContain('This header has no colon');
  });
});

describe('where the traceback goes', () => {
  it('mod_cgid passes the script’s stderr into error.log; lighttpd leaves it on its own stderr', () => {
    const apache = run('apache-cgi', GET, 'app-exception').hops.flatMap((hop) => hop.log ?? []);
    expect(apache.map((l) => l.file)).toEqual(Array(5).fill('/srv/hop/log/error.log'));
    expect(apache.at(-1)?.line).toMatch(/End of script output before headers: dump_cgi\.py$/);
    const lighttpd = run('lighttpd-cgi', GET, 'app-exception').hops.flatMap((hop) => hop.log ?? []);
    expect(new Set(lighttpd.map((l) => l.file))).toEqual(new Set(['stderr']));
  });
});

describe('trace --fault on a pipeline that cannot have it', () => {
  it.each([
    ['wsgiref', 'app-timeout', 'has no request timeout'],
    ['apache-cgi', 'backend-down', 'mod_cgid starts the CGI script afresh for every request'],
    ['apache-modwsgi-embedded', 'backend-down', 'inside the Apache children themselves'],
    ['lighttpd-fastcgi-flup', 'app-timeout', 'sets no read-timeout'],
  ])('%s %s exits 2 with the reason', (pipeline, fault, reason) => {
    const { status, stdout, stderr } = spawnSync(
      process.execPath,
      ['scripts/trace.ts', '--request', '-', '--pipeline', pipeline, '--fault', fault],
      { cwd: root, input: GET, encoding: 'utf8' },
    );
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${pipeline} cannot have the fault ${fault}`);
    expect(stderr).toContain(reason);
  });

  it('says why in Chinese too', () => {
    const sentence = traceWords('zh-cn').message({ id: 'fault.python.noTimeout', values: { server: 'wsgiref' } });
    expect(sentence).toContain('wsgiref');
    expect(sentence).not.toBe(en.message({ id: 'fault.python.noTimeout', values: { server: 'wsgiref' } }));
  });
});
