import type { GatewayVariables } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change, Pair } from '../../trace.ts';
import type { StreamSplitOptions } from '../../fastcgi/stream.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { mapHeaders } from '../../cgi/map-headers.ts';
import { nginxHost, nginxUri } from './nginx-uri.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';

/** nginx pads every record to 8 bytes and sends STDIN in records of at most 32 KiB (verified). */
export const NGINX_RECORDS: { params: StreamSplitOptions; stdin: StreamSplitOptions; flags: number } = {
  params: { maxContentLength: 65535, padTo8: true, terminate: true },
  stdin: { maxContentLength: 32768, padTo8: true, terminate: true },
  flags: 0,
};

/**
 * The FastCGI parameters nginx sends for `location /app/` of the reference config: Debian's fastcgi_params in
 * file order (ending with its `HTTP_HOST $host`), `fastcgi_split_path_info ^(/app)(/.*)$`, an optional
 * SCRIPT_FILENAME, PATH_INFO, then every request header as HTTP_* (fastcgi_pass_request_headers on).
 */
export function nginxFastcgiParams(context: RequestContext, scriptFilename: string | null): GatewayVariables {
  const { request, target } = context;
  const uri = nginxUri(context);
  const split = /^(\/app)(\/.*)$/.exec(uri);
  const scriptName = split ? (split[1] ?? uri) : uri;
  const pathInfo = split ? (split[2] ?? '') : '';
  const contentType = findHeader(request.headers, 'content-type')?.value ?? '';
  const contentLength =
    request.framing === 'chunked'
      ? String(request.body.length)
      : (findHeader(request.headers, 'content-length')?.value ?? '');
  const requestUri =
    target.form === 'absolute' ? `${target.path}${target.query === null ? '' : `?${target.query}`}` : request.target;
  const pairs: Pair[] = [
    ['QUERY_STRING', target.query ?? ''],
    ['REQUEST_METHOD', request.method],
    ['CONTENT_TYPE', contentType],
    ['CONTENT_LENGTH', contentLength],
    ['SCRIPT_NAME', scriptName],
    ['REQUEST_URI', requestUri],
    ['DOCUMENT_URI', uri],
    ['DOCUMENT_ROOT', REFERENCE_SITE.documentRoot],
    ['SERVER_PROTOCOL', request.version],
    ['REQUEST_SCHEME', 'http'],
    ['GATEWAY_INTERFACE', 'CGI/1.1'],
    ['SERVER_SOFTWARE', 'nginx/1.22.1'],
    ['REMOTE_ADDR', REFERENCE_SITE.remoteAddr],
    ['REMOTE_PORT', VOLATILE.clientPort],
    ['REMOTE_USER', ''],
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
      note: `fastcgi_split_path_info ^(/app)(/.*)$ splits the decoded $uri: SCRIPT_NAME ${JSON.stringify(scriptName)}, PATH_INFO ${JSON.stringify(pathInfo)}`,
    },
    {
      kind: 'added',
      to: 'HTTP_HOST',
      note: `Debian's fastcgi_params sets HTTP_HOST from $host (${JSON.stringify(nginxHost(context, '_'))}), so the Host header itself is not passed again`,
    },
    { kind: 'added', to: 'REDIRECT_STATUS', note: 'fastcgi_params adds REDIRECT_STATUS 200 for PHP' },
  ];
  if (request.framing === 'chunked')
    changes.push({
      kind: 'rewritten',
      to: 'CONTENT_LENGTH',
      note: 'nginx reads the whole chunked body and sends its decoded length as CONTENT_LENGTH',
    });
  const mapped = mapHeaders(request.headers, {
    duplicates: 'separate',
    joinSeparator: ', ',
    cookieSeparator: '; ',
    // nginx skips a header when fastcgi_param already sets the same HTTP_ name.
    drop: { host: 'Host is not sent as a header because fastcgi_params already set HTTP_HOST' },
    dropNonAlnumNames: true,
    contentType: 'HTTP_CONTENT_TYPE',
    contentLength: 'HTTP_CONTENT_LENGTH',
  });
  pairs.push(...mapped.pairs);
  changes.push(
    ...mapped.changes.map((c) =>
      c.kind === 'dropped' && c.from?.includes('_')
        ? {
            ...c,
            note: `nginx ignores ${c.from ?? ''}: underscores in header names are invalid unless underscores_in_headers is on`,
          }
        : c,
    ),
  );
  return { pairs, changes, body: request.body };
}
