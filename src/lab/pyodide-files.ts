// With its type attribute, so plain Node (scripts, benches) can import this module as well as Vite.
import pyodidePackage from 'pyodide/package.json' with { type: 'json' };

/**
 * Where the built site serves Pyodide (CPython compiled to WebAssembly, from the `pyodide` npm package) from: this
 * origin, under a folder named by the package's version, so a new version is a new URL and the old files can be
 * cached for good. `src/lab/pyodide-assets.ts` copies the files there at build time and serves them in `astro dev`.
 */
export const PYODIDE_VERSION: string = pyodidePackage.version;

/** The folder's path on the site, with its trailing slash (Pyodide's `indexURL`). */
export const PYODIDE_BASE = `/pyodide/${PYODIDE_VERSION}/`;

/**
 * The files the lab needs from `node_modules/pyodide/`, and nothing else: the loader, the Emscripten module and its
 * WebAssembly, and the standard library (which has `wsgiref`, `io`, `traceback`, `warnings`). The package's
 * `pyodide-lock.json` lists 350 packages the lab never loads; the site serves a lock with its header only
 * (`labLockFile`), so Pyodide knows its own build and can install nothing.
 */
export const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip'] as const;

/** The lock file's name, next to the files above. */
export const PYODIDE_LOCK = 'pyodide-lock.json';

/** The package's lock file reduced to its `info` (ABI, platform, Python version) and no packages. */
export function labLockFile(lockJson: string): string {
  const lock = JSON.parse(lockJson) as { info?: unknown };
  if (typeof lock.info !== 'object' || lock.info === null) throw new Error(`${PYODIDE_LOCK} has no "info" object`);
  return JSON.stringify({ info: lock.info, packages: {} });
}
