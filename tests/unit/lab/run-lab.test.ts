import { describe, expect, it } from 'vitest';
import type { LabRunResult } from '../../../src/lab/lab-protocol.ts';
import type { Hop, MiddlewareHop } from '../../../src/sim/trace.ts';
import { labEnviron } from '../../../src/sim/lab/lab-environ.ts';
import { runLab, stackName } from '../../../src/sim/lab/run-lab.ts';
import { LabPipelineError } from '../../../src/sim/lab/lab-pipeline-error.ts';
import { LAB_PIPELINE_IDS } from '../../../src/sim/lab/lab-parts.ts';
import { labPipeline } from '../../../src/sim/lab/lab-nodes.ts';
import { chartLayout } from '../../../src/render/pipeline-chart.ts';
import { PIPELINES, runPipeline } from '../../../src/sim/index.ts';
import { ADD_ENVIRON_KEY, ADD_HEADER, HELLO_WORLD, PIG_LATIN, PREFIX_FIX } from './examples.ts';
import { labRequest, runHarness } from './run-harness.ts';
import { BASE_HANDLER_RULES } from '../../../src/sim/servers/python/base-handler.ts';
import { WERKZEUG_RULES } from '../../../src/sim/servers/python/werkzeug-run-wsgi.ts';
import { CHEROOT_RULES } from '../../../src/sim/servers/python/cheroot-gateway.ts';
import { GUNICORN_RULES } from '../../../src/sim/servers/gunicorn/gunicorn-handle.ts';
import { FLUP_RULES } from '../../../src/sim/servers/python/flup-handler.ts';
import { UWSGI_RULES } from '../../../src/sim/servers/uwsgi/uwsgi-wsgi.ts';
import { MOD_WSGI_RULES } from '../../../src/sim/servers/apache/mod-wsgi-adapter.ts';
import { MOD_PYTHON_RULES } from '../../../src/sim/servers/apache/mod-python-handler.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const GET = encode('GET /app/hello?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n');
const POST = encode('POST /app/form HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7\r\n\r\nname=ab');

/** The reader's code run for real (Debian's Python) on the environ the pipeline's gateway builds, then replayed. */
function lab(pipeline: string, request: Uint8Array, app: string, middleware: string[] = []) {
  const environ = labEnviron(pipeline, request);
  if (!environ.reached) throw new Error(`${pipeline}: the request does not reach the application`);
  const result = runHarness(
    labRequest(app, middleware, { environ: environ.environ, input: environ.input, gateway: environ.gateway }),
  );
  return { environ, result, trace: runLab(pipeline, request, result) };
}

const middlewareHops = (hops: readonly Hop[]): MiddlewareHop[] =>
  hops.filter((hop): hop is MiddlewareHop => hop.protocol === 'middleware');

