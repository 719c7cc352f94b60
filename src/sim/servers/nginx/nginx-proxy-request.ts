import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { latin1 } from '../../bytes.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/**
 * Headers ngx_http_proxy_module sets itself (its default proxy_set_header list): Host $proxy_host, Connection close,
 * Content-Length of the body it read; TE, Keep-Alive, Expect and Upgrade set to "" are not sent at all. A client
 * header of one of these names is never passed on.
 */
const SET_BY_PROXY = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'te',
  'keep-alive',
  'expect',
  'upgrade',
]);

/** nginx's ignore_invalid_headers (on by default): names other than letters, digits and `-` are dropped on arrival. */
const RE_VALID_NAME = /^[A-Za-z0-9-]+$/;

const RE_ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*(.*)$/;

/**
 * The HTTP request nginx sends for `location /app/ { proxy_pass http://127.0.0.1:{{UPSTREAM_PORT}}; }`: with no URI
 * after the address, "the request URI is passed to the server in the same form as sent by a client" (proxy_pass);
 * HTTP/1.0 (proxy_http_version's default), the body read in full and sent with its length.
 */
export function nginxProxyRequest(context: RequestContext): { raw: string; changes: Change[] } {
  const { request } = context;
  const uri = RE_ABSOLUTE.exec(request.target)?.[1] || (context.target.form === 'absolute' ? '/' : request.target);
  const host = `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`;
  const lines = [`${request.method} ${uri} HTTP/1.0`, `Host: ${host}`, 'Connection: close'];
  const changes: Change[] = [
    { kind: 'rewritten', from: request.version, to: 'HTTP/1.0', message: msg('change.nginxProxyVersion') },
    { kind: 'rewritten', from: 'Host', to: 'Host', message: msg('change.nginxProxyHost', { host }) },
  ];
  if (request.framing !== 'none') {
    lines.push(`Content-Length: ${request.body.length}`);
    if (request.framing === 'chunked')
      changes.push({
        kind: 'framed',
        to: 'Content-Length',
        message: msg('change.nginxProxyDechunked', { bytes: request.body.length }),
      });
  }
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
    if (SET_BY_PROXY.has(lower)) {
      if (lower !== 'host' && lower !== 'content-length')
        changes.push({
          kind: 'dropped',
          from: header.name,
          message: msg('change.nginxProxyDrops', { header: header.name }),
        });
      continue;
    }
    lines.push(`${header.name}: ${header.value}`);
  }
  return { raw: `${lines.join('\r\n')}\r\n\r\n${latin1(request.body)}`, changes };
}
