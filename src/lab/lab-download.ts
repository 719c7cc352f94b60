/**
 * What the lab's first run downloads, measured while the site is built: the Pyodide files the site serves
 * (`PYODIDE_FILES`, from the npm package), as they are on disk. The lab page says it before the reader runs anything;
 * a server that compresses them sends less.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PYODIDE_FILES } from './pyodide-files.ts';

/** The bytes of Pyodide's files that the first run fetches. */
export function labDownloadBytes(): number {
  const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  return PYODIDE_FILES.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
