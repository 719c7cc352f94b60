import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { startLabPython, type LabPython } from '../../../src/lab/lab-python.ts';
import { ADD_ENVIRON_KEY, HELLO_WORLD } from './examples.ts';
import { labRequest } from './run-harness.ts';

const HARNESS = readFileSync(new URL('../../../src/lab/harness.py', import.meta.url), 'utf8');
const INDEX_URL = fileURLToPath(new URL('../../../node_modules/pyodide/', import.meta.url));

describe('startLabPython: Pyodide with the lab’s harness, as the worker starts it', () => {
  let lab: LabPython;
  const stages: string[] = [];
  // Starting Pyodide takes seconds, more on a busy machine than a hook's default 10 s allows.
  beforeAll(async () => {
    lab = await startLabPython(loadPyodide, INDEX_URL, HARNESS, () => stages.push('harness'));
  }, 60_000);

  it('reports the harness stage once Python has started (the harness imports wsgiref, io, traceback, warnings)', () => {
    expect(stages).toEqual(['harness']);
  });

  it('answers a run with the harness’s result, under the request’s id', () => {
    const result = lab.run({ ...labRequest(HELLO_WORLD, [ADD_ENVIRON_KEY]), id: 41 });
    expect(result.id).toBe(41);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.boundaries).toHaveLength(2);
    const inner = new Map(result.boundaries[1]?.environ);
    expect(inner.get('lab.seen_by')).toEqual({ kind: 'str', value: 'outer' });
    expect(result.boundaries[0]?.body).toEqual([
      { kind: 'bytes', base64: Buffer.from('Hello world!\n').toString('base64') },
    ]);
  });

  it('reports a request the harness cannot read as the lab’s own failure, not the reader’s', () => {
    const broken = { ...labRequest(HELLO_WORLD), id: 7, environ: 'not a list' } as unknown as Parameters<
      LabPython['run']
    >[0];
    const result = lab.run(broken);
    expect(result).toMatchObject({ type: 'result', id: 7, ok: false, error: { kind: 'internal' } });
  });
});
