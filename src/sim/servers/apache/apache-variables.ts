import { prefetchReadsAll } from './proxy-fcgi-reads.ts';
import type { GatewayVariables } from '../profile.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change, Pair } from '../../trace.ts';
import { mapHeaders } from '../../cgi/map-headers.ts';
import { findHeader } from '../../http/header-lookup.ts';
import { normalizePath, percentDecode } from '../../http/target.ts';
import { apacheAuthority, apacheServerNameAndPort, apacheSignature } from './apache-names.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg, type Message } from '../../message.ts';

/** ap_os_escape_path: re-escapes what may not appear raw in a URL path (bytes above 0x7F, controls, space, `"#%<>?[\]^{|}` and backquote). */
function escapePath(path: string): string {
  return path.replace(
    /[^A-Za-z0-9$\-_.+!*'(),:@&=/~;]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Which Apache module asks for the variables; each mounts /app differently and orders the blocks differently. */
export interface ApacheMount {
  module: 'mod_cgid' | 'mod_proxy_fcgi' | 'mod_wsgi' | 'mod_python';
  /** SERVER_SOFTWARE; Debian's `ServerTokens OS` keeps module tokens out of it. */
  software: string;
  /** SCRIPT_FILENAME for the mounted script, when there is one. */
  scriptFilename: string;
}

/**
 * The variables Apache builds with ap_add_common_vars() and ap_add_cgi_vars() (server/util_script.c):
 * HTTP_* from headers_in (repeats merged with ", "; Proxy dropped against httpoxy; names with anything but
 * letters, digits and "-" dropped), then the server block, then the CGI block. mod_wsgi and mod_python put the
 * CGI block first.
 */
export function apacheVariables(context: RequestContext, mount: ApacheMount): GatewayVariables {
  const { request, target } = context;
  const changes: Change[] = [];
  // Apache decodes the path, resolves dot segments and merges slashes (MergeSlashes On) before mapping it.
  const decodedPath = normalizePath(percentDecode(target.path), true);
  const chunked = request.framing === 'chunked';
  // mod_proxy_fcgi reads ahead: a body whose end it read is sent with its length; a longer one is streamed as it
  // comes, a chunked one with its Transfer-Encoding passed on and no CONTENT_LENGTH (see prefetchReadsAll).
  const whole = mount.module === 'mod_proxy_fcgi' && prefetchReadsAll(context);
  const streamed = chunked && mount.module === 'mod_proxy_fcgi' && !whole;
  const drop: Record<string, Message> = {
    proxy: msg('change.apacheDropsProxy'),
    authorization: msg('change.apacheWithholdsAuthorization'),
    'proxy-authorization': msg('change.apacheWithholdsProxyAuthorization'),
  };
  if (chunked && findHeader(request.headers, 'content-length'))
    drop['content-length'] = msg('change.apacheDropsContentLength');
  if (chunked && mount.module === 'mod_proxy_fcgi' && !streamed)
    drop['transfer-encoding'] = msg('change.proxyFcgiDropsTransferEncoding');
  const authority = apacheAuthority(context);
  // An http:// target's host replaces the Host field (apr_table_setn): one HTTP_HOST however many were sent.
  const firstHost = request.headers.findIndex((field) => field.name.toLowerCase() === 'host');
  const fields =
    authority === null
      ? request.headers
      : request.headers.filter((field, index) => index === firstHost || field.name.toLowerCase() !== 'host');
  const headers = mapHeaders(fields, {
    // For an absolute-form target Apache replaces Host with the target's host and port (vhost.c,
    // ap_update_vhost_from_headers: the host name lower-cased by fix_hostname, the user part left out).
    transformValue: (name, value) => {
      if (name === 'host' && authority !== null) return authority.replace(/^[^@]*@/, '').toLowerCase();
      // mod_proxy_fcgi sends the length of a body it read whole in plain digits (captured: `00037` arrives as 37);
      // a longer one's Content-Length goes on as sent (`00032768`: found by the variant generator).
      if (name === 'content-length' && whole) return String(request.body.length);
      return value;
    },
    duplicates: 'join',
    joinSeparator: ', ',
    cookieSeparator: ', ',
    drop,
    dropNonAlnumNames: true,
    contentType: 'CONTENT_TYPE',
    contentLength: 'CONTENT_LENGTH',
  });
  changes.push(...headers.changes);
  const headerPairs = headers.pairs;
  const sentLength = findHeader(request.headers, 'content-length')?.value;
  if (!chunked && whole && sentLength !== undefined && sentLength !== String(request.body.length))
    changes.push({
      kind: 'rewritten',
      to: 'CONTENT_LENGTH',
      message: msg('change.proxyFcgiPlainLength', { sent: sentLength }),
    });
  if (chunked && mount.module === 'mod_proxy_fcgi' && !streamed) {
    headerPairs.push(['CONTENT_LENGTH', String(request.body.length)]);
    changes.push({
      kind: 'added',
      to: 'CONTENT_LENGTH',
      message: msg('change.proxyFcgiChunkedLength'),
    });
  }

  const { name, port } = apacheServerNameAndPort(context);
  const mountPrefix = '/app';
  const underApp = decodedPath === mountPrefix || decodedPath.startsWith(`${mountPrefix}/`);
  let scriptName = decodedPath;
  let pathInfo: string | null = null;
  let contextPrefix = '';
  let contextRoot: string = REFERENCE_SITE.documentRoot;
  if (mount.module === 'mod_proxy_fcgi') {
    changes.push({
      kind: 'added',
      to: 'SCRIPT_NAME',
      message: msg('change.proxyFcgiScriptName'),
    });
  } else if (underApp) {
    scriptName = mountPrefix;
    pathInfo = decodedPath.slice(mountPrefix.length);
    if (mount.module === 'mod_cgid') {
      contextPrefix = mountPrefix;
      contextRoot = mount.scriptFilename;
    }
    changes.push({
      kind: 'decoded',
      to: 'PATH_INFO',
      message: msg('change.apacheSplitPath', { prefix: mountPrefix, pathInfo: JSON.stringify(pathInfo) }),
    });
  }
  const requestUri = mount.module === 'mod_python' ? decodedPath : request.target;
  const scriptFilename =
    mount.module === 'mod_proxy_fcgi'
      ? `proxy:fcgi://127.0.0.1:${REFERENCE_SITE.upstreamPort}${escapePath(decodedPath.slice(mountPrefix.length))}`
      : mount.module === 'mod_python'
        ? 'None'
        : mount.scriptFilename;

  const serverBlock: Pair[] = [];
  if (mount.module !== 'mod_wsgi') serverBlock.push(['PATH', REFERENCE_SITE.path]);
  serverBlock.push(
    ['SERVER_SIGNATURE', apacheSignature(mount.software, context)],
    ['SERVER_SOFTWARE', mount.software],
    ['SERVER_NAME', name],
    ['SERVER_ADDR', REFERENCE_SITE.serverAddr],
    ['SERVER_PORT', port],
    ['REMOTE_ADDR', REFERENCE_SITE.remoteAddr],
    ['DOCUMENT_ROOT', REFERENCE_SITE.documentRoot],
    ['REQUEST_SCHEME', 'http'],
    ['CONTEXT_PREFIX', contextPrefix],
    ['CONTEXT_DOCUMENT_ROOT', contextRoot],
    ['SERVER_ADMIN', 'webmaster@localhost'],
    ['SCRIPT_FILENAME', scriptFilename],
    ['REMOTE_PORT', VOLATILE.clientPort],
  );
  const cgiBlock: Pair[] = [
    ['GATEWAY_INTERFACE', 'CGI/1.1'],
    ['SERVER_PROTOCOL', request.version],
    ['REQUEST_METHOD', request.method],
    ['QUERY_STRING', target.query ?? ''],
    ['REQUEST_URI', requestUri],
    ['SCRIPT_NAME', scriptName],
  ];
  // RFC 3875 §4.1.5/§4.1.6: PATH_INFO and PATH_TRANSLATED only when there is extra path.
  if (pathInfo) {
    cgiBlock.push(['PATH_INFO', pathInfo]);
    if (mount.module !== 'mod_python') cgiBlock.push(['PATH_TRANSLATED', `${REFERENCE_SITE.documentRoot}${pathInfo}`]);
  }
  changes.push({
    kind: 'added',
    to: 'SERVER_SIGNATURE',
    message: msg('change.apacheSignature'),
  });
  if (mount.module !== 'mod_wsgi') changes.push({ kind: 'added', to: 'PATH', message: msg('change.apachePathLeaks') });
  const pairs =
    mount.module === 'mod_wsgi' || mount.module === 'mod_python'
      ? [...cgiBlock, ...headerPairs, ...serverBlock]
      : [...headerPairs, ...serverBlock, ...cgiBlock];
  if (mount.module === 'mod_wsgi' && !pathInfo) pairs.push(['PATH_INFO', '']);
  // mod_python's WSGI handler adds Authorization back after Apache's variables (measured in the variant runs).
  const authorization = findHeader(request.headers, 'authorization');
  if (mount.module === 'mod_python' && authorization) {
    pairs.push(['HTTP_AUTHORIZATION', authorization.value]);
    changes.push({ kind: 'added', to: 'HTTP_AUTHORIZATION', message: msg('change.modPythonAuthorization') });
  }
  return { pairs, changes, body: request.body };
}
