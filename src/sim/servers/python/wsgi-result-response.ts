import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';

/** Reads a WSGI result as the CGI-style response shape the servers' finishers take. */
export function wsgiResultAsResponse(result: WsgiRunResult): CgiResponse {
  const match = /^(\d{3}) ?(.*)$/.exec(result.status);
  const location = result.headers.find(([n]) => n.toLowerCase() === 'location');
  return {
    kind: 'document',
    status: Number(match?.[1] ?? 500),
    reason: match?.[2] ?? '',
    hasStatusField: true,
    headers: result.headers,
    body: result.body,
    location: location ? location[1] : null,
    iterableLength: result.sized ? result.chunks.length : null,
  };
}
