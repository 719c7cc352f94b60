import { REFERENCE_SITE } from '../reference-site.ts';

/** nginx's ETag: `"<mtime hex>-<size hex>"`. */
export function nginxEtag(size: number): string {
  return `"${REFERENCE_SITE.mtimeSeconds.toString(16)}-${size.toString(16)}"`;
}

/** Apache's default ETag (FileETag MTime Size): `"<size hex>-<mtime µs hex>"`. */
export function apacheEtag(size: number): string {
  return `"${size.toString(16)}-${(REFERENCE_SITE.mtimeSeconds * 1_000_000).toString(16)}"`;
}

/** lighttpd's ETag: a decimal hash of inode, size and mtime (etag.use-inode); the value captured for hello.txt. */
export function lighttpdEtag(): string {
  return '"3637248258"';
}

/** Werkzeug's SharedDataMiddleware ETag: `wzsdm-<mtime>-<size>-<adler32 of the file name>`; the checksum is hello.txt's. */
export function werkzeugEtag(size: number): string {
  return `"wzsdm-${REFERENCE_SITE.mtimeSeconds}.0-${size}-301466531"`;
}
