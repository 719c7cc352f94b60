import type { LogLine } from '../../trace.ts';
import type { RequestContext } from '../request-context.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { PYTHON_EXCEPTION_LINE, PYTHON_FAULT_FRAMES } from '../../apps/fault-apps.ts';

/** Where a Python server writes its tracebacks and access lines: its standard error (no log file of its own). */
export const PYTHON_STDERR = 'stderr';

/** Lines a Python server (node `node`) writes to its standard error. */
export function stderrLines(node: string, lines: readonly string[]): LogLine[] {
  return lines.map((line) => logLine(node, PYTHON_STDERR, line));
}

/**
 * http.server's access line (BaseHTTPRequestHandler.log_request): client address, the time (fixed value of
 * `VOLATILE.logLines`), the request line as sent, the status and the size (`-` where the server does not know it).
 */
export function accessLine(context: RequestContext, status: number, size: string): string {
  const { method, target, version } = context.request;
  return `${REFERENCE_SITE.remoteAddr} - - [01/Jan/2024 00:00:00] "${method} ${target} ${version}" ${status} ${size}`;
}

/** The traceback Python prints for an exception: the header line, the frames outermost first, the last line. */
export function pythonTraceback(frames: readonly string[], last: string): string[] {
  return ['Traceback (most recent call last):', ...frames, last];
}

/** The traceback of wsgi_exception.py under a server whose frames (outermost first) call the application. */
export function exceptionTraceback(serverFrames: readonly string[]): string[] {
  return pythonTraceback([...serverFrames, ...PYTHON_FAULT_FRAMES.wsgiException], PYTHON_EXCEPTION_LINE);
}

/** The exception's repr(), which Cheroot logs before the traceback. */
export const EXCEPTION_REPR = "RuntimeError('the application failed')";
