import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import { utf8 } from '../../bytes.ts';
import { reasonPhrase } from '../../http/reason-phrases.ts';
import { contentFor, dateHeader } from '../response-parts.ts';
import { reprStr } from '../../asgi/python-repr.ts';

const EXPLANATIONS: Readonly<Record<number, string>> = {
  400: 'Bad request syntax or unsupported method',
  414: 'URI is too long',
  431: 'The server refused this request because the request header fields are too large',
  500: 'Server got itself in trouble',
  501: 'Server does not support this operation',
  505: 'Cannot fulfill request',
};

/**
 * What handle_one_request and parse_request pass send_error for a limit (Lib/http/server.py, verified): the message
 * is the status line's reason too, and the explanation the http.client exception's text.
 */
const LIMIT_ERRORS: ReadonlyMap<string, { message: string; explain: string }> = new Map([
  ['too-many-fields', { message: 'Too many headers', explain: 'got more than 100 headers' }],
  ['headers-too-large', { message: 'Line too long', explain: 'got more than 65536 bytes when reading header line' }],
]);

/**
 * The status line http.server writes: none for a request whose version word was `HTTP/0.9` (send_response_only and
 * send_header write nothing when request_version is "HTTP/0.9"; wsgiref's client_is_modern() says the same).
 */
export function pythonStatusVersion(context: RequestContext | null): string {
  return context?.request.version === 'HTTP/0.9' ? '' : 'HTTP/1.0';
}

/** The HTML error page of Python 3.11's http.server (BaseHTTPRequestHandler.send_error). */
export function pythonErrorPage(status: number, message: string, explain = EXPLANATIONS[status] ?? ''): Uint8Array {
  // send_error: html.escape(message, quote=False), so quotes stay as they are.
  const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return utf8(
    '<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n' +
      `    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${status}</p>\n        <p>Message: ${escaped}.</p>\n` +
      `        <p>Error code explanation: ${status} - ${explain}.</p>\n    </body>\n</html>\n`,
  );
}

/**
 * A HEAD refused once parse_request has read the request line: send_error writes the page's header block, its
 * Content-Length kept, and the page only `if self.command != 'HEAD'` (Lib/http/server.py send_error; the command
 * is set before http.client.parse_headers reads the fields, so the 431s for too many or too long field lines come
 * without the page; captured, case 144). A refused request line has no command yet: its page is sent.
 */
export const PYTHON_HEAD_REJECTION = 'keep-length';

/**
 * http.server's send_error as a server profile's errorResponse: an HTTP/1.0 answer that closes the connection, or
 * the page alone when the request's version was not understood (there is no version to answer with yet).
 */
export function pythonSendError(
  serverHeader: string,
): (status: number, context: RequestContext | null, code?: string, quoted?: string) => HttpResponse {
  return (status, context, code, quoted) => {
    // handle_one_request: an empty first line has no words, parse_request returns False without a word, and the
    // connection closes (captured: case 116).
    if (code === 'empty-request-line') return { version: '', status, reason: '', headers: [], body: new Uint8Array(0) };
    // parse_request checks the version before it sets request_version (default "HTTP/0.9"), and send_error writes
    // no status line nor headers for HTTP/0.9: a version refused gets the page alone.
    if (code === 'unsupported-version' || code === 'bad-version') {
      const message =
        code === 'bad-version'
          ? `Bad request version (${reprStr(quoted ?? '')})`
          : `Invalid HTTP version (${quoted ?? ''})`;
      return { version: '', status, reason: '', headers: [], body: pythonErrorPage(status, message) };
    }
    const limit = code === undefined ? undefined : LIMIT_ERRORS.get(code);
    // parse_request: send_error(400, "Bad request syntax (%r)" % requestline); the message is the reason phrase too.
    const message =
      code === 'request-line-words' && quoted !== undefined
        ? `Bad request syntax (${reprStr(quoted)})`
        : code === 'http09-method'
          ? `Bad HTTP/0.9 request type (${reprStr(quoted ?? '')})`
          : (limit?.message ?? reasonPhrase(status));
    const body = pythonErrorPage(status, message, limit?.explain);
    return {
      version: pythonStatusVersion(context),
      status,
      reason: message,
      headers: [
        ['Server', serverHeader],
        dateHeader(),
        ['Connection', 'close'],
        ['Content-Type', 'text/html;charset=utf-8'],
        ['Content-Length', String(body.length)],
      ],
      body: contentFor(context, body),
    };
  };
}
