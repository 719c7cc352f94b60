/** Splits a raw HTTP message (latin-1 text) into labelled parts: start line, headers, blank line, body. */

/** What a part of an HTTP message is. */
export type HttpPartKind = 'method' | 'target' | 'version' | 'status' | 'reason' | 'header' | 'blank' | 'body' | 'line';

/** A labelled part. `name` and `value` are set for headers; `text` is the exact text (line end included). */
export interface HttpPart {
  kind: HttpPartKind;
  text: string;
  name?: string;
  value?: string;
}

const RE_REQUEST_LINE = /^(\S+) (\S+) (HTTP\/\S+)$/;
const RE_STATUS_LINE = /^(HTTP\/\S+) (\d{3})(?: (.*))?$/;
const RE_LINE = /[^\n]*\n|[^\n]+$/g;

/** Labels the parts of a raw request or response. Lines that fit no pattern are kept as `line`. */
export function httpParts(raw: string): HttpPart[] {
  const parts: HttpPart[] = [];
  const lines = raw.match(RE_LINE) ?? [];
  let at = 0;
  let index = 0;
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '');
    if (index === 0) {
      const request = RE_REQUEST_LINE.exec(bare);
      const status = RE_STATUS_LINE.exec(bare);
      if (request) {
        parts.push({ kind: 'method', text: request[1] ?? '' });
        parts.push({ kind: 'target', text: request[2] ?? '' });
        parts.push({ kind: 'version', text: `${request[3] ?? ''}${line.slice(bare.length)}` });
      } else if (status) {
        parts.push({ kind: 'version', text: status[1] ?? '' });
        parts.push({ kind: 'status', text: status[2] ?? '' });
        parts.push({ kind: 'reason', text: `${status[3] ?? ''}${line.slice(bare.length)}` });
      } else parts.push({ kind: 'line', text: line });
    } else if (bare === '') {
      parts.push({ kind: 'blank', text: line });
      at += line.length;
      break;
    } else {
      const colon = bare.indexOf(':');
      if (colon > 0) {
        parts.push({
          kind: 'header',
          text: line,
          name: bare.slice(0, colon),
          value: bare.slice(colon + 1).trim(),
        });
      } else parts.push({ kind: 'line', text: line });
    }
    at += line.length;
    index++;
  }
  if (at < raw.length) parts.push({ kind: 'body', text: raw.slice(at) });
  return parts;
}
