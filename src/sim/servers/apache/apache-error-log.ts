import type { LogLine } from '../../trace.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { VOLATILE } from '../../volatile.ts';

/** `ErrorLog ${APACHE_LOG_DIR}/error.log` of the reference apache2.conf, as the test setup places it. */
export const APACHE_ERROR_LOG = `${REFERENCE_SITE.root}/log/error.log`;

/** The fixed values of a line's volatile parts (`VOLATILE.logLines` masks captured lines to these). */
const TIME = '[Mon Jan 01 00:00:00.000000 2024]';
const PROCESS = '[pid 1000:tid 1000]';

/** Who the line is about: the client (`[client …]`), or the client as a daemon process sees it (`[remote …]`). */
export type ApachePeer = 'client' | 'remote' | null;

/**
 * One line as ap_log_rerror/ap_log_error write it under the default ErrorLogFormat (server/log.c): time, `[module:level]`,
 * process and thread, an OS error `(errno)text: ` when there is one, the peer, then the message.
 */
export function apacheLogLine(
  module: string,
  text: string,
  options: { peer?: ApachePeer; errno?: string; level?: string } = {},
): LogLine {
  const peer = options.peer === undefined ? 'client' : options.peer;
  const parts = [TIME, `[${module}:${options.level ?? 'error'}]`, PROCESS];
  if (options.errno) parts.push(`${options.errno}:`);
  if (peer) parts.push(`[${peer} ${REFERENCE_SITE.remoteAddr}:${VOLATILE.clientPort}]`);
  return logLine('apache2', APACHE_ERROR_LOG, `${parts.join(' ')} ${text}`);
}

/** Lines a program (node `node`) wrote to its standard error, which Apache's error log receives as they are (mod_cgid). */
export function apacheRawLines(node: string, lines: readonly string[]): LogLine[] {
  return lines.map((line) => logLine(node, APACHE_ERROR_LOG, line));
}
