import { utf8 } from '../bytes.ts';

/** The files under the document root's `static/` directory, as the reference setup creates them (mtime = REFERENCE_SITE.mtimeSeconds). */
export const STATIC_FILES: Readonly<Record<string, { body: Uint8Array; type: string }>> = {
  '/static/hello.txt': { body: utf8('Hello from a static file\n'), type: 'text/plain' },
};

/** Looks a decoded, normalised path up in `STATIC_FILES`. */
export function findStaticFile(path: string): { body: Uint8Array; type: string } | null {
  return STATIC_FILES[path] ?? null;
}

/** The directories of the document root: the root itself and `static/`, each named with its trailing slash. */
const STATIC_DIRECTORIES: ReadonlySet<string> = new Set(['/', '/static/']);

/** Whether a decoded, normalised path names one of the document root's directories (with or without the slash). */
export function isStaticDirectory(path: string): boolean {
  return STATIC_DIRECTORIES.has(path.endsWith('/') ? path : `${path}/`);
}
