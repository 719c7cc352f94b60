import type { Change } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { concatBytes, fromLatin1 } from '../../bytes.ts';
import { VOLATILE } from '../../volatile.ts';
import { msg } from '../../message.ts';
import { GUNICORN_SETTINGS as SETTINGS } from './gunicorn-settings.ts';

/**
 * gunicorn/util.py hop_headers: dropped from what the application gives start_response ("Server and Date aren't
 * technically hop-by-hop headers, but they are in the purview of the origin server").
 */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'server',
  'date',
]);

/** gunicorn/util.py HEADER_RE: characters a header name may not hold. */
const INVALID_NAME = /[\x00-\x1f\x7f()<>@,;:[\]={} \t\\"]/;

/** What Gunicorn writes on the socket for one WSGI result, and what it changed on the way. */
export interface GunicornResponse {
  raw: Uint8Array;
  changes: Change[];
}

/**
 * gunicorn/http/wsgi.py Response: the status line in the request's own HTTP version, Server, Date and
 * Connection, then the application's headers without hop-by-hop ones; chunked only for an HTTP/1.1 request without
 * Content-Length; the body cut at Content-Length. The sync worker closes after every response, and the body is
 * written for HEAD as for GET (Gunicorn leaves it to the client to ignore).
 */
export function gunicornResponse(
  result: WsgiRunResult,
  request: { method: string; version: string; closes: boolean },
): GunicornResponse {
  if (result.error)
    return {
      raw: gunicornErrorPage(500, 'Internal Server Error', ''),
      changes: [{ kind: 'rejected', message: msg('change.gunicornError') }],
    };
  // http/wsgi.py Response.process_headers (in start_response): a name with a character of util.HEADER_RE raises
  // InvalidHeaderName, which handle_error answers with 400 and logs at debug level only (verified).
  const invalid = result.headers.find(([name]) => INVALID_NAME.test(name));
  if (invalid)
    return {
      raw: gunicornErrorPage(400, 'Bad Request', `Invalid HTTP header name: "'${invalid[0]}'"`),
      changes: [
        { kind: 'rejected', message: msg('fault.gunicornInvalidHeaderName', { name: JSON.stringify(invalid[0]) }) },
      ],
    };
  const changes: Change[] = [];
  const headers: [string, string][] = [];
  let length: number | null = null;
  for (const [name, value] of result.headers) {
    const lower = name.toLowerCase();
    const trimmed = value.replace(/^[ \t]+|[ \t]+$/g, '');
    if (lower === 'content-length') length = Number(trimmed);
    else if (HOP_HEADERS.has(lower)) {
      changes.push({ kind: 'dropped', from: name, message: msg('change.gunicornHopHeader', { header: name }) });
      continue;
    }
    headers.push([name, trimmed]);
  }
  const code = Number(/^\d+/.exec(result.status)?.[0] ?? '0');
  const version = request.version === 'HTTP/1.0' ? '1.0' : '1.1';
  const chunked = length === null && version === '1.1' && request.method !== 'HEAD' && code !== 204 && code !== 304;
  // Response.should_close(): a request that closes, or a body whose end only the close can tell.
  const closes =
    request.closes ||
    !(length !== null || chunked || request.method === 'HEAD' || code < 200 || code === 204 || code === 304);
  const head = [
    `HTTP/${version} ${result.status}`,
    `Server: ${SETTINGS.serverHeader}`,
    `Date: ${VOLATILE.headers.Date}`,
    `Connection: ${closes ? 'close' : 'keep-alive'}`,
    ...(chunked ? ['Transfer-Encoding: chunked'] : []),
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ];
  const body = length === null ? result.body : result.body.subarray(0, length);
  if (request.method === 'HEAD' && body.length > 0)
    changes.push({ kind: 'added', message: msg('change.gunicornHeadBody', { bytes: body.length }) });
  return {
    raw: concatBytes([fromLatin1(`${head.join('\r\n')}\r\n\r\n`), chunked ? chunk(result.chunks) : body]),
    changes,
  };
}

/**
 * gunicorn/util.py write_error: the page Gunicorn answers with when it refuses a request (400) or the application
 * fails (500, empty message), always as HTTP/1.1 with Connection: close.
 */
export function gunicornErrorPage(status: number, reason: string, message: string): Uint8Array {
  const escaped = message
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
  const page = `<html>\n  <head>\n    <title>${reason}</title>\n  </head>\n  <body>\n    <h1><p>${reason}</p></h1>\n    ${escaped}\n  </body>\n</html>\n`;
  return fromLatin1(
    `HTTP/1.1 ${String(status)} ${reason}\r\nConnection: close\r\nContent-Type: text/html\r\nContent-Length: ${String(page.length)}\r\n\r\n${page}`,
  );
}

/** gunicorn/util.py write(chunked=True): each item as one chunk, its size in upper-case hex, then the last chunk. */
function chunk(items: readonly Uint8Array[]): Uint8Array {
  const parts = items
    .filter((item) => item.length > 0)
    .flatMap((item) => [fromLatin1(`${item.length.toString(16).toUpperCase()}\r\n`), item, fromLatin1('\r\n')]);
  return concatBytes([...parts, fromLatin1('0\r\n\r\n')]);
}
