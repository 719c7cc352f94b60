import type { WsgiExceptionLine } from './application.ts';
import { msg, type Message } from '../message.ts';
/** What the application passed to start_response (PEP 3333 "The start_response() Callable"). */
export interface StartResponseCall {
  status: string;
  headers: [string, string][];
  /** Whether exc_info was passed. */
  withExcInfo: boolean;
  /** The exception exc_info carries, when known. */
  excInfoException?: WsgiExceptionLine;
  /** How many body items the iterable had yielded before the call (0: during the call or the first next()). */
  afterItems: number;
}

/** A start_response that records its calls and enforces PEP 3333's rules; `error` says what was violated. */
export interface StartResponseRecorder {
  (status: string, headers: [string, string][], excInfo?: boolean | WsgiExceptionLine, afterItems?: number): void;
  calls: StartResponseCall[];
  error: Message | null;
}

const RE_STATUS = /^\d{3} [^\r\n]*$/;
const RE_LATIN1 = /^[\x00-\xff]*$/;

/** Creates a recording start_response. */
export function createStartResponse(): StartResponseRecorder {
  const recorder = ((
    status: string,
    headers: [string, string][],
    excInfo: boolean | WsgiExceptionLine = false,
    afterItems = 0,
  ) => {
    const withExcInfo = excInfo !== false;
    // PEP 3333: "it is a fatal error to call start_response without the exc_info argument if start_response has already been called"
    if (recorder.calls.length > 0 && !withExcInfo) recorder.error ??= msg('wsgi.secondStartResponse');
    // PEP 3333: status is "999 Message here"; header names and values are native strings (latin-1), no control characters.
    if (!RE_STATUS.test(status)) recorder.error ??= msg('wsgi.invalidStatus', { status: JSON.stringify(status) });
    for (const [name, value] of headers) {
      if (!RE_LATIN1.test(name + value) || /[\r\n]/.test(name + value))
        recorder.error ??= msg('wsgi.invalidHeader', { name: JSON.stringify(name) });
      if (name.toLowerCase() === 'connection' || name.toLowerCase() === 'keep-alive') {
        recorder.error ??= msg('wsgi.hopByHopHeader', { name });
      }
    }
    recorder.calls.push({
      status,
      headers,
      withExcInfo,
      afterItems,
      ...(typeof excInfo === 'object' ? { excInfoException: excInfo } : {}),
    });
  }) as StartResponseRecorder;
  recorder.calls = [];
  recorder.error = null;
  return recorder;
}
