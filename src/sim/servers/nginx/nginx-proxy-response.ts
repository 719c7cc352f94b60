import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { Change, Pair } from '../../trace.ts';
import { fromLatin1 } from '../../bytes.ts';
import { msg } from '../../message.ts';

/**
 * proxy_hide_header's defaults: "By default, nginx does not pass the header fields 'Date', 'Server', 'X-Pad', and
 * 'X-Accel-...' from the response of a proxied server to a client" (ngx_http_proxy_module); nginx writes its own
 * Date and Server.
 */
const RE_HIDDEN = /^(date|server|x-pad|x-accel-.*)$/i;

/**
 * An upstream's HTTP response as nginx reads it (proxy_pass, HTTP/1.0, so the body is delimited by Content-Length
 * or by the upstream closing the connection), in the CGI-style shape the nginx profile relays to the client.
 */
export function readProxyResponse(raw: string): { response: CgiResponse; changes: Change[] } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [statusLine = '', ...fieldLines] = head.split('\r\n');
  const match = /^HTTP\/\d\.\d (\d{3}) ?(.*)$/.exec(statusLine);
  const headers: Pair[] = [];
  const changes: Change[] = [];
  for (const line of fieldLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (RE_HIDDEN.test(name)) {
      changes.push({ kind: 'dropped', from: name, message: msg('change.nginxProxyHidesHeader', { header: name }) });
      continue;
    }
    headers.push([name, value]);
  }
  const body = end < 0 ? '' : raw.slice(end + 4);
  return {
    response: {
      kind: 'document',
      status: Number(match?.[1] ?? 502),
      reason: match?.[2] ?? '',
      hasStatusField: true,
      headers,
      body: fromLatin1(body),
      location: null,
    },
    changes,
  };
}
