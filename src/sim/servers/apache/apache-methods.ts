/**
 * How Apache's default handler (core.c, default_handler) answers each method for a URL no module takes: GET and
 * POST (HEAD is a GET) read the file; a method missing from the registry (M_INVALID) is 501; OPTIONS gets the
 * Allow list (ap_send_http_options); every other registered method is 405, the file there or not.
 */

/** The methods Apache registers at start-up (http_protocol.c, ap_method_registry_init), case-sensitively. */
const REGISTERED = new Set([
  'GET',
  'HEAD',
  'PUT',
  'POST',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'VERSION-CONTROL',
  'CHECKOUT',
  'UNCHECKOUT',
  'CHECKIN',
  'UPDATE',
  'LABEL',
  'REPORT',
  'MKWORKSPACE',
  'MKACTIVITY',
  'BASELINE-CONTROL',
  'MERGE',
]);

export type DefaultHandlerAnswer = 'file' | 'options' | 'not-allowed' | 'not-implemented';

/** What the default handler does with a request of this method (captured: cases 120–121). */
export function apacheDefaultHandler(method: string): DefaultHandlerAnswer {
  if (method === 'GET' || method === 'HEAD' || method === 'POST') return 'file';
  if (!REGISTERED.has(method)) return 'not-implemented';
  return method === 'OPTIONS' ? 'options' : 'not-allowed';
}

/** mod_mime's types for the extensions the reference site uses (/etc/mime.types). */
const TYPES = new Map([
  ['txt', 'text/plain'],
  ['html', 'text/html'],
  ['htm', 'text/html'],
  ['css', 'text/css'],
  ['json', 'application/json'],
]);

/**
 * The Content-Type Apache gives a URL it has not served: a directory's `httpd/unix-directory` (DIR_MAGIC_TYPE),
 * else mod_mime's type for the last segment's extensions (every one after the first dot, the last known one
 * winning), whether the file exists or not; none without one.
 */
export function apacheTypeOf(path: string, isDirectory: boolean): string | null {
  if (isDirectory) return 'httpd/unix-directory';
  const extensions = path
    .slice(path.lastIndexOf('/') + 1)
    .split('.')
    .slice(1);
  let type: string | null = null;
  for (const extension of extensions) type = TYPES.get(extension.toLowerCase()) ?? type;
  return type;
}
