import type { Change } from '../../trace.ts';
import type { HttpRequest } from '../../http/types.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { utf8AsLatin1 } from '../../bytes.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { VOLATILE } from '../../volatile.ts';
import { msg } from '../../message.ts';
import { GUNICORN_SETTINGS as SETTINGS } from './gunicorn-settings.ts';

/** The environ Gunicorn builds, and whether it answered `Expect: 100-continue` on the socket first. */
export interface GunicornEnviron {
  environ: Environ;
  changes: Change[];
  continued: boolean;
}

/**
 * gunicorn/http/wsgi.py `create()` for a request read from a TCP socket whose peer is `peer`: base_environ and
 * default_environ first, then every header in order (HTTP_*, repeats joined by "," with no space; Content-Type and
 * Content-Length as CONTENT_TYPE and CONTENT_LENGTH), then the scheme, the peer, SERVER_NAME and SERVER_PORT from
 * the listening address (not from Host), PATH_INFO and SCRIPT_NAME (from the process environment, empty here).
 */
export function gunicornEnviron(request: HttpRequest, peer: { addr: string; port: string }): GunicornEnviron {
  const environ = new Environ();
  const changes: Change[] = [];
  // PEP 3333: wsgi.multiprocess "should evaluate true if an equivalent application object may be simultaneously
  // invoked by another process"; Gunicorn sets it from workers > 1.
  environ
    .set('wsgi.errors', pyObject('<gunicorn.http.wsgi.WSGIErrorsWrapper object>'))
    .set('wsgi.version', pyTuple(1, 0))
    .set('wsgi.multithread', pyBool(false))
    .set('wsgi.multiprocess', pyBool(SETTINGS.workers > 1))
    .set('wsgi.run_once', pyBool(false))
    .set('wsgi.file_wrapper', pyObject("<class 'gunicorn.http.wsgi.FileWrapper'>"))
    .set('wsgi.input_terminated', pyBool(true))
    .set('SERVER_SOFTWARE', pyStr(SETTINGS.software))
    .set('wsgi.input', pyObject('<gunicorn.http.body.Body object>'))
    .set(
      'gunicorn.socket',
      pyObject(
        `<socket.socket fd=${SETTINGS.socketFd}, family=2, type=1, proto=0, laddr=('${SETTINGS.bind.host}', ${SETTINGS.bind.port}), raddr=('${peer.addr}', ${peer.port})>`,
      ),
    );
  const { path, query, fragment } = splitRequestUri(request.target);
  environ
    .set('REQUEST_METHOD', pyStr(request.method))
    .set('QUERY_STRING', pyStr(query))
    .set('RAW_URI', pyStr(request.target))
    .set('SERVER_PROTOCOL', pyStr(request.version));
  let scheme = 'http';
  const trusted = SETTINGS.forwardedAllowIps.includes(peer.addr);
  let continued = false;
  for (const header of request.headers) {
    const name = header.name.toUpperCase();
    if (trusted && SETTINGS.secureSchemeHeaders.has(name)) {
      scheme = header.value === SETTINGS.secureSchemeHeaders.get(name) ? 'https' : 'http';
      changes.push({
        kind: 'rewritten',
        from: header.name,
        to: 'wsgi.url_scheme',
        message: msg('change.gunicornScheme', { header: header.name, scheme, peer: peer.addr }),
      });
    }
    if (name === 'EXPECT' && header.value.toLowerCase() === '100-continue') continued = true;
    if (name === 'CONTENT-TYPE' || name === 'CONTENT-LENGTH') {
      environ.set(name.replace('-', '_'), pyStr(header.value));
      continue;
    }
    const key = `HTTP_${name.replaceAll('-', '_')}`;
    const before = environ.get(key);
    if (before?.kind === 'str') {
      environ.set(key, pyStr(`${before.value},${header.value}`));
      changes.push({
        kind: 'joined',
        from: header.name,
        to: key,
        message: msg('change.gunicornJoins', { header: header.name, key }),
      });
    } else environ.set(key, pyStr(header.value));
  }
  environ
    .set('wsgi.url_scheme', pyStr(scheme))
    .set('REMOTE_ADDR', pyStr(peer.addr))
    .set('REMOTE_PORT', pyStr(peer.port))
    .set('SERVER_NAME', pyStr(SETTINGS.bind.host))
    .set('SERVER_PORT', pyStr(SETTINGS.bind.port));
  changes.push({
    kind: 'added',
    to: 'SERVER_NAME',
    message: msg('change.gunicornServerName', { host: SETTINGS.bind.host, port: SETTINGS.bind.port }),
  });
  const pathInfo = unquoteToWsgiStr(path);
  environ.set('PATH_INFO', pyStr(pathInfo)).set('SCRIPT_NAME', pyStr(''));
  if (pathInfo !== path)
    changes.push({
      kind: 'decoded',
      from: 'RAW_URI',
      to: 'PATH_INFO',
      message: msg(/[^\x00-\x7f]/.test(path) ? 'change.gunicornDoubleEncodes' : 'change.gunicornUnquotes'),
    });
  if (fragment !== null)
    changes.push({
      kind: 'dropped',
      from: 'RAW_URI',
      to: 'PATH_INFO',
      message: msg('change.gunicornFragment', { fragment: JSON.stringify(`#${fragment}`) }),
    });
  return { environ, changes, continued };
}

/**
 * gunicorn/http/message.py parse_headers: from a peer in forwarded_allow_ips, two secure_scheme_headers that
 * disagree (one says https, the other not) raise InvalidSchemeHeaders, which Gunicorn answers with 400.
 */
export function contradictoryScheme(request: HttpRequest, peer: { addr: string }): boolean {
  if (!SETTINGS.forwardedAllowIps.includes(peer.addr)) return false;
  const verdicts = new Set<boolean>();
  for (const header of request.headers) {
    const expected = SETTINGS.secureSchemeHeaders.get(header.name.toUpperCase());
    if (expected !== undefined) verdicts.add(header.value === expected);
  }
  return verdicts.size > 1;
}

/** gunicorn/util.py split_request_uri: urllib.parse.urlsplit, with a leading "//" kept in the path. */
function splitRequestUri(uri: string): { path: string; query: string; fragment: string | null } {
  const hash = uri.indexOf('#');
  const fragment = hash < 0 ? null : uri.slice(hash + 1);
  const rest = hash < 0 ? uri : uri.slice(0, hash);
  const q = rest.indexOf('?');
  return { path: q < 0 ? rest : rest.slice(0, q), query: q < 0 ? '' : rest.slice(q + 1), fragment };
}

/**
 * gunicorn/util.py unquote_to_wsgi_str: `urllib.parse.unquote_to_bytes(string).decode("latin-1")`. The request
 * line was read as latin-1 text, and unquote_to_bytes encodes text as UTF-8 before decoding %XX: escapes become
 * their bytes, but a raw byte above 0x7F comes out as two (the UTF-8 of its latin-1 character).
 */
function unquoteToWsgiStr(path: string): string {
  const encoded = utf8AsLatin1(path);
  return encoded.replace(/%([0-9a-fA-F]{2})/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The peer as Gunicorn sees it behind a proxy on the same machine: the proxy's own address and ephemeral port. */
export const LOOPBACK_PEER = { addr: REFERENCE_SITE.remoteAddr, port: VOLATILE.clientPort } as const;
