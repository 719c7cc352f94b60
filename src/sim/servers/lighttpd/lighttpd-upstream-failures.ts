import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { UpstreamFailures } from '../upstream-failure.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/** `server.errorlog = "{{ROOT}}/log/error.log"` of the reference lighttpd.conf. */
export const LIGHTTPD_ERROR_LOG = `${REFERENCE_SITE.root}/log/error.log`;

/** One error-log line as log_error() writes it: the time (fixed value of `VOLATILE.logs`), the source file and line. */
function lighttpdLogLine(source: string, text: string) {
  return logLine('lighttpd', LIGHTTPD_ERROR_LOG, `2024-01-01 00:00:00: (${source}) ${text}`);
}

/**
 * lighttpd 1.4.69's gw_backend / mod_fastcgi (verified against the fault captures): a refused connect() is 503,
 * logged twice, and the backend is disabled for a while (`disable-time`, 1 s by default), so a second request
 * gets 503 at once, without a connect() and without a log line; a header name with a space is passed on as it is
 * (http_response_parse_headers splits at the colon); each line of FastCGI STDERR is one log line. The reference
 * configuration sets no read-timeout (the manifest refuses app-timeout).
 */
export function lighttpdUpstreamFailures(
  errorResponse: (status: number, context: RequestContext) => HttpResponse,
): UpstreamFailures {
  const socket = `tcp:${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`;
  return {
    fail(failure, context, _upstream, node) {
      if (failure.kind !== 'refused')
        throw new Error(`lighttpd's reaction to an upstream ${failure.kind} is not modelled (no fault run shows it)`);
      const query = context.target.query ?? '';
      return {
        failed: msg('fault.lighttpd.connectRefused', { node, address: socket.slice(4) }),
        response: errorResponse(503, context),
        log: [
          lighttpdLogLine('gw_backend.c.274', `establishing connection failed: socket: ${socket}: Connection refused`),
          lighttpdLogLine('gw_backend.c.960', `all handlers for /app?${query} on /app are down.`),
        ],
      };
    },
    // gw_backend: the host stays disabled for disable-time (1 s): the next request finds no handler to try.
    disabled: (context, node) => ({
      failed: msg('fault.lighttpd.backendDisabled', { node }),
      response: errorResponse(503, context),
      log: [],
    }),
    acceptsHeaderLine: (line) => line.includes(':'),
    stderr: (text) =>
      text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => lighttpdLogLine('mod_fastcgi.c.449', `FastCGI-stderr:${line}`)),
  };
}
