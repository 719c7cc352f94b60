import { utf8 } from '../bytes.ts';

/** The files under the document root's `static/` directory, as the reference setup creates them (mtime = REFERENCE_SITE.mtimeSeconds). */
export const STATIC_FILES: Readonly<Record<string, { body: Uint8Array; type: string }>> = {
  '/static/hello.txt': { body: utf8('Hello from a static file\n'), type: 'text/plain' },
};

/** Looks a decoded, normalised path up in `STATIC_FILES`. */
export function findStaticFile(path: string): { body: Uint8Array; type: string } | null {
  return STATIC_FILES[path] ?? null;
}
