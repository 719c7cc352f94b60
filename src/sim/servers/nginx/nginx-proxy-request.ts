import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { concatBytes, fromLatin1 } from '../../bytes.ts';
import { msg } from '../../message.ts';
import { nginxRequestUri } from './nginx-uri.ts';

/** Where `proxy_pass http://…` points, as nginx's `$proxy_host` writes it: `host[:port]`, no port when it is 80. */
export interface ProxyPassUpstream {
  proxyHost: string;
}

/** The HTTP request nginx sends upstream for one client request, with what it changed on the way. */
export interface ProxyRequest {
  /** The request line, header section and body, byte for byte. */
  raw: Uint8Array;
  /** The body as sent upstream (de-chunked, framed by Content-Length). */
  body: Uint8Array;
  changes: Change[];
}

/**
 * The headers ngx_http_proxy_module sets itself when no `proxy_set_header` is configured (its default list:
 * Host $proxy_host, Connection close, Content-Length and Transfer-Encoding from the buffered body, and TE,
 * Keep-Alive, Expect, Upgrade set to "" — an empty value is not sent). A client header of one of these names is
 * never passed on.
 */
const SET_BY_NGINX = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'keep-alive',
  'expect',
  'upgrade',
]);

/**
 * nginx's header names without `underscores_in_headers`: letters, digits and hyphens (ignore_invalid_headers on
 * drops any other name when the request is read).
 */
const RE_VALID_NAME = /^[A-Za-z0-9-]+$/;

/**
 * `proxy_pass http://<upstream>;` with no URI part and nginx's defaults (proxy_http_version 1.0,
 * proxy_request_buffering on, no proxy_set_header): the request line is the method, the URI as the client sent it
 * (absolute-form reduced to its path and query) and HTTP/1.0; then Host $proxy_host, Connection: close,
 * Content-Length when the client sent a body, and the client's other headers in their order, unchanged. Verified
 * against nginx 1.22.1 with a recorder on the upstream port.
 */
export function nginxProxyRequest(context: RequestContext, upstream: ProxyPassUpstream): ProxyRequest {
  const { request } = context;
  const changes: Change[] = [];
  // "If proxy_pass is specified without a URI, the request URI is passed to the server in the same form as sent
  // by a client when the original request is processed" (nginx.org, ngx_http_proxy_module, proxy_pass).
  const uri = nginxRequestUri(context);
  const line = `${request.method} ${uri} HTTP/1.0`;
  changes.push({
    kind: 'rewritten',
    from: `${request.method} ${request.target} ${request.version}`,
    to: line,
    message: msg('change.proxyRequestLine', { line: JSON.stringify(line) }),
  });
  const lines = [line, `Host: ${upstream.proxyHost}`, 'Connection: close'];
  changes.push({
    kind: 'rewritten',
    from: 'Host',
    to: 'Host',
    message: msg('change.proxyHost', { host: JSON.stringify(upstream.proxyHost) }),
  });
  changes.push({ kind: 'added', to: 'Connection', message: msg('change.proxyConnectionClose') });
  const hasBody = request.framing !== 'none';
  if (hasBody) lines.push(`Content-Length: ${String(request.body.length)}`);
  if (request.framing === 'chunked')
    changes.push({
      kind: 'framed',
      from: 'Transfer-Encoding',
      to: 'Content-Length',
      message: msg('change.proxyChunkedLength', { bytes: request.body.length }),
    });
  for (const header of request.headers) {
    const lower = header.name.toLowerCase();
    if (!RE_VALID_NAME.test(header.name)) {
      changes.push({
        kind: 'dropped',
        from: header.name,
        message: msg('change.nginxUnderscores', { header: header.name }),
      });
      continue;
    }
    if (SET_BY_NGINX.has(lower)) {
      if (lower !== 'host' && !(lower === 'content-length' && request.framing === 'content-length'))
        changes.push({
          kind: 'dropped',
          from: header.name,
          message: msg('change.proxyDropsHeader', { header: header.name }),
        });
      continue;
    }
    lines.push(`${header.name}: ${header.value}`);
  }
  const head = fromLatin1(`${lines.join('\r\n')}\r\n\r\n`);
  return {
    raw: concatBytes([head, request.body]),
    body: request.body,
    changes,
  };
}