describe('labEnviron', () => {
  it('hands over the gateway’s environ with Python types, the body wsgi.input yields and the gateway’s rules', () => {
    const environ = labEnviron('nginx-gunicorn', POST);
    if (!environ.reached) throw new Error('not reached');
    const value = (name: string) => environ.environ.find(([key]) => key === name)?.[1];
    expect(value('REQUEST_METHOD')).toEqual({ kind: 'str', value: 'POST' });
    expect(value('wsgi.version')).toEqual({ kind: 'tuple', items: [1, 0] });
    expect(value('wsgi.multithread')).toEqual({ kind: 'bool', value: false });
    expect(value('wsgi.input')?.kind).toBe('object');
    expect(new TextDecoder().decode(environ.input)).toBe('name=ab');
    expect(environ.gateway.startResponseAgain).toEqual({
      type: 'AssertionError',
      message: 'Response headers already set!',
    });
  });

  it('differs from pipeline to pipeline as the gateways do', () => {
    const keys = (pipeline: string) => {
      const environ = labEnviron(pipeline, GET);
      return environ.reached ? environ.environ.map(([name]) => name) : [];
    };
    expect(keys('apache-modwsgi-embedded')).toContain('mod_wsgi.process_group');
    expect(keys('nginx-uwsgi')).toContain('uwsgi.version');
    expect(keys('nginx-uwsgi')).not.toContain('mod_wsgi.process_group');
    const uwsgi = labEnviron('nginx-uwsgi', GET);
    expect(uwsgi.reached && uwsgi.gateway.startResponseAgain).toBe('replace');
  });

  it('gives each pipeline the rules its gateway model exports, every lab pipeline having one', () => {
    const rules = (pipeline: string) => {
      const environ = labEnviron(pipeline, GET);
      if (!environ.reached) throw new Error(`${pipeline}: not reached`);
      return environ.gateway;
    };
    const expected = new Map([
      ['wsgiref', BASE_HANDLER_RULES],
      ['apache-cgi', BASE_HANDLER_RULES],
      ['lighttpd-cgi', BASE_HANDLER_RULES],
      ['werkzeug', WERKZEUG_RULES],
      ['cherrypy', CHEROOT_RULES],
      ['nginx-gunicorn', GUNICORN_RULES],
      ['apache-fastcgi-flup', FLUP_RULES],
      ['lighttpd-fastcgi-flup', FLUP_RULES],
      ['nginx-fastcgi-flup', FLUP_RULES],
      ['nginx-uwsgi', UWSGI_RULES],
      ['apache-modwsgi-embedded', MOD_WSGI_RULES],
      ['apache-modwsgi-daemon', MOD_WSGI_RULES],
      ['apache-mod-python', MOD_PYTHON_RULES],
    ]);
    expect([...expected.keys()].sort()).toEqual([...LAB_PIPELINE_IDS].sort());
    for (const [pipeline, own] of expected) expect(rules(pipeline), pipeline).toBe(own);
    expect(rules('cherrypy').startResponseAgain).toEqual({
      type: 'RuntimeError',
      message: 'WSGI start_response called a second time with no exc_info.',
    });
  });

  it('returns the trace of why a request never reaches the application', () => {
    // http.server's _MAXHEADERS: the 101st field line is refused with 431 before the application is called.
    const fields = Array.from({ length: 101 }, (_, i) => `X-F${i}: 1\r\n`).join('');
    const refused = labEnviron('wsgiref', encode(`GET /app/ HTTP/1.1\r\nHost: a\r\n${fields}\r\n`));
    expect(refused.reached).toBe(false);
    if (refused.reached) return;
    expect(refused.trace.response.raw).toMatch(/^HTTP\/1\.[01] 431 /);
    expect(refused.trace.hops.some((hop) => hop.to === 'app')).toBe(false);
  });

  it('refuses a pipeline without a WSGI application, and an unknown one, naming the lab’s pipelines', () => {
    expect(() => labEnviron('nginx-static', GET)).toThrow(LabPipelineError);
    expect(() => labEnviron('nginx-static', GET)).toThrow(/"nginx-static" ends in no WSGI application.*wsgiref/);
    expect(() => labEnviron('toString', GET)).toThrow(/Unknown pipeline "toString"/);
    expect(LAB_PIPELINE_IDS).toEqual(Object.values(PIPELINES).flatMap((p) => (p.selectableApp ? [p.id] : [])));
  });
});

