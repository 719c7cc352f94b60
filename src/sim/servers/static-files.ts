import { utf8 } from '../bytes.ts';

/** The files under the document root's `static/` directory, as the reference setup creates them (mtime = REFERENCE_SITE.mtimeSeconds). */
export const STATIC_FILES: Readonly<Record<string, { body: Uint8Array; type: string }>> = {
  '/static/hello.txt': { body: utf8('Hello from a static file\n'), type: 'text/plain' },
};

/** One entry of a directory of the document root: a file (with its size) or a subdirectory (its name ends in `/`). */
export interface DirectoryEntry {
  name: string;
  size: number | null;
}

/**
 * The directories of the document root (`www/` and `www/static/`, mtime = REFERENCE_SITE.mtimeSeconds too), by
 * their path with its trailing slash, and what each holds. Neither holds an index file.
 */
export const STATIC_DIRECTORIES: ReadonlyMap<string, readonly DirectoryEntry[]> = new Map([
  ['/', [{ name: 'static/', size: null }]],
  ['/static/', [{ name: 'hello.txt', size: STATIC_FILES['/static/hello.txt']?.body.length ?? 0 }]],
]);

/** Looks a decoded, normalised path up in `STATIC_FILES`. */
export function findStaticFile(path: string): { body: Uint8Array; type: string } | null {
  return STATIC_FILES[path] ?? null;
}

/** The file a decoded path goes past (`/static/hello.txt/x`: the file, `/x` being path info), or null. */
export function findFileBefore(path: string): { body: Uint8Array; type: string } | null {
  const name = Object.keys(STATIC_FILES).find((file) => path.startsWith(`${file}/`));
  return name === undefined ? null : findStaticFile(name);
}

/**
 * A decoded, normalised path that names a directory: `listing` when it ends in `/`, `redirect` when it lacks the
 * slash (every server here answers 301 to the path with it), or null.
 */
export function findStaticDirectory(
  path: string,
): { kind: 'listing'; path: string; entries: readonly DirectoryEntry[] } | { kind: 'redirect'; path: string } | null {
  const entries = STATIC_DIRECTORIES.get(path);
  if (entries) return { kind: 'listing', path, entries };
  return STATIC_DIRECTORIES.has(`${path}/`) ? { kind: 'redirect', path: `${path}/` } : null;
}

/** Whether a decoded, normalised path names one of the document root's directories (with or without the slash). */
export function isStaticDirectory(path: string): boolean {
  return findStaticDirectory(path) !== null;
}
