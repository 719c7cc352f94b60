import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { isBytesItem, type WsgiOtherItem } from '../../wsgi/application.ts';
import { utf8 } from '../../bytes.ts';
import { HandlerRaise, handlerError, lastLine, splitTraceback, tracebackLines } from '../python/gateway-raise.ts';
import type { GatewayRules } from '../../wsgi/gateway-rules.ts';
import { replayResult, type ReplayedCall } from '../python/replay-result.ts';

/** What mod_python's WSGI handler did with an application's result. */
export interface ModPythonOutput {
  /** Every header list start_response was given, in order (mod_python adds each to headers_out). */
  headers: [string, string][];
  /** What req.write() sent, one flush each. */
  parts: Uint8Array[];
  /** What the application wrote to wsgi.errors (Apache's error log as it is), then the traceback entries. */
  errors: string[];
  traceback: string[];
  failure: string | null;
}

/** A Python str from its repr() (`'…'` or `"…"` with backslash escapes): what req.write() is handed. */
export function strFromRepr(repr: string): string {
  const body = repr.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, escape: string) => {
    const simple: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"' };
    if (escape.length > 1) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    return Object.hasOwn(simple, escape) ? (simple[escape] ?? escape) : `\\${escape}`;
  });
}

/** req.write(token): bytes as they are, a str encoded (UTF-8), anything else refused. */
function written(item: Uint8Array | WsgiOtherItem): Uint8Array {
  if (isBytesItem(item)) return item;
  if (item.type === 'str') return utf8(strFromRepr(item.repr));
  throw handlerError('TypeError', `Argument must be bytes or str, not ${item.type}`);
}

/**
 * mod_python 3.5.0's `mod_python.wsgi.handler` (/usr/lib/python3/dist-packages/mod_python/wsgi.py, observed with
 * tests/fixtures/lab/): `response = app(env, req.wsgi_start_response)`, then `req.write(token)` for each item (a
 * str too), close() only when the result is neither a list nor a tuple. req.wsgi_start_response re-raises exc_info
 * whenever it is given, refuses a status without a three-digit code (`ValueError: Invalid status line: …`) and adds
 * each header list to the response's. An exception goes to HandlerDispatch, which logs it.
 */
export function runModPythonHandler(result: WsgiRunResult): ModPythonOutput {
  const errors = result.errors.flatMap((text) => splitTraceback(text));
  const headers: [string, string][] = [];
  const parts: Uint8Array[] = [];
  const startResponse = (call: ReplayedCall) => {
    if (call.withExcInfo)
      throw new HandlerRaise({ line: call.excInfoException ?? { type: 'Exception', message: '' }, traceback: [] });
    if (!/^\d{3}/.test(call.status)) throw handlerError('ValueError', `Invalid status line: ${call.status}`);
    headers.push(...call.headers);
  };
  const raised = replayResult(result, {
    startResponse,
    item: (item) => {
      const data = written(item);
      if (data.length > 0) parts.push(data);
    },
    closes: result.returnedType !== 'list' && result.returnedType !== 'tuple',
  });
  return {
    headers,
    parts,
    errors,
    traceback: raised ? tracebackLines(raised) : [],
    failure: raised ? lastLine(raised.line) : null,
  };
}

/**
 * mod_python raises nothing into the application: it sends the first status with both header lists, and a str
 * (captured: `start_twice`, `str_body`).
 */
export const MOD_PYTHON_RULES: GatewayRules = { startResponseAgain: 'replace', nonBytes: 'continue' };