describe('runLab', () => {
  it('puts the reader’s application in the pipeline: same hops as the pipeline’s own run, the code’s answer', () => {
    const { trace } = lab('nginx-uwsgi', GET, HELLO_WORLD);
    const plain = runPipeline('nginx-uwsgi', GET);
    expect(trace.hops.map((hop) => `${hop.from}>${hop.to}:${hop.protocol}`)).toEqual(
      plain.hops.map((hop) => `${hop.from}>${hop.to}:${hop.protocol}`),
    );
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(trace.response.raw).toContain('Hello world!\n');
    const answer = trace.hops.find((hop) => hop.protocol === 'wsgi' && hop.direction === 'response');
    expect(answer?.provenance).toEqual({ kind: 'ran', subject: 'app:application' });
  });

  it('adds a hop per middleware layer each way, with what each changed', () => {
    const request = encode('GET /hello/world HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const { trace } = lab('wsgiref', request, HELLO_WORLD, [ADD_ENVIRON_KEY, PREFIX_FIX, ADD_HEADER]);
    const path = trace.hops.map((hop) => `${hop.from}>${hop.to}`);
    expect(path).toEqual([
      'client>wsgiref',
      'wsgiref>middleware-0',
      'middleware-0>middleware-1',
      'middleware-1>middleware-2',
      'middleware-2>app',
      'app>middleware-2',
      'middleware-2>middleware-1',
      'middleware-1>middleware-0',
      'middleware-0>wsgiref',
      'wsgiref>client',
    ]);
    const [outerIn, prefixIn, headerIn, headerOut, prefixOut, outerOut] = middlewareHops(trace.hops);
    expect(outerIn?.middleware.diff).toEqual([
      { part: 'environ', change: 'added', name: 'lab.seen_by', after: 'outer' },
    ]);
    expect(prefixIn?.middleware.diff).toEqual([
      { part: 'environ', change: 'changed', name: 'SCRIPT_NAME', before: '', after: '/hello' },
      { part: 'environ', change: 'changed', name: 'PATH_INFO', before: '/hello/world', after: '/world' },
    ]);
    // The narration names the next layer and the application by their files, the gateway by its node.
    expect(outerIn?.narration.values).toMatchObject({ layer: 'middleware_0.py', to: 'middleware_1.py' });
    expect(headerIn?.narration.values).toMatchObject({ to: 'app.py' });
    expect(outerOut?.narration.values).toMatchObject({ to: 'wsgiref' });
    expect(headerIn?.middleware.diff).toEqual([]);
    expect(headerIn?.narration.id).toBe('narration.middlewareInSame');
    expect(headerOut?.middleware.diff).toEqual([{ part: 'header', change: 'added', name: 'X-Lab', after: 'inner' }]);
    expect(headerOut?.changes.map((change) => change.kind)).toEqual(['added']);
    expect(prefixOut?.middleware.diff).toEqual([]);
    expect(outerOut?.middleware.response?.headers).toContainEqual(['X-Lab', 'inner']);
    expect(outerOut?.provenance).toEqual({ kind: 'ran', subject: 'middleware_0.py' });
    expect(trace.response.raw).toContain('X-Lab: inner\r\n');
    // The gateway's environ hop is the pipeline's own (its changes, its provenance), now into the outer layer.
    const call = trace.hops[1];
    expect(call?.protocol).toBe('wsgi');
    expect(call?.provenance.kind).toBe('verified');
  });

  it('shows a rewriting middleware’s body and header changes, and the client gets the rewritten body', () => {
    const app = `def application(environ, start_response):
    body = b'hello world'
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
    return [body]
`;
    const { trace } = lab('nginx-gunicorn', GET, app, [PIG_LATIN]);
    const [, out] = middlewareHops(trace.hops);
    expect(out?.direction).toBe('response');
    expect(out?.middleware.diff).toEqual([
      { part: 'header', change: 'removed', name: 'Content-Length', before: '11' },
      { part: 'body', change: 'changed', name: '', before: 'hello world', after: 'ellohay orldway' },
    ]);
    expect(trace.response.raw).toContain('ellohay orldway');
  });

  it('stops the inward hops where a middleware raised, and reports the exception on the hop back', () => {
    const raising = `def middleware(app):
    def wrapped(environ, start_response):
        raise KeyError('HTTP_X_MISSING')
    return wrapped
`;
    const { trace, result } = lab('wsgiref', GET, HELLO_WORLD, [ADD_ENVIRON_KEY, raising]);
    expect(result.ok && result.boundaries).toHaveLength(2);
    expect(trace.hops.some((hop) => hop.to === 'app' || hop.from === 'app')).toBe(false);
    const back = middlewareHops(trace.hops).filter((hop) => hop.direction === 'response');
    expect(back.map((hop) => `${hop.from}>${hop.to}`)).toEqual(['middleware-1>middleware-0', 'middleware-0>wsgiref']);
    expect(back.at(-1)?.changes.at(-1)?.message).toEqual({
      id: 'change.labRaisedCall',
      values: { type: 'KeyError', message: "'HTTP_X_MISSING'" },
    });
  });

  it('keeps the gateway’s call and answer when the code fails before it can be called (on import, building the stack)', () => {
    const building = 'def middleware(app):\n    raise RuntimeError("no config")\n';
    for (const [app, middleware] of [
      ['import missing_module\n', []],
      [HELLO_WORLD, [ADD_ENVIRON_KEY, building]],
    ] as const) {
      const { trace, result } = lab('wsgiref', GET, app, [...middleware]);
      expect(result.ok && result.boundaries).toEqual([]);
      expect(middlewareHops(trace.hops)).toEqual([]);
      const answer = trace.hops.find((hop) => hop.protocol === 'wsgi' && hop.direction === 'response');
      expect(answer?.changes.at(-1)?.message.id).toBe('change.labRaisedCall');
    }
  });

  it('names the stack as the gateway calls it, and refuses a run that did not run', () => {
    expect(stackName({ app: 'app.py', middleware: ['outer.py', 'inner.py'] })).toBe(
      'outer:middleware(inner:middleware(app:application))',
    );
    const failed: LabRunResult = { type: 'result', id: 1, ok: false, error: { kind: 'timeout', message: 'x' } };
    expect(() => runLab('wsgiref', GET, failed)).toThrow(/did not run \(timeout/);
    expect(() => runLab('apache-static', GET, failed)).toThrow(LabPipelineError);
  });
});

describe('labPipeline', () => {
  it('draws the layers between the gateway and the application, joined by WSGI', () => {
    const pipeline = PIPELINES['apache-modwsgi-daemon'];
    if (!pipeline) throw new Error('no pipeline');
    const drawn = labPipeline(pipeline, ['outer.py', 'inner.py']);
    const layout = chartLayout(drawn);
    expect(layout.stages.map((stage) => stage.node.id).slice(-3)).toEqual(['middleware-0', 'middleware-1', 'app']);
    expect(layout.edges.slice(-3).map((edge) => `${edge.from}>${edge.to}:${edge.protocol}`)).toEqual([
      'mod_wsgi-daemon>middleware-0:wsgi',
      'middleware-0>middleware-1:wsgi',
      'middleware-1>app:wsgi',
    ]);
    expect(drawn.nodes.find((node) => node.id === 'middleware-1')).toMatchObject({ label: 'inner.py' });
    expect(labPipeline(pipeline, [])).toBe(pipeline);
  });
});
