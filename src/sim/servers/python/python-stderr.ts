import type { LogLine } from '../../trace.ts';
import type { RequestContext } from '../request-context.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { WSGI_FAULT_APP, pythonTraceback } from '../../faults/wsgi-fault-app.ts';

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

/** The traceback of wsgi_exception.py under a server whose frames (outermost first) call the application. */
export function exceptionTraceback(serverFrames: readonly string[]): string[] {
  const { frame, last } = WSGI_FAULT_APP.exception;
  return pythonTraceback([...serverFrames, ...frame], last);
}
