import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LabEnvironEntry, LabRunRequest, LabRunResult, LabSource } from '../../../src/lab/lab-protocol.ts';

const LAB_DIR = fileURLToPath(new URL('../../../src/lab/', import.meta.url));
/** Debian's interpreter (3.11), the one the tests run the harness with (standard library only). */
const PYTHON = '/usr/bin/python3';
const DRIVER =
  'import sys; sys.path.insert(0, sys.argv[1]); from harness import run_lab; print(run_lab(sys.stdin.read()))';

/** An environ as a gateway builds it for `GET /hello?x=1` (the keys PEP 3333 requires, plus a few). */
export const SAMPLE_ENVIRON: LabEnvironEntry[] = [
  ['REQUEST_METHOD', { kind: 'str', value: 'GET' }],
  ['SCRIPT_NAME', { kind: 'str', value: '' }],
  ['PATH_INFO', { kind: 'str', value: '/hello' }],
  ['QUERY_STRING', { kind: 'str', value: 'x=1' }],
  ['CONTENT_TYPE', { kind: 'str', value: '' }],
  ['CONTENT_LENGTH', { kind: 'str', value: '' }],
  ['SERVER_NAME', { kind: 'str', value: 'localhost' }],
  ['SERVER_PORT', { kind: 'str', value: '8080' }],
  ['SERVER_PROTOCOL', { kind: 'str', value: 'HTTP/1.1' }],
  ['HTTP_HOST', { kind: 'str', value: 'localhost:8080' }],
  ['wsgi.version', { kind: 'tuple', items: [1, 0] }],
  ['wsgi.url_scheme', { kind: 'str', value: 'http' }],
  ['wsgi.input', { kind: 'object', repr: '<_io.BufferedReader name=5>' }],
  ['wsgi.errors', { kind: 'object', repr: "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>" }],
  ['wsgi.multithread', { kind: 'bool', value: true }],
  ['wsgi.multiprocess', { kind: 'bool', value: false }],
  ['wsgi.run_once', { kind: 'bool', value: false }],
  ['wsgi.file_wrapper', { kind: 'object', repr: "<class 'wsgiref.util.FileWrapper'>" }],
];

/** A run request for the harness. */
export function labRequest(
  app: string,
  middleware: string[] = [],
  options: { environ?: LabEnvironEntry[]; input?: Uint8Array; gateway?: LabRunRequest['gateway'] } = {},
): LabRunRequest {
  const sources: LabSource[] = middleware.map((source, index) => ({ name: `middleware_${index}.py`, source }));
  return {
    type: 'run',
    id: 1,
    app: { name: 'app.py', source: app },
    middleware: sources,
    environ: options.environ ?? SAMPLE_ENVIRON,
    input: Buffer.from(options.input ?? new Uint8Array()).toString('base64'),
    ...(options.gateway ? { gateway: options.gateway } : {}),
  };
}

/** Runs `run_lab` under Debian's Python in a child process, at most 20 s. */
export function runHarness(request: LabRunRequest): LabRunResult {
  const child = spawnSync(PYTHON, ['-c', DRIVER, LAB_DIR], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`the harness exited with ${String(child.status)}: ${child.stderr}`);
  return JSON.parse(child.stdout) as LabRunResult;
}
