/**
 * A request as the variant generator edits it: the request line's parts, the header lines, the payload and how it
 * is framed, each line's ending. Text is latin-1 standing for bytes. `serialiseRequest` writes the framing headers
 * (Content-Length, Transfer-Encoding) from `framing`, after the other headers, so that a variant's body and its
 * framing agree unless the framing itself is what the variant changes.
 */
export interface HeaderLine {
  name: string;
  value: string;
  /** The whole line as sent, when it is no `name: value` (no colon, obs-fold, a space before the colon…). */
  raw?: string;
  /** This line's ending, when it is not the request's. */
  eol?: string;
}

/** How the payload goes on the wire (RFC 9112 §6: Content-Length or chunked transfer coding). */
export interface Framing {
  kind: 'none' | 'length' | 'chunked' | 'both';
  /**
   * How the Content-Length value is written: `plain` digits (default), with leading `zeros`, a `plus` sign,
   * trailing `space`s, or as a `list` of the same value twice (RFC 9110 §8.6).
   */
  lengthForm?: 'plain' | 'zeros' | 'plus' | 'space' | 'list';
  /** With `both`: Content-Length counts the `payload` or the `encoded` chunked body (default). */
  bothLength?: 'payload' | 'encoded';
  /** The Transfer-Encoding value as sent (default `chunked`). */
  coding?: string;
  /** Payload bytes per chunk (default: the whole payload in one chunk). */
  chunkSize?: number;
  /** Hex digits of a chunk size: `lower` (default), `upper`, or `padded` (leading zeros). */
  hex?: 'lower' | 'upper' | 'padded';
  /** Written after each chunk size (RFC 9112 §7.1.1 chunk extensions), e.g. `;name=value`. */
  extension?: string;
  /** Trailer fields after the last chunk (RFC 9112 §7.1.2), as raw lines. */
  trailers?: string[];
  /** The first chunk's size line malformed: `zz`, or the right size written with a `0x` prefix. */
  badSize?: 'zz' | '0x';
  /** Line ending inside the chunked body (default CRLF). */
  chunkEol?: string;
}

export interface RequestModel {
  method: string;
  target: string;
  /** `null`: an HTTP/0.9 simple request, `GET /path` and nothing else. */
  version: string | null;
  /** Between method, target and version. */
  separator: string;
  headers: HeaderLine[];
  /** Every line's ending unless a line says otherwise. */
  eol: string;
  /** The request line's ending, when it is not `eol`. */
  requestLineEol?: string;
  /** The ending of the empty line after the headers, when it is not `eol`. */
  finalEol?: string;
  /** Bytes before the request line (RFC 9112 §2.2: empty lines a server should ignore). */
  prefix?: string;
  payload: string;
  framing: Framing;
}

const FRAMING_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding']);

/**
 * Read one of the corpus's well-formed requests into a model: CRLF lines, `name: value` headers, a body framed by
 * Content-Length or chunked. Throws on anything else (only such cases serve as bases).
 */
export function parseRequest(bytes: Uint8Array, label: string): RequestModel {
  const text = Buffer.from(bytes).toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`${label}: no CRLF CRLF after the headers`);
  const [requestLine = '', ...lines] = text.slice(0, headEnd).split('\r\n');
  const parts = requestLine.split(' ');
  const [method, target, version] = parts;
  if (parts.length !== 3 || !method || !target || !version) throw new Error(`${label}: request line "${requestLine}"`);
  const headers: HeaderLine[] = [];
  let length: number | undefined;
  let chunked = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`${label}: header line "${line}"`);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'content-length') length = Number(value);
    else if (name.toLowerCase() === 'transfer-encoding') chunked = value.toLowerCase() === 'chunked';
    if (!FRAMING_HEADERS.has(name.toLowerCase())) headers.push({ name, value });
  }
  const rest = text.slice(headEnd + 4);
  if (chunked) {
    return { ...common(), payload: dechunk(rest, label), framing: { kind: 'chunked' } };
  }
  if (length !== undefined) {
    if (rest.length !== length) throw new Error(`${label}: body of ${rest.length} bytes, Content-Length ${length}`);
    return { ...common(), payload: rest, framing: { kind: 'length' } };
  }
  if (rest.length > 0) throw new Error(`${label}: ${rest.length} bytes after a request without a body`);
  return { ...common(), payload: '', framing: { kind: 'none' } };

  function common(): Omit<RequestModel, 'payload' | 'framing'> {
    return { method: method ?? '', target: target ?? '', version: version ?? '', separator: ' ', headers, eol: '\r\n' };
  }
}

