import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { Change, Pair } from '../../trace.ts';
import { latin1 } from '../../bytes.ts';
import { parseChunkedBody } from '../../http/parse-chunked.ts';
import { msg } from '../../message.ts';

/**
 * Headers ngx_http_proxy_module does not pass to the client by default (proxy_hide_header: "By default, nginx
 * does not pass the header fields Date, Server, X-Pad, and X-Accel-... from the response of a proxied server").
 */
const HIDDEN = /^(date|server|x-pad|x-accel-.*)$/i;

/** The upstream's HTTP response as nginx reads it, in the shape the response finisher takes, or null (502). */
export interface UpstreamResponse {
  response: CgiResponse;
  changes: Change[];
}

/**
 * Reads an upstream HTTP/1.x response (RFC 9112 §4 status line, §5 fields, §6.3 message body length): status and
 * reason kept as sent, hidden headers left out, the body cut at Content-Length, de-chunked, or read to the close;
 * none for HEAD.
 */
export function readUpstreamResponse(raw: Uint8Array, isHead: boolean): UpstreamResponse | null {
  const text = latin1(raw);
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...fieldLines] = text.slice(0, end).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) return null;
  const statusText = statusLine.slice('HTTP/1.x '.length);
  const headers: Pair[] = [];
  const changes: Change[] = [];
  for (const line of fieldLines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (HIDDEN.test(name)) {
      changes.push({ kind: 'dropped', from: name, message: msg('change.proxyHidesHeader', { header: name }) });
      continue;
    }
    // Keep-Alive describes the upstream connection: ngx_http_upstream ignores it (verified). Connection and
    // Transfer-Encoding stay for the framing below; the response finisher leaves them out.
    if (/^keep-alive$/i.test(name)) {
      changes.push({ kind: 'dropped', from: name, message: msg('change.proxyConnectionHeader', { header: name }) });
      continue;
    }
    headers.push([name, value]);
  }
  const rest = raw.subarray(end + 4);
  const length = headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  const chunked = headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value));
  let body = rest;
  if (isHead) body = rest.subarray(0, 0);
  else if (length !== undefined) body = rest.subarray(0, Number(length));
  else if (chunked) {
    const decoded = parseChunkedBody(rest, 0, false);
    if (!decoded.ok) return null;
    body = decoded.body;
  }
  if (isHead && rest.length > 0)
    changes.push({ kind: 'dropped', message: msg('change.proxyDropsHeadBody', { bytes: rest.length }) });
  const location = headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? null;
  return {
    response: {
      kind: 'document',
      status: Number(status[1]),
      reason: status[2] ?? '',
      hasStatusField: true,
      headers,
      body,
      location,
      statusText,
    },
    changes: status[2]
      ? changes
      : [...changes, { kind: 'rewritten', message: msg('change.proxyStatusLineKept', { status: statusText }) }],
  };
}

/**
 * ngx_http_parse_status_line as ngx_http_proxy_process_status_line calls it: `HTTP/<major>.<minor>`, spaces, three
 * digits, then a space or `.` and any text, or the line end. A first line it cannot parse (Gunicorn's
 * `HTTP/1.0 None` for an application that never called start_response, `HTTP/1.0 OK` for a status without a code)
 * is logged as "upstream sent no valid HTTP/1.0 header", and nginx answers as HTTP/0.9: `r->http_version =
 * NGX_HTTP_VERSION_9`, status 200, and everything the upstream sent, its head included, goes to the client as the
 * body with no status line or header of nginx's (ngx_http_header_filter writes none below HTTP/1.0). Observed with
 * tests/fixtures/lab/no_start_response.py and status_invalid.py behind Gunicorn. A HEAD is left to the 502 path
 * (not observed).
 */
export function simpleUpstreamResponse(raw: Uint8Array, isHead: boolean): { body: Uint8Array; line: string } | null {
  if (isHead) return null;
  const text = latin1(raw);
  const end = text.indexOf('\n');
  if (end < 0) return null;
  const line = text.slice(0, end).replace(/\r$/, '');
  if (/^HTTP\/[1-9]\d*\.\d+ +\d{3}(?:[ .].*)?$/.test(line)) return null;
  return { body: raw, line };
}
