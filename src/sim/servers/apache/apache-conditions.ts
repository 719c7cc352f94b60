import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import { dateHeader } from '../response-parts.ts';
import { APACHE_VERSION } from './apache-names.ts';
import { ifNoneMatch } from '../../http/if-none-match.ts';

/** ap_condition_if_none_match takes a value starting with `*` as matching anything. */
function noneMatchesAny(context: RequestContext): boolean {
  return ifNoneMatch(context)?.startsWith('*') ?? false;
}

/**
 * ap_meets_conditions for a file the default handler serves (GET, HEAD, POST): a failed If-None-Match is 304 to
 * GET and HEAD, with the file's validators and no body, and 412 to anything else, with `Content-Length: 0` and the
 * file's type (captured: case 142). `validators` are the file's Last-Modified, ETag and Accept-Ranges fields.
 */
export function fileCondition(
  context: RequestContext,
  validators: [string, string][],
  type: string,
  connection: [string, string][],
): HttpResponse | null {
  if (!noneMatchesAny(context)) return null;
  const head: [string, string][] = [dateHeader(), ['Server', APACHE_VERSION], ...validators];
  if (context.request.method === 'GET' || context.isHead)
    return {
      version: 'HTTP/1.1',
      status: 304,
      reason: 'Not Modified',
      headers: [...head, ...connection],
      body: new Uint8Array(0),
    };
  return {
    version: 'HTTP/1.1',
    status: 412,
    reason: 'Precondition Failed',
    headers: [...head, ['Content-Length', '0'], ...connection, ['Content-Type', type]],
    body: new Uint8Array(0),
  };
}

/** Fields of a script's answer that never reach the 304 (the body's own, and those Apache sets itself). */
const BODY_FIELDS = new Set([
  'content-type',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'location',
]);

/**
 * ap_scan_script_header_err_core (server/util_script.c, used by mod_cgid and mod_proxy_fcgi): once a script's
 * header section is read, ap_meets_conditions runs only when it sent no Status field and the method is GET (HEAD
 * included): "This fails because it gets confused when a CGI Status header overrides ap_meets_conditions". A
 * failed If-None-Match then answers 304 in place of the script: its other fields and Location stay, its
 * Content-Type and body go (captured: case 142; `Status: 200 OK` from wsgiref's CGIHandler keeps the 200).
 */
export function scriptCondition(
  response: CgiResponse,
  context: RequestContext,
  connection: [string, string][],
): HttpResponse | null {
  if (response.hasStatusField || !(context.request.method === 'GET' || context.isHead)) return null;
  if (!noneMatchesAny(context)) return null;
  const kept = response.headers.filter(([name]) => !BODY_FIELDS.has(name.toLowerCase()));
  const location: [string, string][] = response.location === null ? [] : [['Location', response.location]];
  return {
    version: 'HTTP/1.1',
    status: 304,
    reason: 'Not Modified',
    headers: [dateHeader(), ['Server', APACHE_VERSION], ...kept, ...location, ...connection],
    body: new Uint8Array(0),
  };
}
