import type { WsgiExceptionLine } from '../../wsgi/application.ts';

/**
 * Python exceptions inside the simulator's gateway models: the ones the application raised (with its traceback) and
 * the ones a gateway raises itself (its own frames are not modelled, so their traceback is the header and last line).
 */

/** An exception inside the handler's run: its last line, and the application's frames when it came from there. */
export interface Raised {
  line: WsgiExceptionLine;
  traceback: string[];
}

/** Thrown inside a gateway model where Python raises; caught where the gateway catches. */
export class HandlerRaise extends Error {
  readonly raised: Raised;
  constructor(raised: Raised) {
    super(`${raised.line.type}: ${raised.line.message}`);
    this.raised = raised;
  }
}

export const lastLine = (line: WsgiExceptionLine): string =>
  line.message ? `${line.type}: ${line.message}` : line.type;

/** A traceback as print_exception writes it; the handler's own frames are not modelled (only the application's). */
export function tracebackLines(raised: Raised): string[] {
  return raised.traceback.length > 0 ? raised.traceback : ['Traceback (most recent call last):', lastLine(raised.line)];
}

/** An exception the gateway raises itself (an assertion in start_response or write()). */
export const handlerError = (type: string, message: string): HandlerRaise =>
  new HandlerRaise({ line: { type, message }, traceback: [] });

/** The lines of a traceback text, without the empty last one. */
export function splitTraceback(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** An exception that left the application, as the gateway meets it. */
export const fromApplication = (exception: { type: string; message: string; traceback: string }): Raised => ({
  line: { type: exception.type, message: exception.message },
  traceback: splitTraceback(exception.traceback),
});
