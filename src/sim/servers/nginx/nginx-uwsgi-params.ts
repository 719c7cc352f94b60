import type { GatewayVariables } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change, Pair } from '../../trace.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { nginxHeaderParams } from './nginx-header-params.ts';
import { nginxHost, nginxRequestUri, nginxUri } from './nginx-uri.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/**
 * The uwsgi vars nginx sends for `location /app/` of the reference config: Debian's uwsgi_params in file order
 * (PATH_INFO is the whole decoded path, `$document_uri`; HTTPS is skipped when empty; it ends with Debian's
 * `HTTP_HOST $host`), then every request header as HTTP_* (uwsgi_pass_request_headers on). uwsgi_params sets no
 * SCRIPT_NAME: uWSGI's manage-script-name splits the path.
 */
export function nginxUwsgiParams(context: RequestContext): GatewayVariables {
  const { request, target } = context;
  const uri = nginxUri(context);
  const contentType = findHeader(request.headers, 'content-type')?.value ?? '';
  const contentLength =
    request.framing === 'chunked'
      ? String(request.body.length)
      : (findHeader(request.headers, 'content-length')?.value ?? '');
  const requestUri = nginxRequestUri(context);
  const host = nginxHost(context, '_');
  const pairs: Pair[] = [
    ['QUERY_STRING', target.query ?? ''],
    ['REQUEST_METHOD', request.method],
    ['CONTENT_TYPE', contentType],
    ['CONTENT_LENGTH', contentLength],
    ['REQUEST_URI', requestUri],
    ['PATH_INFO', uri],
    ['DOCUMENT_ROOT', REFERENCE_SITE.documentRoot],
    // $server_protocol is empty for an HTTP/0.9 request: the request line had no version.
    ['SERVER_PROTOCOL', request.version === 'HTTP/0.9' ? '' : request.version],
    ['REQUEST_SCHEME', 'http'],
    ['REMOTE_ADDR', REFERENCE_SITE.remoteAddr],
    ['REMOTE_PORT', VOLATILE.clientPort],
    ['SERVER_PORT', REFERENCE_SITE.serverPort],
    ['SERVER_NAME', '_'],
    ['HTTP_HOST', host],
  ];
  const changes: Change[] = [
    { kind: 'added', to: 'PATH_INFO', message: msg('change.nginxUwsgiPathInfo', { path: JSON.stringify(uri) }) },
    {
      kind: 'added',
      to: 'HTTP_HOST',
      message: msg('change.nginxHttpHost', { file: 'uwsgi_params', host: JSON.stringify(host) }),
    },
  ];
  if (request.framing === 'chunked')
    changes.push({ kind: 'rewritten', to: 'CONTENT_LENGTH', message: msg('change.nginxChunkedLength') });
  const headers = nginxHeaderParams(request, 'uwsgi_params');
  pairs.push(...headers.pairs);
  changes.push(...headers.changes);
  return { pairs, changes, body: request.body };
}
