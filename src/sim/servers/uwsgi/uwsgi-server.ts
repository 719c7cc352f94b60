import type { Change, Message, Pair } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { concatBytes, fromLatin1 } from '../../bytes.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { VOLATILE } from '../../volatile.ts';

/** uWSGI 2.0.21 with its python3 plugin, as Debian 12 packages it, behind nginx. */
export const UWSGI_PROVENANCE = verifiedAgainst(productVersion('uwsgi'));

/** The reference uwsgi.ini: Debian's default.ini (master, 2 workers, no threads) and `mount = /app=…` with manage-script-name. */
export const UWSGI_CONFIG = {
  /** `mount = /app=dump_wsgi.py`: the application's mountpoint, taken off PATH_INFO into SCRIPT_NAME. */
  mountpoint: '/app',
  /** `--buffer-size` default: the largest vars block (datasize) uWSGI reads; beyond it, it drops the connection. */
  bufferSize: 4096,
  /** The most vars uWSGI parses with the default `--max-vars` (verified: 127 pass, 128 fail the request). */
  maxVars: 127,
  workers: 2,
  threads: 1,
} as const;

/**
 * Why uWSGI refuses a packet without answering (it logs, closes the socket and nginx answers 502), or null. Verified by
 * varying the size and the number of headers: "invalid request block size: 4097 (max 4096)...skip" past
 * `--buffer-size`, "max vec size reached. skip this var." and a failed request from the 128th var on.
 */
export function uwsgiRefusal(datasize: number, vars: number): Message | null {
  if (datasize > UWSGI_CONFIG.bufferSize)
    return msg('reject.uwsgiBlockSize', { bytes: datasize, max: UWSGI_CONFIG.bufferSize });
  if (vars > UWSGI_CONFIG.maxVars) return msg('reject.uwsgiMaxVars', { vars, max: UWSGI_CONFIG.maxVars });
  return null;
}

/**
 * The environ uWSGI's python3 plugin builds: the vars in packet order in a dict (a repeated key keeps its first place
 * and takes its last value), PATH_INFO cut after the mountpoint in place and SCRIPT_NAME added after the vars
 * (manage-script-name), then the wsgi.* and uwsgi.* keys in the order the plugin sets them.
 */
export function uwsgiEnviron(vars: readonly Pair[]): { environ: Environ; changes: Change[] } {
  const environ = new Environ();
  const changes: Change[] = [];
  for (const [name, value] of vars) {
    if (environ.has(name))
      changes.push({ kind: 'dropped', from: name, message: msg('change.uwsgiDictOverwrite', { name }) });
    environ.set(name, pyStr(value));
  }
  const pathInfo = environ.str('PATH_INFO');
  const { mountpoint } = UWSGI_CONFIG;
  if (pathInfo.startsWith(mountpoint)) {
    environ.set('PATH_INFO', pyStr(pathInfo.slice(mountpoint.length)));
    environ.set('SCRIPT_NAME', pyStr(mountpoint));
    changes.push({
      kind: 'rewritten',
      from: 'PATH_INFO',
      to: 'SCRIPT_NAME',
      message: msg('change.uwsgiManageScriptName', {
        scriptName: JSON.stringify(mountpoint),
        pathInfo: JSON.stringify(pathInfo.slice(mountpoint.length)),
      }),
    });
  }
  environ
    .set('wsgi.input', pyObject('<uwsgi._Input object>'))
    .set('wsgi.file_wrapper', pyObject('<built-in function uwsgi_sendfile>'))
    .set('wsgi.version', pyTuple(1, 0))
    // LANG=C, as the Debian service starts it: Python's stderr encoding is ASCII.
    .set('wsgi.errors', pyObject("<_io.TextIOWrapper name=2 mode='w' encoding='ANSI_X3.4-1968'>"))
    .set('wsgi.run_once', pyBool(false))
    .set('wsgi.multithread', pyBool(UWSGI_CONFIG.threads > 1))
    .set('wsgi.multiprocess', pyBool(UWSGI_CONFIG.workers > 1))
    .set('wsgi.url_scheme', pyStr(urlScheme(environ)))
    .set('uwsgi.version', pyObject("b'2.0.21-debian'"))
    .set('uwsgi.node', pyObject(VOLATILE.variables['uwsgi.node']));
  changes.push({ kind: 'added', to: 'wsgi.version', message: msg('change.uwsgiWsgiKeys') });
  return { environ, changes };
}

/**
 * wsgi.url_scheme as uWSGI's Python plugin sets it: the request's scheme if the packet gave one (protocol.c takes
 * HTTP_X_FORWARDED_PROTO's value as it is), else `https` when HTTPS or HTTP_X_FORWARDED_SSL (the later var wins)
 * starts with `on` (any case) or `1`, else `http` (wsgi_subhandler.c; verified: `on`, `ON`, `1`, `off`). Captured:
 * case 128.
 */
function urlScheme(environ: Environ): string {
  const scheme = environ.has('HTTP_X_FORWARDED_PROTO') ? environ.str('HTTP_X_FORWARDED_PROTO') : '';
  if (scheme !== '') return scheme;
  const https = environ.has('HTTP_X_FORWARDED_SSL') ? environ.str('HTTP_X_FORWARDED_SSL') : environ.str('HTTPS');
  return /^(on|1)/i.test(https) ? 'https' : 'http';
}

/**
 * What uWSGI writes back on the socket: an HTTP status line with the request's SERVER_PROTOCOL, the application's
 * headers as given, a blank line, and the body — for HEAD too (nginx drops it). Nothing is added: no Content-Length,
 * no Date, no Server.
 */
export function uwsgiResponseBytes(result: WsgiRunResult, serverProtocol: string): Uint8Array {
  let head = `${serverProtocol} ${result.status}\r\n`;
  for (const [name, value] of result.headers) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  return concatBytes([fromLatin1(head), result.body]);
}
