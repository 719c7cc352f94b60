import type { GatewayVariables, RecordStyle } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change, Pair } from '../../trace.ts';
import { mapHeaders } from '../../cgi/map-headers.ts';
import { splitHostPort } from '../request-context.ts';
import { lighttpdDecodedPath, lighttpdNormalizedPath, lighttpdNormalizedQuery } from './lighttpd-uri.ts';
import { lighttpdHeaders, lighttpdHost, lighttpdRequestUri } from './lighttpd-host.ts';
import { lighttpdUpgradeFields } from './lighttpd-upgrade.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/** lighttpd never pads, and splits STDIN at 65535 bytes within 256 KiB pieces of its request-body buffer (verified). */
export const LIGHTTPD_RECORDS: RecordStyle = {
  params: { maxContentLength: 65535, padTo8: false, terminate: true },
  stdin: { maxContentLength: 65535, padTo8: false, terminate: true },
  stdinPiece: 262144,
  flags: 0,
};

/**
 * The environment lighttpd builds for mod_cgi and mod_fastcgi (http_cgi_headers in http_cgi.c): its own variables
 * first, then HTTP_* with Content-Type as CONTENT_TYPE; repeats joined (Cookie with "; "); Proxy dropped.
 */
export function lighttpdVariables(
  context: RequestContext,
  mount: { scriptFilename: string | null; takesUpgrade: boolean },
): GatewayVariables {
  const { request } = context;
  const changes: Change[] = [];
  const decoded = lighttpdDecodedPath(context);
  const normalized = lighttpdNormalizedPath(context);
  const prefix = '/app';
  const under = decoded === prefix || decoded.startsWith(`${prefix}/`);
  const scriptName = under ? prefix : decoded;
  const pathInfo = under ? decoded.slice(prefix.length) : '';
  const hostSource = lighttpdHost(context);
  const serverName = hostSource ? splitHostPort(hostSource).name : '';
  const requestUri = lighttpdRequestUri(context);
  const normalizedQuery = lighttpdNormalizedQuery(context);
  const query = normalizedQuery ?? '';
  const pairs: Pair[] = [
    ['CONTENT_LENGTH', String(request.body.length)],
    ['QUERY_STRING', query],
    ['REQUEST_URI', requestUri],
  ];
  const redirectUri = `${normalized}${normalizedQuery === null ? '' : `?${normalizedQuery}`}`;
  if (redirectUri !== requestUri) {
    pairs.push(['REDIRECT_URI', redirectUri]);
    changes.push({
      kind: 'added',
      to: 'REDIRECT_URI',
      message: msg('change.lighttpdRedirectUri'),
    });
  }
  pairs.push(['REDIRECT_STATUS', '200'], ['SCRIPT_NAME', scriptName]);
  // With mod_alias pointing /app at the script file, lighttpd's document root for the request is that file.
  const documentRoot = mount.scriptFilename ?? REFERENCE_SITE.documentRoot;
  if (pathInfo) pairs.push(['PATH_INFO', pathInfo], ['PATH_TRANSLATED', `${documentRoot}${pathInfo}`]);
  pairs.push(
    ['SCRIPT_FILENAME', mount.scriptFilename ?? `${REFERENCE_SITE.documentRoot}${scriptName}`],
    ['DOCUMENT_ROOT', documentRoot],
    ['REQUEST_METHOD', request.method],
    ['SERVER_PROTOCOL', request.version],
    ['SERVER_SOFTWARE', 'lighttpd/1.4.69'],
    ['GATEWAY_INTERFACE', 'CGI/1.1'],
    ['REQUEST_SCHEME', 'http'],
    ['SERVER_PORT', REFERENCE_SITE.serverPort],
    ['SERVER_ADDR', REFERENCE_SITE.serverAddr],
    ['SERVER_NAME', serverName],
    ['REMOTE_ADDR', REFERENCE_SITE.remoteAddr],
    ['REMOTE_PORT', VOLATILE.clientPort],
  );
  changes.push(
    {
      kind: 'added',
      to: 'CONTENT_LENGTH',
      message: msg('change.lighttpdContentLength'),
    },
    {
      kind: 'decoded',
      to: 'PATH_INFO',
      message: msg('change.lighttpdSplitPath', { prefix, pathInfo: JSON.stringify(pathInfo) }),
    },
  );
  const upgraded = lighttpdUpgradeFields(lighttpdHeaders(context), mount.takesUpgrade);
  changes.push(...upgraded.changes);
  const mapped = mapHeaders(upgraded.headers, {
    duplicates: 'join',
    joinSeparator: ', ',
    cookieSeparator: '; ',
    drop: {
      proxy: msg('change.lighttpdDropsProxy'),
      'transfer-encoding': msg('change.lighttpdDropsTransferEncoding'),
      // Expect is answered and removed where the body is read (h1_check_expect_100); a request without a body
      // keeps it, whatever its value (captured: GET with `Expect: 100-continue` or `something-else`).
      ...(request.framing === 'chunked' || request.body.length > 0
        ? { expect: msg('change.lighttpdDropsExpect') }
        : {}),
    },
    dropNonAlnumNames: false,
    // buffer_copy_string_encoded_cgi_varnames: letters upper-cased, digits kept, anything else `_` (captured by the
    // variant runs: `X-Dot.Name`).
    underscoreOthers: true,
    contentType: 'CONTENT_TYPE',
    contentLength: 'HTTP_CONTENT_LENGTH',
    transformValue: (name, value) => (name === 'host' ? value.toLowerCase() : value),
  });
  pairs.push(...mapped.pairs);
  changes.push(...mapped.changes);
  return { pairs, changes, body: request.body };
}
