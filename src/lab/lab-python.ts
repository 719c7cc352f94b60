import type { PyodideAPI, loadPyodide as LoadPyodide } from 'pyodide';
import type { LabRunRequest, LabRunResult } from './lab-protocol.ts';

/** Where the harness lives in Pyodide's file system, so it is imported as a module (tracebacks name its lines). */
const HARNESS_DIR = '/hbh-lab';
const HARNESS_MODULE = 'harness';

/** Python, started, with the lab's harness imported: runs one request at a time, synchronously. */
export interface LabPython {
  run(request: LabRunRequest): LabRunResult;
}

/**
 * Starts Pyodide and imports the harness (`src/lab/harness.py`, whose `run_lab(request_json) -> str` takes a
 * `LabRunRequest` and returns a `LabRunResult`, both as JSON). `loadPyodide` is Pyodide's own loader: the worker
 * imports it from the site, tests from `node_modules`.
 */
export async function startLabPython(
  loadPyodide: typeof LoadPyodide,
  indexURL: string,
  harnessSource: string,
  onHarness?: () => void,
): Promise<LabPython> {
  // What Python itself prints outside a run (none expected) goes nowhere: the harness collects a run's stdout.
  const quiet = () => undefined;
  const pyodide: PyodideAPI = await loadPyodide({ indexURL, stdout: quiet, stderr: quiet });
  onHarness?.();
  // Emscripten's file system (its type comes from @types/emscripten, which this project does not load globally).
  const fs = pyodide.FS as { mkdirTree(path: string): void; writeFile(path: string, data: string): void };
  fs.mkdirTree(HARNESS_DIR);
  fs.writeFile(`${HARNESS_DIR}/${HARNESS_MODULE}.py`, harnessSource);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(HARNESS_DIR)})`);
  const harness = pyodide.pyimport(HARNESS_MODULE) as { run_lab: (json: string) => string };
  const runLab = harness.run_lab;
  return {
    run(request) {
      try {
        const result = JSON.parse(runLab(JSON.stringify(request))) as LabRunResult;
        return { ...result, id: request.id };
      } catch (error) {
        return {
          type: 'result',
          id: request.id,
          ok: false,
          error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) },
        };
      }
    },
  };
}
