import type { ServerLimits } from '../server-limits.ts';

/**
 * Python 3.11's http.server, under wsgiref and Werkzeug: a line is read with readline(65537) and refused above
 * 65,536 bytes with its line end (request line 414, field line 431 "Line too long"); http.client.parse_headers
 * counts every line it reads, the empty one too, and refuses a 101st (431 "Too many headers"), so 99 field lines pass
 * and 100 do not (measured, cases 52–53). No body limit: the application reads what CONTENT_LENGTH says.
 */
export const PYTHON_HTTP_LIMITS: ServerLimits = {
  requestLine: {
    setting: 'readline(65537)',
    value: '65536',
    largest: 65534,
    status: 414,
    origin: { compiledIn: 'Lib/http/server.py BaseHTTPRequestHandler.handle_one_request' },
  },
  fieldLine: {
    setting: '_MAXLINE',
    value: '65536',
    largest: 65534,
    status: 431,
    origin: { compiledIn: 'Lib/http/client.py _MAXLINE' },
  },
  fieldCount: {
    setting: '_MAXHEADERS',
    value: '100',
    largest: 99,
    status: 431,
    origin: { compiledIn: 'Lib/http/client.py _MAXHEADERS, the empty line counted' },
  },
};
