import type { AsgiEvent } from '../../asgi/asgi-types.ts';
import type { H11Request } from './uvicorn-scope.ts';
import type { Pair } from '../../trace.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { VOLATILE } from '../../volatile.ts';

/**
 * h11 (Uvicorn's HTTP implementation when httptools is not installed, as on Debian 12) reads the request line,
 * the header lines and a Content-Length body. Its request-target must be visible ASCII (RFC 9112 §3.2's
 * characters); anything else is a RemoteProtocolError. Returns null then.
 */
export function h11ReadRequest(raw: string): H11Request | null {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const [requestLine = '', ...fieldLines] = head.split('\r\n');
  const match = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) ([\x21-\x7e]+) HTTP\/(\d\.\d)$/.exec(requestLine);
  if (!match) return null;
  const headers: Pair[] = fieldLines.map((line) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return {
    method: match[1] ?? '',
    target: match[2] ?? '',
    httpVersion: match[3] ?? '',
    headers,
    body: end < 0 ? '' : raw.slice(end + 4),
  };
}

/**
 * Uvicorn's answer to a request h11 could not read (send_400_response): no date or server header, its
 * `connection: close` replaced by h11's own `Connection: close`, and the text with no length, ended by closing.
 */
export function uvicornBadRequest(): string {
  return 'HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nInvalid HTTP request received.';
}

/**
 * The bytes Uvicorn writes for the application's send events. The status line is HTTP/1.1 with Python's
 * http.HTTPStatus phrase (the application gives only a number); Uvicorn's default headers `date` and
 * `server: uvicorn` come first in lower case, then the application's headers as given. h11 frames the body:
 * Content-Length when the application set one, otherwise chunked for an HTTP/1.1 peer, or ended by closing the
 * connection for an HTTP/1.0 peer; it adds `Connection: close` when the connection will not be reused (always
 * for HTTP/1.0 without keep-alive, which is what nginx sends).
 */
export function uvicornResponse(request: H11Request, sent: readonly AsgiEvent[]): string {
  const start = sent.find((event) => event.type === 'http.response.start');
  const status = start?.status ?? 500;
  const appHeaders = start?.headers ?? [];
  const headers: Pair[] = [['date', VOLATILE.headers.date], ['server', 'uvicorn'], ...appHeaders];
  const hasLength = appHeaders.some(([name]) => name.toLowerCase() === 'content-length');
  const http11 = request.httpVersion === '1.1';
  const chunked = !hasLength && http11;
  if (chunked) headers.push(['Transfer-Encoding', 'chunked']);
  const connection = request.headers.find(([name]) => name.toLowerCase() === 'connection')?.[1].toLowerCase() ?? '';
  const keepAlive = http11 ? !connection.includes('close') : false;
  if (!keepAlive) headers.push(['Connection', 'close']);
  const parts =
    request.method === 'HEAD'
      ? []
      : sent.filter((event) => event.type === 'http.response.body').map((event) => event.body ?? '');
  const body =
    request.method === 'HEAD'
      ? ''
      : chunked
        ? parts
            .filter((part) => part.length > 0)
            .map((part) => `${part.length.toString(16)}\r\n${part}\r\n`)
            .join('') + '0\r\n\r\n'
        : parts.join('');
  const head = headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n${head}\r\n${body}`;
}
