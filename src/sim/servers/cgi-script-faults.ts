import type { HttpResponse } from '../http/types.ts';
import type { LogLine, Message } from '../trace.ts';
import type { RequestContext } from './request-context.ts';

/** A server's reaction to a CGI script that failed: what failed (for the hop), its answer and its log lines. */
export interface CgiScriptFailure {
  failed: Message;
  response: HttpResponse;
  log: LogLine[];
}

/** How a server reacts when its CGI script fails (an injected fault), given what the script wrote. */
export interface CgiScriptFaults {
  /** The script wrote nothing to stdout and `stderr` (its traceback) to stderr, and exited. */
  noOutput(context: RequestContext, node: string, stderr: readonly string[]): CgiScriptFailure;
  /** The script's header block holds `line`, which is no header; `stdout` is all it wrote. */
  badHeader(context: RequestContext, node: string, stdout: Uint8Array, line: string): CgiScriptFailure;
  /** Where the script's standard error goes (a traceback, wsgi.errors under CGIHandler): the server's log lines. */
  stderr(node: string, lines: readonly string[]): LogLine[];
  /** The script wrote nothing within the server's timeout; absent where the server has none. */
  timeout?(context: RequestContext, node: string): CgiScriptFailure;
}
