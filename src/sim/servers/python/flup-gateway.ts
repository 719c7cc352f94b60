import type { Change, Pair } from '../../trace.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import type { FcgiRecord } from '../../fastcgi/record.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { makeRecord } from '../../fastcgi/record.ts';
import { encodeEndRequestBody } from '../../fastcgi/bodies.ts';
import { paddingFor } from '../../fastcgi/stream.ts';
import { concatBytes, fromLatin1 } from '../../bytes.ts';
import { modelledFromSource, productVersion } from '../../upstream-versions.ts';
import { msg } from '../../message.ts';
import { PYTHON_EXCEPTION_LINE } from '../../apps/fault-apps.ts';
import type { FlupHandled } from './flup-handler.ts';

/** flup's label: there is no Debian or npm package, so its behaviour comes from reading fcgi_base.py. */
export const FLUP_PROVENANCE = modelledFromSource(productVersion('flup'), 'flup/server/fcgi_base.py');

/** flup writes each write() as records of at most maxwrite - 8 = 8184 bytes (maxwrite = 8192), padded to 8 (Record.write: -length & 7). */
const FLUP_MAX_WRITE = 8192 - 8;

/** The warning _sanitizeEnv writes to wsgi.errors (and so to FastCGI STDERR) when SCRIPT_NAME is not a prefix of REQUEST_URI. */
export const FLUP_SCRIPT_NAME_WARNING = 'WARNING: SCRIPT_NAME does not match REQUEST_URI';

/**
 * The environ flup's WSGIServer.handler builds from the PARAMS (a dict of latin-1 strs: a repeated name keeps its
 * first place and its last value). flup decodes each PARAMS record on its own, so it would misread a pair that
 * straddles two records; the web servers modelled here send all params in one record.
 */
export function flupEnviron(params: readonly Pair[]): { environ: Environ; changes: Change[]; stderr: string } {
  const environ = new Environ();
  const changes: Change[] = [];
  let stderr = '';
  for (const [name, value] of params) {
    if (environ.has(name))
      changes.push({
        kind: 'dropped',
        from: name,
        message: msg('change.flupDictOverwrite', { name }),
      });
    environ.set(name, pyStr(value));
  }
  environ.set('wsgi.version', pyTuple(1, 0));
  environ.set('wsgi.input', pyObject('<flup.server.fcgi_base.InputStream object>'));
  environ.set('wsgi.errors', pyObject('<flup.server.fcgi_base.TeeOutputStream object>'));
  environ
    .set('wsgi.multithread', pyBool(true))
    .set('wsgi.multiprocess', pyBool(false))
    .set('wsgi.run_once', pyBool(false));
  const https = environ.str('HTTPS', 'off');
  environ.set('wsgi.url_scheme', pyStr(https === 'on' || https === '1' ? 'https' : 'http'));
  changes.push({ kind: 'added', to: 'wsgi.version', message: msg('change.flupWsgiKeys') });
  // fcgi_base.py _sanitizeEnv: make sure SCRIPT_NAME, PATH_INFO and QUERY_STRING exist, rebuilding them from REQUEST_URI.
  if (!environ.has('SCRIPT_NAME')) environ.set('SCRIPT_NAME', pyStr(''));
  const requestUri = environ.has('REQUEST_URI') ? environ.str('REQUEST_URI').split('?') : null;
  const uriPath = requestUri ? (requestUri[0] ?? '') : null;
  const uriQuery = requestUri && requestUri.length > 1 ? requestUri.slice(1).join('?') : null;
  if (!environ.str('PATH_INFO')) {
    if (uriPath !== null) {
      const scriptName = environ.str('SCRIPT_NAME');
      if (!uriPath.startsWith(scriptName)) stderr += FLUP_SCRIPT_NAME_WARNING;
      const pathInfo = uriPath.slice(scriptName.length);
      environ.set('PATH_INFO', pyStr(pathInfo));
      changes.push({
        kind: 'added',
        to: 'PATH_INFO',
        message: msg('change.flupPathInfo', { pathInfo: JSON.stringify(pathInfo) }),
      });
    } else {
      environ.set('PATH_INFO', pyStr(''));
    }
  }
  if (!environ.str('QUERY_STRING')) environ.set('QUERY_STRING', pyStr(uriQuery ?? ''));
  const defaults: Pair[] = [
    ['REQUEST_METHOD', 'GET'],
    ['SERVER_NAME', 'localhost'],
    ['SERVER_PORT', '80'],
    ['SERVER_PROTOCOL', 'HTTP/1.0'],
  ];
  for (const [name, value] of defaults) {
    if (!environ.has(name)) {
      stderr += `WSGIServer: missing FastCGI param ${name} required by WSGI!\n`;
      environ.set(name, pyStr(value));
    }
  }
  return { environ, changes, stderr };
}

/**
 * The records flup writes back: one STDOUT record with "Status:" and the headers (Content-Length added when the
 * iterable had one item), one per body write, an empty STDOUT, STDERR if anything was logged, END_REQUEST.
 */
