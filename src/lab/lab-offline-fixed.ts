import { PYODIDE_BASE, PYODIDE_FILES, PYODIDE_LOCK } from './pyodide-files.ts';

/** Files the lab needs offline that no page or script names literally: Pyodide's, asked for by a computed URL. */
export const LAB_OFFLINE_FIXED: readonly string[] = [...PYODIDE_FILES, PYODIDE_LOCK].map(
  (name) => `${PYODIDE_BASE}${name}`,
);
