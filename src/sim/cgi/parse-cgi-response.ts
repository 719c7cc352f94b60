import type { Pair } from '../trace.ts';
import { latin1 } from '../bytes.ts';

/** RFC 3875 §6.1: the three kinds of CGI response (plus the redirect-with-document variant). */
export type CgiResponseKind = 'document' | 'local-redirect' | 'client-redirect' | 'client-redirect-with-document';

/** A parsed CGI response (script stdout). */
export interface CgiResponse {
  kind: CgiResponseKind;
  /** Status from the `Status:` field, or 302 for a client redirect, or 200. */
  status: number;
  /** Reason phrase given in `Status:` ("" when the script gave none). */
  reason: string;
  /** Whether a `Status:` field was present. */
  hasStatusField: boolean;
  /** All header fields except `Status:`, in order. */
  headers: Pair[];
  body: Uint8Array;
  /** Location value, when present. */
  location: string | null;
  /** A WSGI application's answer: len() of its iterable, or null when it has none (see `WsgiIterable.sized`). */
  iterableLength?: number | null;
  /**
   * An HTTP upstream's status line after its version, as sent (`200 OK`, `200`): nginx's proxy keeps it
   * (ngx_http_proxy_process_status_line copies it to `status_line`) and writes it in its own status line.
   */
  statusText?: string;
}

/** A located problem in the script's output. */
export interface CgiResponseError {
  message: string;
  offset: number;
}

const RE_STATUS = /^(\d{3})(?:[ \t]+(.*))?$/;

/** Parses CGI stdout (RFC 3875 §6.2–§6.3): header fields up to an empty line, then the body. Never throws. */
export function parseCgiResponse(
  stdout: Uint8Array,
): { ok: true; response: CgiResponse } | { ok: false; error: CgiResponseError } {
  const headers: Pair[] = [];
  let status = 200;
  let reason = '';
  let hasStatusField = false;
  let location: string | null = null;
  let at = 0;
  for (;;) {
    const lf = stdout.indexOf(0x0a, at);
    if (lf < 0)
      return {
        ok: false,
        error: {
          message: 'The script output ends before the blank line that closes its headers',
          offset: stdout.length,
        },
      };
    // RFC 3875 §6.3: header lines end with NL; servers accept CRLF as well.
    const end = lf > at && stdout[lf - 1] === 0x0d ? lf - 1 : lf;
    const line = latin1(stdout.subarray(at, end));
    const start = at;
    at = lf + 1;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0)
      return { ok: false, error: { message: 'Malformed header line in the script output', offset: start } };
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (lower === 'status') {
      // RFC 3875 §6.3.3: Status = "Status:" status-code SP reason-phrase NL
      const match = RE_STATUS.exec(value);
      if (!match) return { ok: false, error: { message: 'Status field is not a 3-digit code', offset: start } };
      status = Number(match[1]);
      reason = match[2] ?? '';
      hasStatusField = true;
      continue;
    }
    if (lower === 'location') location = value;
    headers.push([name, value]);
  }
  const body = stdout.slice(at);
  let kind: CgiResponseKind = 'document';
  if (location !== null) {
    // RFC 3875 §6.2.2: local-redir-response = local-Location NL (a path, nothing else).
    if (location.startsWith('/') && headers.length === 1 && !hasStatusField) kind = 'local-redirect';
    // RFC 3875 §6.2.3/§6.2.4: client-redirect, optionally with a document.
    else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(location))
      kind = body.length > 0 || hasStatusField ? 'client-redirect-with-document' : 'client-redirect';
    if (kind.startsWith('client-redirect') && !hasStatusField) status = 302;
  }
  return { ok: true, response: { kind, status, reason, hasStatusField, headers, body, location } };
}
