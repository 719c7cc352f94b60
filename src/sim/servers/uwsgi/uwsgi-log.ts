import type { LogLine, TraceUwsgiPacket } from '../../trace.ts';
import { latin1 } from '../../bytes.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { PYTHON_EXCEPTION_LINE } from '../../apps/fault-apps.ts';

/** The reference uwsgi.ini names no logto: uWSGI logs on its standard error (the suite's `stderr`). */
export const UWSGI_LOG = 'stderr';

/** What uWSGI wrote back for a request, as its request log line counts it. */
export interface UwsgiAnswer {
  /** The status line's code and reason; what uWSGI logs for a request that wrote nothing is 500. */
  status: string;
  headers: number;
  /** The status line and the header lines with their CRLFs and the blank line. */
  headerBytes: number;
  bodyBytes: number;
  /** uWSGI's "switches": 0 when nothing was written, 1 for one response written at once (verified). */
  switches: number;
}

/** A request whose application raised before it started its response: nothing written, logged as a 500. */
export const UWSGI_NO_ANSWER: UwsgiAnswer = {
  status: '500',
  headers: 0,
  headerBytes: 0,
  bodyBytes: 0,
  switches: 0,
};

/** The counts of the request log line for a response whose header section is `head` and whose body has `bodyBytes`. */
export function uwsgiAnswer(head: Uint8Array, bodyBytes: number): UwsgiAnswer {
  const lines = latin1(head).split('\r\n');
  const status = (lines[0] ?? '').replace(/^\S+ /, '').replace(/ .*$/, '');
  return {
    status,
    headers: lines.slice(1).filter((line) => line !== '').length,
    headerBytes: head.length,
    bodyBytes,
    switches: 1,
  };
}

/**
 * uWSGI's default request log line (logging.c, uwsgi_logit_simple), written after the request is done:
 * `[pid: …|app: …|req: …] addr (user) {vars in bytes} [date] METHOD URI => generated … (PROTOCOL STATUS) …`.
 * Its vars count is two per pair nginx sent, plus two (verified with 15, 16 and 14 pairs: 32, 34, 30); the bytes
 * are the packet's datasize. Volatile parts (pid,
 * request counters, date, milliseconds) have the fixed values of `VOLATILE.logs`. Verified with uWSGI 2.0.21.
 */
export function uwsgiRequestLog(packet: TraceUwsgiPacket, answer: UwsgiAnswer): LogLine {
  const get = (name: string) => packet.vars.find(([n]) => n === name)?.[1] ?? '';
  const line =
    `[pid: 1000|app: 0|req: 1/1] ${get('REMOTE_ADDR')} () {${String(packet.vars.length * 2 + 2)} vars in ${String(packet.datasize)} bytes} ` +
    `[Mon Jan  1 00:00:00 2024] ${get('REQUEST_METHOD')} ${get('REQUEST_URI')} => generated ${String(answer.bodyBytes)} bytes in 0 msecs ` +
    `(${get('SERVER_PROTOCOL')} ${answer.status}) ${String(answer.headers)} headers in ${String(answer.headerBytes)} bytes ` +
    `(${String(answer.switches)} switches on core 0)`;
  return logLine('uwsgi', UWSGI_LOG, line);
}

/**
 * The traceback uWSGI's python plugin prints (PyErr_Print) when the application raises: only the application's
 * frames, since uWSGI calls it from C.
 */
export function uwsgiTraceback(frames: readonly string[]): LogLine[] {
  return ['Traceback (most recent call last):', ...frames, PYTHON_EXCEPTION_LINE].map((line) =>
    logLine('uwsgi', UWSGI_LOG, line),
  );
}
