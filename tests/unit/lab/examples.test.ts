import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LAB_EXAMPLE_IDS, LAB_EXAMPLES, labExample } from '../../../src/lab/examples/index.ts';
import { PIPELINES } from '../../../src/sim/index.ts';
import { findPreset } from '../../../src/player/presets.ts';

/**
 * Runs an example under Debian's CPython with `wsgiref.validate` around the stack and a test environ: the sources
 * are loaded as modules the way the lab names them, middleware wrapped outermost first.
 */
const DRIVER = String.raw`
import json, sys, types, io, warnings
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator
spec = json.load(sys.stdin)
def load(src):
    module = types.ModuleType(src["name"][:-3])
    exec(compile(src["source"], src["name"], "exec"), module.__dict__)
    return module
app = load(spec["app"]).application
for src in reversed(spec["middleware"]):
    app = load(src).middleware(app)
environ = {"PATH_INFO": "/app/x", "SCRIPT_NAME": ""}
setup_testing_defaults(environ)
out = {"status": None, "headers": None, "body": "", "error": None}
def start_response(status, headers, exc_info=None):
    out["status"], out["headers"] = status, headers
    return lambda data: None
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        result = validator(app)(environ, start_response)
        try:
            out["body"] = b"".join(result).decode("utf-8")
        finally:
            result.close()
    except AssertionError as error:
        out["error"] = str(error)
out["warnings"] = [str(w.message) for w in caught]
print(json.dumps(out))
`;

function run(id: string, change?: (source: string) => string) {
  const example = labExample(id);
  if (!example) throw new Error(id);
  const app = { ...example.app, source: change ? change(example.app.source) : example.app.source };
  const input = JSON.stringify({ app, middleware: example.middleware });
  const out = execFileSync('/usr/bin/python3', ['-c', DRIVER], { input, encoding: 'utf8' });
  return JSON.parse(out) as { status: string; headers: [string, string][]; body: string; error: string | null };
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
    expect(run('hello')).toMatchObject({ status: '200 OK', body: 'Hello world!\n', error: null });
  });

  it('the middleware stack adds its environ keys and headers, outer layer last', () => {
    const out = run('middleware-stack');
    expect(out.error).toBeNull();
    expect(out.body).toMatch(/^request id: req-000001\nstarted: \w{3}, /);
    expect(out.headers.map(([name]) => name)).toEqual(['Content-Type', 'Content-Length', 'X-Request-Id', 'X-Elapsed']);
  });

  it('the prefix fix moves /app from PATH_INFO to SCRIPT_NAME', () => {
    const out = run('prefix-fix');
    expect(out.error).toBeNull();
    expect(out.body).toContain("SCRIPT_NAME: '/app'\nPATH_INFO: '/x'\n");
  });

  it('the Pig Latin middleware rewrites the body and drops Content-Length', () => {
    const out = run('pig-latin');
    expect(out.error).toBeNull();
    expect(out.body).toBe('ellohay orldway omfray ethay applicationway\n');
    expect(out.headers).toEqual([['Content-Type', 'text/plain']]);
  });

  it('the broken application: the validator catches the str body, not the second start_response (the gateway must)', () => {
    expect(run('broken').error).toMatch(/You should not return a string/);
    const twice = run('broken', (s) => s.replace('MISTAKE = "str"', 'MISTAKE = "twice"'));
    expect(twice.error).toBeNull();
    expect(twice.status).toBe('500 Internal Server Error');
  });
});
