import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import type { LabRunResult } from '../../../src/lab/lab-protocol.ts';
import { GENERATOR_APP, GENERATOR_CHECK, HELLO_WORLD, PREFIX_FIX, STR_BODY } from './examples.ts';
import { labRequest, runHarness } from './run-harness.ts';

const HARNESS = readFileSync(new URL('../../../src/lab/harness.py', import.meta.url), 'utf8');

/** Drops what differs between two interpreters by nature: the time taken and the validator's traceback paths. */
function comparable(result: LabRunResult): unknown {
  if (!result.ok) return result;
  const { validator, ...rest } = result;
  return {
    ...rest,
    durationMs: typeof rest.durationMs,
    validator: { warnings: validator.warnings, assertion: validator.assertion?.message },
  };
}

describe('the lab harness under Pyodide (CPython in WebAssembly, as the browser runs it)', () => {
  it('answers as Debian’s CPython does, on a stack with a middleware, on a str body and on generators', async () => {
    const pyodide = await loadPyodide();
    pyodide.runPython(HARNESS);
    const runLab = (json: string): string => {
      // A JSON string literal is also a Python str literal.
      const answer: unknown = pyodide.runPython(`run_lab(${JSON.stringify(json)})`);
      if (typeof answer !== 'string') throw new Error('run_lab answered with something other than a str');
      return answer;
    };
    for (const request of [
      labRequest(HELLO_WORLD, [PREFIX_FIX]),
      labRequest(STR_BODY),
      labRequest(GENERATOR_APP, [GENERATOR_CHECK]),
    ]) {
      const inBrowser = JSON.parse(runLab(JSON.stringify(request))) as LabRunResult;
      expect(inBrowser.ok).toBe(true);
      expect(comparable(inBrowser)).toEqual(comparable(runHarness(request)));
    }
  });
});
