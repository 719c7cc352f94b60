import type { GatewayVariables, RecordStyle } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change, Pair } from '../../trace.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { nginxHeaderParams } from './nginx-header-params.ts';
import { nginxBodyBuffers } from './nginx-body-buffers.ts';
import { nginxHost, nginxRequestUri, nginxUri } from './nginx-uri.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { nginxRemoteUser } from './nginx-remote-user.ts';
import { msg } from '../../message.ts';

/**
 * nginx pads every record to 8 bytes and sends STDIN in records of at most 32 KiB, one buffer of the body after
 * the other (verified).
 */
export const NGINX_RECORDS: RecordStyle = {
  params: { maxContentLength: 65535, padTo8: true, terminate: true },
  stdin: { maxContentLength: 32768, padTo8: true, terminate: true },
  flags: 0,
  bodyBuffers: nginxBodyBuffers,
};

/**
 * The FastCGI parameters nginx sends for `location /app/` of the reference config: Debian's fastcgi_params in
 * file order (ending with its `HTTP_HOST $host`), `fastcgi_split_path_info ^(/app)(/.*)$`, an optional
 * SCRIPT_FILENAME, PATH_INFO, then every request header as HTTP_* (fastcgi_pass_request_headers on).
 */
export function nginxFastcgiParams(context: RequestContext, scriptFilename: string | null): GatewayVariables {
  const { request, target } = context;
  const uri = nginxUri(context);
  // PCRE without flags: `.` stops at a newline and `$` also matches before a final one, so `/app/\n` splits into
  // /app and `/` while a newline inside the path leaves no match (captured: 108).
  const split = /^(\/app)(\/.*)\n?$/.exec(uri);
  const scriptName = split ? (split[1] ?? uri) : uri;
  const pathInfo = split ? (split[2] ?? '') : '';
  const contentType = findHeader(request.headers, 'content-type')?.value ?? '';
  const contentLength =
    request.framing === 'chunked'
      ? String(request.body.length)
      : (findHeader(request.headers, 'content-length')?.value ?? '');
  const requestUri = nginxRequestUri(context);
  const pairs: Pair[] = [
    ['QUERY_STRING', target.query ?? ''],
    ['REQUEST_METHOD', request.method],
    ['CONTENT_TYPE', contentType],
    ['CONTENT_LENGTH', contentLength],
    ['SCRIPT_NAME', scriptName],
    ['REQUEST_URI', requestUri],
    ['DOCUMENT_URI', uri],
    ['DOCUMENT_ROOT', REFERENCE_SITE.documentRoot],
    // $server_protocol is empty for an HTTP/0.9 request: the request line had no version.
    ['SERVER_PROTOCOL', request.version === 'HTTP/0.9' ? '' : request.version],
    ['REQUEST_SCHEME', 'http'],
    ['GATEWAY_INTERFACE', 'CGI/1.1'],
    ['SERVER_SOFTWARE', 'nginx/1.22.1'],
    ['REMOTE_ADDR', REFERENCE_SITE.remoteAddr],
    ['REMOTE_PORT', VOLATILE.clientPort],
    ['REMOTE_USER', nginxRemoteUser(request.headers)],
    ['SERVER_ADDR', REFERENCE_SITE.serverAddr],
    ['SERVER_PORT', REFERENCE_SITE.serverPort],
    ['SERVER_NAME', '_'],
    ['REDIRECT_STATUS', '200'],
    ['HTTP_HOST', nginxHost(context, '_')],
  ];
  if (scriptFilename !== null) pairs.push(['SCRIPT_FILENAME', scriptFilename]);
  pairs.push(['PATH_INFO', pathInfo]);
  const changes: Change[] = [
    {
      kind: 'added',
      to: 'SCRIPT_NAME',
      message: msg('change.nginxSplitPathInfo', {
        scriptName: JSON.stringify(scriptName),
        pathInfo: JSON.stringify(pathInfo),
      }),
    },
    {
      kind: 'added',
      to: 'HTTP_HOST',
      message: msg('change.nginxHttpHost', { file: 'fastcgi_params', host: JSON.stringify(nginxHost(context, '_')) }),
    },
    { kind: 'added', to: 'REDIRECT_STATUS', message: msg('change.nginxRedirectStatus') },
  ];
  if (request.framing === 'chunked')
    changes.push({
      kind: 'rewritten',
      to: 'CONTENT_LENGTH',
      message: msg('change.nginxChunkedLength'),
    });
  const headers = nginxHeaderParams(request, 'fastcgi_params');
  pairs.push(...headers.pairs);
  changes.push(...headers.changes);
  return { pairs, changes, body: request.body };
}
