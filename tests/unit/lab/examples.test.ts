import { describe, expect, it } from 'vitest';
import { LAB_EXAMPLE_IDS, LAB_EXAMPLES, labExample } from '../../../src/lab/examples/index.ts';
import type { LabRunResult } from '../../../src/lab/lab-protocol.ts';
import { PIPELINES } from '../../../src/sim/index.ts';
import { findPreset } from '../../../src/player/presets.ts';
import { runHarness, SAMPLE_ENVIRON } from './run-harness.ts';
import { labEnviron } from '../../../src/sim/lab/lab-environ.ts';
import { runLab } from '../../../src/sim/lab/run-lab.ts';
import { bytesToBase64 } from '../../../src/sim/lab/base64.ts';

type Ran = Extract<LabRunResult, { ok: true }>;

/** Runs an example through the lab's harness under Debian's CPython, with PATH_INFO /app/x. */
function run(id: string, change?: (source: string) => string): Ran {
  const example = labExample(id);
  if (!example) throw new Error(id);
  const environ = SAMPLE_ENVIRON.map(([name, value]) =>
    name === 'PATH_INFO' ? ([name, { kind: 'str', value: '/app/x' }] as const) : ([name, value] as const),
  );
  const result = runHarness({
    type: 'run',
    id: 1,
    app: { ...example.app, source: change ? change(example.app.source) : example.app.source },
    middleware: example.middleware,
    environ: environ.map(([name, value]) => [name, value]),
    input: '',
  });
  if (!result.ok) throw new Error(`${id}: ${result.error.kind} ${result.error.message}`);
  return result;
}

/** What the gateway got from the outermost layer: its last status and headers, and the body. */
function outside(result: Ran) {
  const boundary = result.boundaries[0];
  const last = boundary?.startResponse.at(-1);
  const body = (boundary?.body ?? [])
    .map((item) => (item.kind === 'bytes' ? Buffer.from(item.base64, 'base64').toString('utf8') : ''))
    .join('');
  return { status: last?.status, headers: last?.headers, body };
}

describe('the lab examples', () => {
  it('are the five examples, once each, with known pipelines (that take an application) and presets', () => {
    expect(LAB_EXAMPLES.map((e) => e.id)).toEqual([...LAB_EXAMPLE_IDS]);
    for (const example of LAB_EXAMPLES) {
      expect(PIPELINES[example.pipeline]?.selectableApp, example.id).toBe(true);
      expect(findPreset(example.request), example.id).toBeDefined();
      for (const source of [example.app, ...example.middleware]) expect(source.name).toMatch(/^[a-z_]+\.py$/);
    }
    expect(labExample('toString')).toBeUndefined();
  });

  it('hello world passes the validator', () => {
    const result = run('hello');
    expect(result.validator).toEqual({ warnings: [] });
    expect(outside(result)).toMatchObject({ status: '200 OK', body: 'Hello world!\n' });
  });

  it('the middleware stack adds its environ keys going in and its headers coming out, outer layer last', () => {
    const result = run('middleware-stack');
    expect(result.validator).toEqual({ warnings: [] });
    const keys = (k: number) => new Set(result.boundaries[k]?.environ.map(([name]) => name));
    expect(keys(1).has('app.started') && !keys(1).has('app.request_id')).toBe(true);
    expect(keys(2).has('app.request_id')).toBe(true);
    const out = outside(result);
    expect(out.body).toMatch(/^request id: req-000001\nstarted: \w{3}, /);
    expect(out.headers?.map(([name]) => name)).toEqual(['Content-Type', 'Content-Length', 'X-Request-Id', 'X-Elapsed']);
  });

  it('the prefix fix moves /app from PATH_INFO to SCRIPT_NAME', () => {
    const result = run('prefix-fix');
    expect(result.validator).toEqual({ warnings: [] });
    expect(outside(result).body).toContain("SCRIPT_NAME: '/app'\nPATH_INFO: '/x'\n");
  });

  it('the Pig Latin middleware rewrites the body and drops Content-Length', () => {
    const result = run('pig-latin');
    expect(result.validator).toEqual({ warnings: [] });
    expect(outside(result)).toMatchObject({
      body: 'ellohay orldway omfray ethay applicationway\n',
      headers: [['Content-Type', 'text/plain']],
    });
  });

  it('the broken application: the check catches the str body, and wsgiref’s handler the second start_response', () => {
    expect(run('broken').validator.assertion?.message).toMatch(/You should not return a string/);
    const twice = run('broken', (s) => s.replace('MISTAKE = "str"', 'MISTAKE = "twice"'));
    expect(twice.validator.assertion?.message).toBe('Headers already set!');
  });

  it('each runs as the page first shows it: on its own pipeline and request, through the gateway and back', () => {
    for (const example of LAB_EXAMPLES) {
      const bytes = new TextEncoder().encode(findPreset(example.request)?.raw ?? '');
      const environ = labEnviron(example.pipeline, bytes);
      if (!environ.reached) throw new Error(`${example.id}: the request does not reach the application`);
      const result = runHarness({
        type: 'run',
        id: 1,
        app: example.app,
        middleware: example.middleware,
        environ: environ.environ,
        input: bytesToBase64(environ.input),
        gateway: environ.gateway,
      });
      if (!result.ok) throw new Error(`${example.id}: ${result.error.message}`);
      // Only the broken example trips the check; the others pass it on the pipeline they open with.
      expect(result.validator.assertion === undefined, example.id).toBe(example.id !== 'broken');
      const trace = runLab(example.pipeline, bytes, result);
      const middlewareHops = trace.hops.filter((hop) => hop.protocol === 'middleware');
      expect(middlewareHops, example.id).toHaveLength(example.middleware.length * 2);
    }
  });
});