export function flupResponseRecords(
  requestId: number,
  result: WsgiRunResult,
  stderr: string,
): { records: FcgiRecord[]; stdout: Uint8Array } {
  const headers = [...result.headers];
  if (!headers.some(([n]) => n.toLowerCase() === 'content-length') && result.sized && result.chunks.length === 1)
    headers.push(['Content-Length', String(result.body.length)]);
  let head = `Status: ${result.status}\r\n`;
  for (const [name, value] of headers) head += `${name}: ${value}\r\n`;
  head += '\r\n';
  const writes = [fromLatin1(head), ...result.chunks.filter((c) => c.length > 0)];
  const records: FcgiRecord[] = [];
  for (const data of writes) {
    for (let at = 0; at < data.length; at += FLUP_MAX_WRITE) {
      const piece = data.subarray(at, Math.min(at + FLUP_MAX_WRITE, data.length));
      records.push(makeRecord('STDOUT', requestId, piece, paddingFor(piece.length, true)));
    }
  }
  records.push(makeRecord('STDOUT', requestId, new Uint8Array(0)));
  if (stderr) {
    const data = fromLatin1(stderr);
    records.push(
      makeRecord('STDERR', requestId, data, paddingFor(data.length, true)),
      makeRecord('STDERR', requestId, new Uint8Array(0)),
    );
  }
  records.push(makeRecord('END_REQUEST', requestId, encodeEndRequestBody(0, 'REQUEST_COMPLETE')));
  return { records, stdout: concatBytes(writes) };
}

/** BaseFCGIServer.error's page with debug off (WSGIServer's default): no Status line, so the answer is a 200. */
const FLUP_ERROR_PAGE =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>Unhandled Exception</title>\n</head><body>\n<h1>Unhandled Exception</h1>\n<p>An unhandled exception was thrown by the application.</p>\n</body></html>\n';

/** The traceback Request.run prints to the request's STDERR stream (traceback.print_exc), from the application's frame on. */
export function flupTraceback(frames: readonly string[]): string {
  return `${['Traceback (most recent call last):', ...frames, PYTHON_EXCEPTION_LINE].join('\n')}\n`;
}

/**
 * The records flup writes when the application raised before any output (Request.run): the traceback on STDERR,
 * then BaseFCGIServer.error's page on STDOUT, each stream closed with an empty record, END_REQUEST. As the fault
 * runs' scripted peer plays it (tests/fixtures/apps/flup_peer.py).
 */
export function flupRaisedRecords(
  requestId: number,
  traceback: string,
): { records: FcgiRecord[]; stdout: Uint8Array; stderr: string } {
  const err = fromLatin1(traceback);
  const stdout = fromLatin1(`Content-Type: text/html\r\n\r\n${FLUP_ERROR_PAGE}`);
  return {
    records: [
      makeRecord('STDERR', requestId, err, paddingFor(err.length, true)),
      makeRecord('STDOUT', requestId, stdout, paddingFor(stdout.length, true)),
      makeRecord('STDOUT', requestId, new Uint8Array(0)),
      makeRecord('STDERR', requestId, new Uint8Array(0)),
      makeRecord('END_REQUEST', requestId, encodeEndRequestBody(0, 'REQUEST_COMPLETE')),
    ],
    stdout,
    stderr: traceback,
  };
}

/**
 * The records of a handled result (`runFlupHandler`), in the order the peer writes them: each STDOUT write cut into
 * records of at most 8184 bytes, the traceback on STDERR where it came (printed and flushed at once: before the
 * error page, or after the body so far), the empty STDOUT that closes it, then what sat in the buffered STDERR
 * stream (`environStderr`, flup's SCRIPT_NAME warning from building the environ), the empty STDERR, END_REQUEST.
 * `stderr` is the traceback alone.
 */
export function flupHandledRecords(
  requestId: number,
  handled: FlupHandled,
  environStderr: string,
): { records: FcgiRecord[]; stdout: Uint8Array; stderr: string } {
  const stdoutRecords: FcgiRecord[] = [];
  for (const data of handled.writes)
    for (let at = 0; at < data.length; at += FLUP_MAX_WRITE) {
      const piece = data.subarray(at, Math.min(at + FLUP_MAX_WRITE, data.length));
      stdoutRecords.push(makeRecord('STDOUT', requestId, piece, paddingFor(piece.length, true)));
    }
  const stderrRecord = (text: string): FcgiRecord[] => {
    if (!text) return [];
    const data = fromLatin1(text);
    return [makeRecord('STDERR', requestId, data, paddingFor(data.length, true))];
  };
  const traceback = stderrRecord(handled.stderr);
  const ordered = handled.errorPage ? [...traceback, ...stdoutRecords] : [...stdoutRecords, ...traceback];
  return {
    records: [
      ...ordered,
      makeRecord('STDOUT', requestId, new Uint8Array(0)),
      ...stderrRecord(environStderr),
      ...(handled.stderr || environStderr ? [makeRecord('STDERR', requestId, new Uint8Array(0))] : []),
      makeRecord('END_REQUEST', requestId, encodeEndRequestBody(0, 'REQUEST_COMPLETE')),
    ],
    stdout: concatBytes(handled.writes),
    stderr: handled.stderr,
  };
}
