import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { UpstreamFailures } from '../upstream-failure.ts';
import { apacheLogLine } from './apache-error-log.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/**
 * The worker's name in mod_proxy_fcgi's AH01075 lines: `Error dispatching request to <host>:<port>:`, where the
 * request's own server name is empty under this configuration and the port is the virtual host's (observed).
 */
const DISPATCH = `Error dispatching request to :${REFERENCE_SITE.serverPort}:`;

/**
 * mod_proxy_fcgi of Apache 2.4.71 (verified against the fault captures): a refused connect() is 503 with AH00957
 * and AH01079, and the worker is not put out of service (a second request tries again and logs the same two
 * lines); no answer within Timeout (ProxyTimeout's default) is 504; a connection closed before the header 503;
 * a header name Apache's output filter refuses (AH02429) a 500 page sent without a length, the connection closed.
 * A FastCGI STDERR record is one AH01071 line, its line ends written as `\n`.
 */
export function proxyFcgiFailures(
  errorResponse: (status: number, context: RequestContext) => HttpResponse,
): UpstreamFailures {
  const address = `${REFERENCE_SITE.serverAddr}:${REFERENCE_SITE.upstreamPort}`;
  return {
    fail(failure, context, _upstream, node) {
      switch (failure.kind) {
        case 'refused':
          return {
            failed: msg('fault.connectRefused', { node, address, status: 503 }),
            response: errorResponse(503, context),
            log: [
              apacheLogLine('proxy', `AH00957: FCGI: attempt to connect to ${address} (${address}) failed`, {
                peer: null,
                errno: '(111)Connection refused',
              }),
              apacheLogLine(
                'proxy_fcgi',
                `AH01079: failed to make connection to backend: ${REFERENCE_SITE.serverAddr}`,
              ),
            ],
          };
        case 'timeout':
          return {
            failed: msg('fault.readTimeout', { node, setting: 'Timeout', value: '300', status: 504 }),
            response: errorResponse(504, context),
            log: [
              apacheLogLine('proxy_fcgi', `AH01075: ${DISPATCH} (polling)`, {
                errno: '(70007)The timeout specified has expired',
              }),
            ],
          };
        case 'closed':
          return {
            failed: msg('fault.upstreamClosed', { node, status: 503 }),
            response: errorResponse(503, context),
            log: [
              apacheLogLine('proxy_fcgi', 'AH01067: Failed to read FastCGI header'),
              apacheLogLine('proxy_fcgi', `AH01075: ${DISPATCH} `, { errno: '(70014)End of file found' }),
            ],
          };
        case 'invalid-header': {
          const name = failure.line.split(':', 1)[0] ?? '';
          const page = errorResponse(500, context);
          return {
            failed: msg('fault.apache.headerRejected', { name: JSON.stringify(name) }),
            response: { ...page, headers: page.headers.filter(([header]) => header !== 'Content-Length') },
            log: [
              apacheLogLine(
                'http',
                `AH02429: Response header name '${name}' contains invalid characters, aborting request`,
              ),
              apacheLogLine('proxy_fcgi', `AH01075: ${DISPATCH} (passing brigade to output filters)`, {
                errno: '(-102)Unknown error -102',
              }),
            ],
          };
        }
      }
    },
    stderr: (text) => [apacheLogLine('proxy_fcgi', `AH01071: Got error '${text.replace(/\n/g, '\\n')}'`)],
  };
}