function dechunk(text: string, label: string): string {
  let payload = '';
  let at = 0;
  for (;;) {
    const lineEnd = text.indexOf('\r\n', at);
    if (lineEnd < 0) throw new Error(`${label}: unterminated chunk size line`);
    const size = parseInt(text.slice(at, lineEnd).split(';')[0] ?? '', 16);
    if (!Number.isFinite(size)) throw new Error(`${label}: bad chunk size`);
    if (size === 0) return payload;
    payload += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** The exact bytes of a request model. */
export function serialiseRequest(model: RequestModel): Buffer {
  const { eol } = model;
  const requestLine =
    model.version === null
      ? `${model.method}${model.separator}${model.target}`
      : `${model.method}${model.separator}${model.target}${model.separator}${model.version}`;
  if (model.version === null) return Buffer.from(`${model.prefix ?? ''}${requestLine}${eol}`, 'latin1');
  const body = encodeBody(model.payload, model.framing);
  const lines = [
    `${model.prefix ?? ''}${requestLine}${model.requestLineEol ?? eol}`,
    ...model.headers.map((header) => `${header.raw ?? `${header.name}: ${header.value}`}${header.eol ?? eol}`),
    ...framingHeaders(model.payload, body, model.framing).map((line) => `${line}${eol}`),
    model.finalEol ?? eol,
  ];
  return Buffer.from(`${lines.join('')}${body}`, 'latin1');
}

function framingHeaders(payload: string, body: string, framing: Framing): string[] {
  const coding = `Transfer-Encoding: ${framing.coding ?? 'chunked'}`;
  switch (framing.kind) {
    case 'none':
      return [];
    case 'length':
      return [`Content-Length: ${lengthValue(payload.length, framing)}`];
    case 'chunked':
      return [coding];
    case 'both':
      return [
        `Content-Length: ${lengthValue(framing.bothLength === 'payload' ? payload.length : body.length, framing)}`,
        coding,
      ];
  }
}

function lengthValue(length: number, framing: Framing): string {
  switch (framing.lengthForm ?? 'plain') {
    case 'plain':
      return String(length);
    case 'zeros':
      return `000${length}`;
    case 'plus':
      return `+${length}`;
    case 'space':
      return `${length}   `;
    case 'list':
      return `${length}, ${length}`;
  }
}

function encodeBody(payload: string, framing: Framing): string {
  if (framing.kind === 'none') return '';
  if (framing.kind === 'length') return payload;
  const eol = framing.chunkEol ?? '\r\n';
  const size = Math.max(1, framing.chunkSize ?? payload.length);
  const chunks: string[] = [];
  for (let at = 0; at < payload.length; at += size) chunks.push(payload.slice(at, at + size));
  const sizeLine = (length: number): string => {
    const hex = length.toString(16);
    if (framing.hex === 'upper') return hex.toUpperCase();
    if (framing.hex === 'padded') return hex.padStart(6, '0');
    return hex;
  };
  const badSize = (length: number): string => (framing.badSize === '0x' ? `0x${length.toString(16)}` : 'zz');
  let body = chunks
    .map((chunk, index) =>
      index === 0 && framing.badSize !== undefined
        ? `${badSize(chunk.length)}${eol}${chunk}${eol}`
        : `${sizeLine(chunk.length)}${framing.extension ?? ''}${eol}${chunk}${eol}`,
    )
    .join('');
  if (chunks.length === 0 && framing.badSize !== undefined) body = `${badSize(0)}${eol}`;
  const trailers = (framing.trailers ?? []).map((line) => `${line}${eol}`).join('');
  return `${body}0${framing.extension ?? ''}${eol}${trailers}${eol}`;
}
