import type { Pair } from '../trace.ts';
import { latin1 } from '../bytes.ts';

/** An upstream's HTTP response head and body, as a proxying server reads it. */
export interface UpstreamHttpResponse {
  status: number;
  reason: string;
  headers: Pair[];
  body: Uint8Array;
  location: string | null;
}

// ngx_http_parse_status_line: a major version of up to three digits, a minor one of up to three (uWSGI echoes the
// request's SERVER_PROTOCOL, `HTTP/1.10` included; captured: case 112).
const RE_STATUS_LINE = /^HTTP\/[1-9]\d{0,2}\.\d{1,3} (\d{3})(?: (.*))?$/;

/** Reads a status line (RFC 9112 §4), header fields up to the blank line, and the rest as the body; null if malformed. */
export function parseUpstreamHttpResponse(bytes: Uint8Array): UpstreamHttpResponse | null {
  const text = latin1(bytes);
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const status = RE_STATUS_LINE.exec(statusLine);
  if (!status) return null;
  const headers: Pair[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  const location = headers.find(([name]) => name.toLowerCase() === 'location')?.[1] ?? null;
  return { status: Number(status[1]), reason: status[2] ?? '', headers, body: bytes.subarray(end + 4), location };
}
