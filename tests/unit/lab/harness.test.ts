import { describe, expect, it } from 'vitest';
import type { LabBoundary, LabEnvironEntry, LabRunResult } from '../../../src/lab/lab-protocol.ts';
import { LAB_OUTPUT_LIMIT_BYTES } from '../../../src/lab/lab-protocol.ts';
import {
  ADD_ENVIRON_KEY,
  ADD_HEADER,
  BROKEN,
  GENERATOR_APP,
  GENERATOR_CHECK,
  HELLO_WORLD,
  PIG_LATIN,
  PREFIX_FIX,
  STR_BODY,
} from './examples.ts';
import { labRequest, runHarness, SAMPLE_ENVIRON } from './run-harness.ts';
import { readFileSync } from 'node:fs';

type Ok = Extract<LabRunResult, { ok: true }>;
type Failed = Extract<LabRunResult, { ok: false }>;

function ok(result: LabRunResult): Ok {
  if (!result.ok) throw new Error(`expected a run, got ${JSON.stringify(result.error)}`);
  return result;
}

function failed(result: LabRunResult): Failed {
  if (result.ok) throw new Error('expected a failure');
  return result;
}

const text = (boundary: LabBoundary | undefined): string =>
  (boundary?.body ?? [])
    .map((item) => (item.kind === 'bytes' ? Buffer.from(item.base64, 'base64').toString('latin1') : `<${item.type}>`))
    .join('');

/** One body item as text (latin-1), or `<type>` for an item that is not bytes. */
const bodyText = (item: LabBoundary['body'][number]): string =>
  item.kind === 'bytes' ? Buffer.from(item.base64, 'base64').toString('latin1') : `<${item.type}>`;

const environValue = (boundary: LabBoundary | undefined, name: string) =>
  boundary?.environ.find(([key]) => key === name)?.[1];

