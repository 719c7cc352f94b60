import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import type { StartResponseCall } from '../../wsgi/start-response.ts';
import { isBytesItem } from '../../wsgi/application.ts';
import { concatBytes, fromLatin1, latin1 } from '../../bytes.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { fromApplication, lastLine, tracebackLines, type Raised } from '../python/gateway-raise.ts';
import type { GatewayRules } from '../../wsgi/gateway-rules.ts';

/** What uWSGI's python plugin wrote for an application's result, and what it logged. */
export interface UwsgiWsgiOutput {
  /** The header section it wrote (null: none — no status, or one it could not use). */
  head: Uint8Array | null;
  /** The status as its request log line shows it (500 when no header section went out). */
  status: string;
  body: Uint8Array[];
  /** Items it took from the iterator, bytes or not (the request log's "switches"). */
  switches: number;
  /** Lines before the request log line: unhandled objects and tracebacks. */
  log: string[];
  /** Nothing at all was written: the socket closes empty. */
  empty: boolean;
  cut: boolean;
  failure: string | null;
}

const RULE = (text: string): string[] => ['', text, ''];

/**
 * uWSGI 2.0.21's python plugin (observed with tests/fixtures/lab/, FINDINGS.md "Odd application results"):
 * start_response replaces the status and headers whenever called; with exc_info before the headers are out it
 * takes the new status and then fails (`SystemError: <built-in function uwsgi_spit> returned a result with an
 * exception set`, chained to the caught exception), after them `OSError: headers already sent`; an item that is not
 * bytes is logged (`[ERROR] Unhandled object from iterator`) and skipped; the header section goes out with the
 * first item, or at the end when a status was given; a status of a bare code gets uWSGI's reason phrase; a status
 * without a code, or none, leaves the body to be written with no header section.
 */
export function runUwsgiWsgi(result: WsgiRunResult, protocol: string): UwsgiWsgiOutput {
  // What the application writes to wsgi.errors never showed in uWSGI's log while the captures read it (buffered in
  // the worker, observed with errors_write.py and raise_before_start.py): the log shows uWSGI's own lines only.
  const log: string[] = [];
  let status: string | null = null;
  let headers: [string, string][] = [];
  let head: Uint8Array | null = null;
  let headSent = false;
  const body: Uint8Array[] = [];
  let switches = 0;
  let failure: Raised | null = null;

  const sendHead = () => {
    if (headSent) return;
    headSent = true;
    if (status === null || !/^\d{3}(?: |$)/.test(status)) return;
    const line = status.length <= 4 ? `${status.slice(0, 3)} ${reasonPhrase(Number(status.slice(0, 3)))}` : status;
    head = fromLatin1(`${protocol} ${line}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`);
  };
  /** A start_response call; returns the exception it ends the application with, if any. */
  const startResponse = (call: Pick<StartResponseCall, 'status' | 'headers' | 'withExcInfo' | 'excInfoException'>) => {
    const caught = call.excInfoException ?? { type: 'Exception', message: '' };
    const caughtLines = ['Traceback (most recent call last):', lastLine(caught)];
    if (call.withExcInfo && headSent)
      return {
        line: { type: 'OSError', message: 'headers already sent' },
        traceback: [
          ...caughtLines,
          ...RULE('During handling of the above exception, another exception occurred:'),
          'Traceback (most recent call last):',
          'OSError: headers already sent',
        ],
      };
    status = call.status;
    headers = [...call.headers];
    if (!call.withExcInfo) return null;
    const systemError = 'SystemError: <built-in function uwsgi_spit> returned a result with an exception set';
    return {
      line: { type: 'SystemError', message: '<built-in function uwsgi_spit> returned a result with an exception set' },
      traceback: [
        ...caughtLines,
        ...RULE('The above exception was the direct cause of the following exception:'),
        'Traceback (most recent call last):',
        systemError,
      ],
    };
  };

  const run = (): Raised | null => {
    const callsAt = (index: number) => result.calls.filter((call) => call.afterItems === index);
    for (const call of callsAt(0)) {
      const raised = startResponse(call);
      if (raised) return raised;
    }
    if (result.raised?.where === 'call') return fromApplication(result.raised.exception);
    for (const [index, item] of result.items.entries()) {
      if (index > 0)
        for (const call of callsAt(index)) {
          const raised = startResponse(call);
          if (raised) return raised;
        }
      switches += 1;
      if (!isBytesItem(item)) {
        log.push(`Mon Jan  1 00:00:00 2024 - [ERROR] Unhandled object from iterator: ${item.repr} (0x7f0000000000)`);
        continue;
      }
      if (item.length === 0) continue;
      sendHead();
      body.push(item);
    }
    if (result.items.length > 0)
      for (const call of callsAt(result.items.length)) {
        const raised = startResponse(call);
        if (raised) return raised;
      }
    if (result.raised?.where === 'iterate') return fromApplication(result.raised.exception);
    return null;
  };

  failure = run();
  const cutAfter = headSent;
  if (failure) log.push(...tracebackLines(failure));
  // The header section goes out at the end when a status was given, whatever happened.
  if (status !== null) sendHead();
  if (result.raised?.where === 'close' && !failure) {
    failure = fromApplication(result.raised.exception);
    log.push(...tracebackLines(failure));
  }
  const written: Uint8Array | null = head;
  return {
    head: written,
    status: written ? (/^\S+ (\d{3})/.exec(latin1(written))?.[1] ?? '500') : '500',
    body,
    switches,
    log,
    empty: written === null && concatBytes(body).length === 0,
    cut: failure !== null && cutAfter && result.raised?.where !== 'close',
    failure: failure ? lastLine(failure.line) : null,
  };
}

/** uWSGI lets a second start_response replace the first, and skips an item that is not bytes (captured). */
export const UWSGI_RULES: GatewayRules = { startResponseAgain: 'replace', nonBytes: 'continue' };
