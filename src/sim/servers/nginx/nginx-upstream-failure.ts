import type { RequestContext } from '../request-context.ts';
import type { LogLine } from '../../trace.ts';
import type { UpstreamAddress, UpstreamFailure, UpstreamFailures } from '../upstream-failure.ts';
import type { HttpResponse } from '../../http/types.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { latin1 } from '../../bytes.ts';
import { msg } from '../../message.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { logLine } from '../../faults/fault-hops.ts';

/** The reference nginx.conf's `error_log {{ROOT}}/log/error.log;`. */
export const NGINX_ERROR_LOG = `${REFERENCE_SITE.root}/log/error.log`;

/** The start of an `[error]` line: time, level, `pid#tid` and connection, as `VOLATILE.logs` fixes them. */
const PREFIX = '2024/01/01 00:00:00 [error] 1000#1000: *1 ';

/** The `*_read_timeout` directive of each upstream module and its default (nginx.org: 60s for all three). */
const READ_TIMEOUT: Readonly<Record<UpstreamAddress['scheme'], string>> = {
  fastcgi: 'fastcgi_read_timeout',
  uwsgi: 'uwsgi_read_timeout',
  http: 'proxy_read_timeout',
};

/**
 * One error-log line as ngx_http_upstream.c writes it: `ngx_log_error()` with the connection's log handler,
 * `ngx_http_log_error_handler()` (ngx_http_request.c), appending the client, server, request line, upstream and
 * Host (and Referer when sent). Verified with nginx 1.22.1: connect refused, read timed out, invalid header.
 */
function nginxLogLines(text: string, context: RequestContext, upstream: UpstreamAddress): LogLine[] {
  const requestLine = latin1(context.raw).split(/\r?\n/, 1)[0] ?? '';
  const peer = `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`;
  let tail = `, client: ${REFERENCE_SITE.remoteAddr}, server: _, request: "${requestLine}", upstream: "${upstream.scheme}://${peer}${upstream.uri}"`;
  if (context.host !== null) tail += `, host: "${context.host}"`;
  const referer = findHeader(context.request.headers, 'referer');
  if (referer) tail += `, referrer: "${referer.value}"`;
  // A message with line ends (PHP's stack trace in FastCGI stderr) stays one entry in the file, over several lines.
  return `${PREFIX}${text}${tail}`.split('\n').map((line) => logLine('nginx', NGINX_ERROR_LOG, line));
}

/**
 * nginx's `"%*s\\x%02xd..."` for a header line its parser stopped in: the name up to the byte that ends it, that
 * byte in hex. ngx_http_parse_header_line (sw_name) returns NGX_HTTP_PARSE_INVALID_HEADER at a control byte or a
 * space in a header name.
 */
function invalidHeader(line: string): string {
  const bad = line.search(/[\x00-\x20\x7f]/);
  const at = bad < 0 ? line.length : bad;
  const hex = (line.charCodeAt(at) || 0).toString(16).padStart(2, '0');
  return `${line.slice(0, at)}\\x${hex}...`;
}

/**
 * nginx 1.22.1's reactions (ngx_http_upstream.c, verified): a refused connect() is 502 (`ngx_http_upstream_next`
 * with NGX_HTTP_UPSTREAM_FT_ERROR; one server, no other to try), a read timeout 504, a closed connection before the
 * header and an unparseable header 502. The page is nginx's own error page.
 */
export function nginxUpstreamFailures(
  errorResponse: (status: number, context: RequestContext) => HttpResponse,
): UpstreamFailures {
  const phase = 'while reading response header from upstream';
  return {
    fail(failure: UpstreamFailure, context, upstream, node) {
      const log = (text: string) => nginxLogLines(text, context, upstream);
      const address = `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`;
      switch (failure.kind) {
        case 'refused':
          return {
            failed: msg('fault.connectRefused', { node, address, status: 502 }),
            response: errorResponse(502, context),
            log: log('connect() failed (111: Connection refused) while connecting to upstream'),
          };
        case 'timeout':
          return {
            failed: msg('fault.readTimeout', {
              node,
              setting: READ_TIMEOUT[upstream.scheme],
              value: '60s',
              status: 504,
            }),
            response: errorResponse(504, context),
            log: log(`upstream timed out (110: Connection timed out) ${phase}`),
          };
        case 'closed':
          return {
            failed: msg('fault.upstreamClosed', { node, status: 502 }),
            response: errorResponse(502, context),
            log: log(`upstream prematurely closed connection ${phase}`),
          };
        case 'invalid-header':
          return {
            failed: msg('fault.invalidHeader', { node, line: JSON.stringify(failure.line), status: 502 }),
            response: errorResponse(502, context),
            log: log(`upstream sent invalid header: "${invalidHeader(failure.line)}" ${phase}`),
          };
      }
    },
    // ngx_http_fastcgi_process_header: "FastCGI sent in stderr: \"%*s\"" for each STDERR record it reads, its
    // trailing LF, CR, "." and spaces cut (a Python traceback's last line end).
    // ngx_http_upstream_process_non_buffered_request / the FastCGI input filter: the upstream closed before the
    // announced length (observed with tests/fixtures/lab/rewrite_shorter.py behind Gunicorn, uWSGI and flup).
    shortBody: (context, upstream) =>
      nginxLogLines(
        `upstream prematurely closed ${upstream.scheme === 'fastcgi' ? 'FastCGI stdout' : 'connection'} while reading upstream`,
        context,
        upstream,
      ),
    // ngx_http_proxy_process_status_line: a first line that is no status line (the answer then goes out as HTTP/0.9).
    noValidHeader: (context, upstream) =>
      nginxLogLines(`upstream sent no valid HTTP/1.0 header ${phase}`, context, upstream),
    // Read with the body (after the header block), the same message ends "while reading upstream".
    stderr: (text, context, upstream, afterHeader = false) =>
      nginxLogLines(
        `FastCGI sent in stderr: "${text.replace(/(?<=.)[\r\n. ]+$/s, '')}" ${afterHeader ? 'while reading upstream' : phase}`,
        context,
        upstream,
      ),
  };
}
