import type { AsgiEvent, AsgiScope, AsgiScopeFields } from '../../asgi/asgi-types.ts';
import type { Pair } from '../../trace.ts';
import { reprAddress, reprBytes, reprStr } from '../../asgi/python-repr.ts';
import { fromLatin1 } from '../../bytes.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { VOLATILE } from '../../volatile.ts';

/** A request as h11 hands it to Uvicorn: the request line's parts, the header lines, the body. */
export interface H11Request {
  method: string;
  target: string;
  /** `1.0` or `1.1`. */
  httpVersion: string;
  headers: Pair[];
  body: string;
}

/**
 * urllib.parse.unquote(), as Uvicorn decodes `path`: runs of %XX escapes decoded as UTF-8, invalid sequences
 * replaced by U+FFFD; anything else kept.
 */
function unquote(text: string): string {
  const decoder = new TextDecoder('utf-8');
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) =>
    decoder.decode(
      fromLatin1(run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))),
    ),
  );
}

/**
 * Uvicorn's ProxyHeadersMiddleware (proxy_headers on, forwarded_allow_ips 127.0.0.1, where nginx connects from):
 * the scheme is the last X-Forwarded-Proto as sent, stripped (`dict(scope["headers"])`), else `http`. Captured:
 * case 128.
 */
function forwardedScheme(headers: readonly Pair[]): string {
  const proto = headers.filter(([name]) => name.toLowerCase() === 'x-forwarded-proto').at(-1);
  return proto ? proto[1].trim() : 'http';
}

/**
 * The HTTP connection scope Uvicorn 0.17.6 builds (uvicorn/protocols/http/h11_impl.py), keys in its order. The
 * spec's "HTTP Connection Scope": `asgi` with `version` "3.0" and `spec_version` "2.3"; `raw_path` "the original
 * HTTP path component unmodified from the bytes that were received"; `query_string` "URL portion after the ?,
 * percent-encoded"; `headers` "An iterable of [name, value] two-item iterables … Header names should be
 * lowercased"; `client` and `server` as (host, port); `root_path` "" unless --root-path is set.
 */
export function uvicornScope(request: H11Request): { scope: AsgiScope; fields: AsgiScopeFields } {
  const question = request.target.indexOf('?');
  const rawPath = question < 0 ? request.target : request.target.slice(0, question);
  const query = question < 0 ? '' : request.target.slice(question + 1);
  const path = unquote(rawPath);
  const headers = request.headers.map(([name, value]) => `(${reprBytes(name.toLowerCase())}, ${reprBytes(value)})`);
  const scope: AsgiScope = [
    ['type', reprStr('http')],
    ['asgi', `{'version': '3.0', 'spec_version': '2.3'}`],
    ['http_version', reprStr(request.httpVersion)],
    ['server', reprAddress(REFERENCE_SITE.serverAddr, REFERENCE_SITE.upstreamPort)],
    ['client', VOLATILE.variables.client],
    ['scheme', reprStr(forwardedScheme(request.headers))],
    ['method', reprStr(request.method)],
    ['root_path', reprStr('')],
    ['path', reprStr(path)],
    ['raw_path', reprBytes(rawPath)],
    ['query_string', reprBytes(query)],
    ['headers', `[${headers.join(', ')}]`],
  ];
  return { scope, fields: { method: request.method, path, rootPath: '' } };
}

/**
 * The events the application receives before it answers: Uvicorn hands over the body read so far on each
 * receive(); nginx sends the whole request at once, so one `http.request` carries all of it with more_body False.
 */
export function uvicornReceivedEvents(request: H11Request): AsgiEvent[] {
  return [{ type: 'http.request', body: request.body, more_body: false }];
}