describe('the lab harness under Debian’s Python', () => {
  it('runs PEP 3333’s hello world: one boundary, the status, headers and body the gateway got', () => {
    const result = ok(runHarness(labRequest(HELLO_WORLD)));
    expect(result.id).toBe(1);
    expect(result.boundaries).toHaveLength(1);
    const [gateway] = result.boundaries;
    expect(gateway?.startResponse).toEqual([
      {
        status: '200 OK',
        headers: [['Content-type', 'text/plain']],
        excInfo: false,
        afterItems: 0,
        whileIterating: false,
      },
    ]);
    expect(text(gateway)).toBe('Hello world!\n');
    expect(gateway).toMatchObject({ hasClose: false, sized: true, returnedType: 'list' });
    expect(result.exception).toBeUndefined();
    expect(result.validator).toEqual({ warnings: [] });
  });

  it('records every boundary of a stack: the environ key the outer middleware adds, the header the inner one adds', () => {
    const result = ok(runHarness(labRequest(HELLO_WORLD, [ADD_ENVIRON_KEY, ADD_HEADER])));
    expect(result.boundaries).toHaveLength(3);
    const [gateway, inner, app] = result.boundaries;
    expect(environValue(gateway, 'lab.seen_by')).toBeUndefined();
    expect(environValue(inner, 'lab.seen_by')).toEqual({ kind: 'str', value: 'outer' });
    expect(environValue(app, 'lab.seen_by')).toEqual({ kind: 'str', value: 'outer' });
    expect(app?.startResponse[0]?.headers).toEqual([['Content-type', 'text/plain']]);
    expect(inner?.startResponse[0]?.headers).toEqual([
      ['Content-type', 'text/plain'],
      ['X-Lab', 'inner'],
    ]);
    expect(gateway?.startResponse[0]?.headers).toEqual(inner?.startResponse[0]?.headers);
    // Environ values keep their Python types; the objects keep the gateway's repr.
    expect(environValue(app, 'wsgi.version')).toEqual({ kind: 'tuple', items: [1, 0] });
    expect(environValue(app, 'wsgi.multithread')).toEqual({ kind: 'bool', value: true });
    expect(environValue(app, 'wsgi.input')).toEqual({ kind: 'object', repr: '<_io.BufferedReader name=5>' });
  });

  it('moves the prefix from PATH_INFO to SCRIPT_NAME on the application’s side of the fixing middleware', () => {
    const result = ok(runHarness(labRequest(HELLO_WORLD, [PREFIX_FIX])));
    const [gateway, app] = result.boundaries;
    expect(environValue(gateway, 'PATH_INFO')).toEqual({ kind: 'str', value: '/hello' });
    expect(environValue(app, 'PATH_INFO')).toEqual({ kind: 'str', value: '' });
    expect(environValue(app, 'SCRIPT_NAME')).toEqual({ kind: 'str', value: '/hello' });
  });

  it('sees the Pig Latin middleware rewrite the body and keep the iterable’s close()', () => {
    const app = `def application(environ, start_response):
    body = b'hello world'
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
    return iter([body])
`;
    const result = ok(runHarness(labRequest(app, [PIG_LATIN])));
    const [gateway, inner] = result.boundaries;
    expect(text(inner)).toBe('hello world');
    expect(text(gateway)).toBe('ellohay orldway');
    expect(inner?.startResponse[0]?.headers).toContainEqual(['Content-Length', '11']);
    expect(gateway?.startResponse[0]?.headers).toEqual([['Content-Type', 'text/plain']]);
    expect(gateway).toMatchObject({ returnedType: 'LatinIter', sized: false, hasClose: false });
    expect(inner).toMatchObject({ returnedType: 'list_iterator', sized: false });
  });

  it('lets the broken application’s second start_response raise, as wsgiref does, with the traceback in app.py', () => {
    const result = ok(runHarness(labRequest(BROKEN)));
    expect(result.boundaries[0]?.startResponse.map((call) => call.headers[0]?.[1])).toEqual([
      'text/plain',
      'text/html',
    ]);
    expect(result.exception).toMatchObject({ type: 'AssertionError', message: 'Headers already set!', where: 'call' });
    expect(result.exception?.traceback).toContain('File "app.py", line 3, in application');
    expect(result.validator.assertion?.message).toBe('Headers already set!');
  });

  it('lets a gateway that replaces the first start_response take the second, then iterates the str body', () => {
    const rules = { startResponseAgain: 'replace', nonBytes: 'continue' } as const;
    const result = ok(runHarness(labRequest(BROKEN, [], { gateway: rules })));
    expect(result.exception).toBeUndefined();
    const [gateway] = result.boundaries;
    expect(gateway?.returnedType).toBe('str');
    expect(gateway?.body.slice(0, 2)).toEqual([
      { kind: 'other', type: 'str', repr: "'n'" },
      { kind: 'other', type: 'str', repr: "'o'" },
    ]);
    // A gateway that goes on past an item that is not bytes gets them all.
    expect(gateway?.body).toHaveLength('not bytes'.length);
  });

  it('stops iterating at the first item that is not bytes, as most gateways do, and still calls close()', () => {
    const app = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    try:
        yield b'first '
        yield 'second'
        environ['wsgi.errors'].write('never here\\n')
        yield b'third'
    finally:
        environ['wsgi.errors'].write('closed\\n')
`;
    const result = ok(runHarness(labRequest(app)));
    expect(result.boundaries[0]?.body).toEqual([
      { kind: 'bytes', base64: Buffer.from('first ').toString('base64') },
      { kind: 'other', type: 'str', repr: "'second'" },
    ]);
    expect(result.errors).toBe('closed\n');
    expect(result.exception).toBeUndefined();
  });

  it('says which start_response calls came while the gateway iterated, and what exc_info carried', () => {
    const app = `import sys
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    yield b'first'
    try:
        raise ValueError('late')
    except ValueError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
`;
    const result = ok(runHarness(labRequest(app)));
    const calls = result.boundaries[0]?.startResponse ?? [];
    expect(calls.map((call) => [call.afterItems, call.whileIterating, call.excInfo])).toEqual([
      [0, true, false],
      [1, true, true],
    ]);
    expect(calls[1]?.excInfoException).toEqual({ type: 'ValueError', message: 'late' });
    // The headers were out: PEP 3333 has start_response re-raise exc_info into the application.
    expect(result.exception).toMatchObject({ type: 'ValueError', message: 'late', where: 'iterate' });
  });

  it('reports a str body through the validator and hands it to the gateway unchanged', () => {
    const result = ok(runHarness(labRequest(STR_BODY)));
    expect(result.boundaries[0]).toMatchObject({ returnedType: 'str', sized: true });
    expect(result.boundaries[0]?.body).toEqual([{ kind: 'other', type: 'str', repr: "'h'" }]);
    expect(result.validator.assertion?.message).toContain('You should not return a string');
    expect(result.validator.assertion?.traceback).toContain('check_iterator');
  });

  it('locates a syntax error: the file and line', () => {
    const result = failed(runHarness(labRequest(HELLO_WORLD, ['def middleware(app):\n    return app\n\nx = (\n'])));
    expect(result.error).toMatchObject({ kind: 'syntax', file: 'middleware_0.py', line: 4 });
  });

  it('says which file lacks its callable', () => {
    expect(failed(runHarness(labRequest('app = None\n'))).error).toMatchObject({
      kind: 'missing',
      file: 'app.py',
      message: 'app.py does not define application',
    });
    expect(failed(runHarness(labRequest(HELLO_WORLD, ['def wrap(app):\n    return app\n']))).error).toMatchObject({
      kind: 'missing',
      file: 'middleware_0.py',
    });
  });

  it('records an exception raised in a middleware on the way in: the boundaries reached, where, the traceback', () => {
    const raising = `def middleware(app):
    def wrapped(environ, start_response):
        raise KeyError('HTTP_X_MISSING')
    return wrapped
`;
    const result = ok(runHarness(labRequest(HELLO_WORLD, [ADD_ENVIRON_KEY, raising])));
    expect(result.boundaries).toHaveLength(2);
    expect(result.exception).toMatchObject({ type: 'KeyError', message: "'HTTP_X_MISSING'", where: 'call' });
    expect(result.exception?.traceback).toMatch(/File "middleware_1.py", line 3, in wrapped\n {4}raise KeyError/);
    expect(result.exception?.traceback).not.toContain('harness');
  });

  it('iterates a generator until it raises, then still calls close()', () => {
    const app = `closed = []
def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    try:
        yield b'first '
        raise ValueError('half way')
    finally:
        environ['wsgi.errors'].write('closed\\n')
`;
    const result = ok(runHarness(labRequest(app)));
    expect(result.boundaries[0]).toMatchObject({ returnedType: 'generator', sized: false, hasClose: true });
    expect(text(result.boundaries[0])).toBe('first ');
    expect(result.exception).toMatchObject({ type: 'ValueError', where: 'iterate' });
    expect(result.errors).toBe('closed\n');
  });

  it('hands a list outward as it is, so a middleware’s isinstance() check sees a list; the gateway takes what it takes', () => {
    const checking = `def middleware(app):
    def wrapped(environ, start_response):
        result = app(environ, start_response)
        environ['wsgi.errors'].write('list: %s\\n' % isinstance(result, list))
        return result
    return wrapped
`;
    const app = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'one ', 'two', b'three']
`;
    const result = ok(runHarness(labRequest(app, [checking])));
    expect(result.errors).toBe('list: True\n');
    const [gateway, inner] = result.boundaries;
    // The application handed over all three; the gateway stopped at the str, as most gateways do.
    expect(inner?.body).toHaveLength(3);
    expect(gateway?.body.map((item) => item.kind)).toEqual(['bytes', 'other']);
    expect(gateway).toMatchObject({ returnedType: 'list', sized: true, hasClose: false });
  });

  it('records sys.exit() like any exception, instead of stopping the harness', () => {
    const app = `import sys
def application(environ, start_response):
    sys.exit(3)
`;
    const result = ok(runHarness(labRequest(app)));
    expect(result.exception).toMatchObject({ type: 'SystemExit', message: '3', where: 'call' });
  });

  it('records an exception raised by close()', () => {
    const app = `class Body(list):
    def close(self):
        raise RuntimeError('close failed')

def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return Body([b'ok'])
`;
    const result = ok(runHarness(labRequest(app)));
    expect(result.boundaries[0]).toMatchObject({ returnedType: 'Body', hasClose: true, sized: true });
    expect(result.exception).toMatchObject({ type: 'RuntimeError', message: 'close failed', where: 'close' });
  });

  it('reads the request body from wsgi.input, and keeps stdout and wsgi.errors apart', () => {
    const app = `def application(environ, start_response):
    n = int(environ.get('CONTENT_LENGTH') or 0)
    data = environ['wsgi.input'].read(n)
    print('got', len(data))
    environ['wsgi.errors'].write('logged\\n')
    start_response('200 OK', [('Content-Type', 'application/octet-stream')])
    return [data[::-1]]
`;
    const environ = SAMPLE_ENVIRON.map(([name, value]): LabEnvironEntry =>
      name === 'CONTENT_LENGTH' ? [name, { kind: 'str', value: '3' }] : [name, value],
    );
    const result = ok(runHarness(labRequest(app, [], { environ, input: new TextEncoder().encode('abc') })));
    expect(text(result.boundaries[0])).toBe('cba');
    expect(result.stdout).toBe('got 3\n');
    expect(result.errors).toBe('logged\n');
    expect(result.validator.warnings).toEqual([]);
  });

  it('hands an outer layer the inner layer’s generator itself, and records what each yields', () => {
    const result = ok(runHarness(labRequest(GENERATOR_APP, [GENERATOR_CHECK])));
    expect(result.boundaries.map((boundary) => boundary.returnedType)).toEqual(['generator', 'generator']);
    expect(result.boundaries.map((boundary) => boundary.body.map(bodyText).join('|'))).toEqual([
      'generator:|A|BC',
      'a|bc',
    ]);
    expect(result.exception).toBeUndefined();
  });

  it('records a generator’s items only as far as the outer layer took them', () => {
    const takesOne = `def middleware(app):
    def wrapped(environ, start_response):
        result = app(environ, start_response)
        first = next(iter(result))
        result.close()
        return [first]
    return wrapped
`;
    const result = ok(runHarness(labRequest(GENERATOR_APP, [takesOne])));
    expect(result.boundaries.map((boundary) => boundary.body.map(bodyText).join('|'))).toEqual(['a', 'a']);
  });

  it('stops a run whose body passes the output limit', () => {
    const app = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    while True:
        yield b'x' * 65536
`;
    const result = failed(runHarness(labRequest(app)));
    expect(result.error.kind).toBe('too-large');
    expect(result.error.message).toContain(String(LAB_OUTPUT_LIMIT_BYTES));
  });

  it('keeps module state apart between the gateway’s run and the validator’s', () => {
    const app = `calls = []
def application(environ, start_response):
    calls.append(1)
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [str(len(calls)).encode()]
`;
    const result = ok(runHarness(labRequest(app)));
    expect(text(result.boundaries[0])).toBe('1');
  });

  it('records what write() sends as body items, and serves wsgi.file_wrapper as a stand-in that keeps the repr', () => {
    const app = `import io
def application(environ, start_response):
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'written ')
    wrapper = environ['wsgi.file_wrapper']
    environ['wsgi.errors'].write(repr(wrapper) + '\\n')
    return wrapper(io.BytesIO(b'abcdef'), 4)
`;
    const result = ok(runHarness(labRequest(app)));
    expect(text(result.boundaries[0])).toBe('written abcdef');
    expect(result.boundaries[0]?.body).toHaveLength(3);
    expect(result.boundaries[0]).toMatchObject({ returnedType: 'FileWrapper', hasClose: true, sized: false });
    expect(result.errors).toBe("<class 'wsgiref.util.FileWrapper'>\n");
  });

  it('uses the same output limit as the protocol', () => {
    const source = readFileSync(new URL('../../../src/lab/harness.py', import.meta.url), 'utf8');
    expect(source).toContain(
      `OUTPUT_LIMIT_BYTES = ${LAB_OUTPUT_LIMIT_BYTES.toLocaleString('en').replaceAll(',', '_')}`,
    );
  });
});
