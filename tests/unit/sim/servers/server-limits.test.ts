import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { headBufferReader } from '../../../../src/sim/http/request-limits.ts';
import { effectiveLimits, limitRefusal, type ServerLimits } from '../../../../src/sim/servers/server-limits.ts';
import { APACHE_LIMITS } from '../../../../src/sim/servers/apache/apache-limits.ts';
import { APACHE } from '../../../../src/sim/servers/apache/apache-profile.ts';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';
import type { Hop, Trace } from '../../../../src/sim/trace.ts';
import { stepLineIds } from '../../../../src/components/player/config-highlight.ts';
import { originAnchor } from '../../../../src/render/origin-anchor.ts';

const HOST = 'Host: example.test\r\n';

/** A GET whose request line is exactly `length` bytes before its CRLF. */
function requestLine(length: number): string {
  const start = 'GET /app/?q=';
  const end = ' HTTP/1.1';
  return `${start}${'a'.repeat(length - start.length - end.length)}${end}\r\n${HOST}\r\n`;
}

/** A GET with one `X-Long` field line of exactly `length` bytes before its CRLF. */
function fieldLine(length: number): string {
  return `GET /app/ HTTP/1.1\r\n${HOST}X-Long: ${'b'.repeat(length - 'X-Long: '.length)}\r\n\r\n`;
}

/** A GET with `count` field lines, Host among them. */
function fields(count: number): string {
  const extra = Array.from({ length: count - 1 }, (_, i) => `X-${String(i)}: a\r\n`).join('');
  return `GET /app/ HTTP/1.1\r\n${HOST}${extra}\r\n`;
}

/** A GET with `count` field lines of `size` bytes each, line end included, after Host. */
function bigLines(count: number, size: number): string {
  const lines = Array.from({ length: count }, (_, i) => {
    const name = `X-${String(i)}: `;
    return `${name}${'v'.repeat(size - name.length - 2)}\r\n`;
  });
  return `GET /app/ HTTP/1.1\r\nHost: e\r\n${lines.join('')}\r\n`;
}

function trace(pipeline: string, request: string): Trace {
  return runPipeline(pipeline, fromLatin1(request), { app: 'dump' });
}

function statusOf(pipeline: string, request: string): number {
  return Number(trace(pipeline, request).response.raw.slice(9, 12));
}

/** The English sentence of the change that refused the request, on any hop. */
function refusal(result: Trace): string {
  const words = traceWords('en');
  const change = result.hops.flatMap((hop) => hop.changes).find((c) => c.kind === 'rejected');
  return change ? words.message(change.message) : '';
}

describe('request-line limits, at the measured boundaries', () => {
  it.each([
    ['apache-static', 8191, 404, 8192, 414],
    ['nginx-static', 8190, 404, 8191, 414],
    ['nginx-gunicorn', 4094, 200, 4095, 400],
    ['wsgiref', 65534, 200, 65535, 414],
    ['werkzeug', 65534, 200, 65535, 414],
  ] as const)('%s takes %i bytes (%i) and refuses %i (%i)', (pipeline, largest, ok, over, refused) => {
    expect(statusOf(pipeline, requestLine(largest))).toBe(ok);
    expect(statusOf(pipeline, requestLine(over))).toBe(refused);
  });

  it('Cheroot has no limit of its own', () => {
    expect(statusOf('cherrypy', requestLine(65537))).toBe(200);
    expect(statusOf('cherrypy', fields(1000))).toBe(200);
  });
});

describe('field-line limits', () => {
  it.each([
    ['apache-static', 8191, 404, 8192, 400],
    ['nginx-static', 8190, 404, 8191, 400],
    ['nginx-gunicorn', 8188, 200, 8189, 400],
    ['wsgiref', 65534, 200, 65535, 431],
  ] as const)('%s takes %i bytes (%i) and refuses %i (%i)', (pipeline, largest, ok, over, refused) => {
    expect(statusOf(pipeline, fieldLine(largest))).toBe(ok);
    expect(statusOf(pipeline, fieldLine(over))).toBe(refused);
  });

  it('Python names the line in its status line and page', () => {
    const raw = trace('wsgiref', fieldLine(65535)).response.raw;
    expect(raw).toMatch(/^HTTP\/1\.0 431 Line too long\r\nServer: WSGIServer\/0\.2 Python\/3\.11\.2\r\n/);
    expect(raw).toContain('431 - got more than 65536 bytes when reading header line.');
  });
});

describe('field-count limits', () => {
  it.each([
    ['apache-static', 100, 404, 101, 400],
    ['nginx-static', 1000, 404, 1001, 400],
    ['wsgiref', 99, 200, 100, 431],
    ['werkzeug', 99, 200, 100, 431],
    // Behind nginx, Gunicorn also counts the Host and Connection that nginx sends in place of the client's Host.
    ['nginx-gunicorn', 99, 200, 100, 400],
  ] as const)('%s takes %i fields (%i) and refuses %i (%i)', (pipeline, largest, ok, over, refused) => {
    expect(statusOf(pipeline, fields(largest))).toBe(ok);
    expect(statusOf(pipeline, fields(over))).toBe(refused);
  });

  it("Apache's page names the limit, and the step says where it is set", () => {
    const result = trace('apache-static', fields(101));
    expect(result.response.raw).toContain("The number of request header fields exceeds this server's limit.");
    expect(refusal(result)).toBe(
      'Apache 2.4.71 answers 400: header line 101 is one more than the 100 it accepts. LimitRequestFields 100 is the ' +
        'default built into the server (include/httpd.h DEFAULT_LIMIT_REQUEST_FIELDS); the reference configuration ' +
        'does not set it',
    );
  });

  it('Gunicorn refuses on its own hop, and nginx relays its page', () => {
    const result = trace('nginx-gunicorn', fields(100));
    expect(result.response.raw).toContain('Error parsing headers: &#x27;limit request headers fields&#x27;');
    expect(refusal(result)).toContain('limit_request_fields 100');
  });
});

describe('head limits', () => {
  it('lighttpd counts the whole head, request line and line ends included', () => {
    const head = (total: number): string => {
      const start = `GET /app/ HTTP/1.1\r\nHost: e\r\nX: `;
      return `${start}${'p'.repeat(total - start.length - 4)}\r\n\r\n`;
    };
    expect(head(8192)).toHaveLength(8192);
    expect(statusOf('lighttpd-static', head(8192))).toBe(404);
    const over = trace('lighttpd-static', head(8193));
    expect(over.response.raw).toMatch(/^HTTP\/1\.0 431 Request Header Fields Too Large\r\n/);
    expect(refusal(over)).toContain('server.max-request-field-size 8192');
  });

  it('nginx fits each line in one of its four 8 KiB buffers, and no line straddles two', () => {
    expect(statusOf('nginx-static', bigLines(4, 7000))).toBe(404);
    expect(statusOf('nginx-static', bigLines(5, 7000))).toBe(400);
    expect(statusOf('nginx-static', bigLines(3, 8192))).toBe(404);
    expect(statusOf('nginx-static', bigLines(4, 8192))).toBe(400);
    expect(statusOf('nginx-static', bigLines(8, 4096))).toBe(400);
    expect(statusOf('nginx-static', bigLines(7, 4600))).toBe(400);
    const result = trace('nginx-static', bigLines(5, 7000));
    expect(result.response.raw).toContain('<title>400 Request Header Or Cookie Too Large</title>');
    expect(refusal(result)).toContain('does not fit in its 4 header buffers of 8192 bytes');
  });

  it('reads a head into buffers line by line', () => {
    const take = headBufferReader({ first: 10, count: 2, size: 20 });
    expect(take(0, 8)).toBe('fits');
    expect(take(8, 12)).toBe('fits'); // the first large buffer starts at byte 8
    expect(take(12, 28)).toBe('fits');
    expect(take(28, 40)).toBe('fits'); // the third, and last, buffer starts at byte 28
    expect(take(40, 50)).toBe('no-buffer');
    expect(headBufferReader({ first: 10, count: 4, size: 20 })(0, 21)).toBe('too-long');
  });
});

describe('body limits, checked on Content-Length before the body is read', () => {
  const post = (length: number): string =>
    `POST /app/ HTTP/1.1\r\n${HOST}Content-Type: text/plain\r\nContent-Length: ${String(length)}\r\n\r\n`;

  it('nginx answers 413 above client_max_body_size (1m), with no body sent', () => {
    const result = trace('nginx-static', post(1048577));
    expect(result.response.raw).toMatch(/^HTTP\/1\.1 413 Request Entity Too Large\r\nServer: nginx\/1\.22\.1\r\n/);
    expect(result.response.raw).toContain('Connection: close\r\n');
    expect(result.response.raw).toContain('<center><h1>413 Request Entity Too Large</h1></center>');
    expect(refusal(result)).toContain('client_max_body_size 1m');
    expect(statusOf('nginx-fastcgi-php', post(1048577))).toBe(413);
  });

  it('nginx takes a body of exactly 1 MiB', () => {
    const body = 'x'.repeat(1048576);
    expect(statusOf('nginx-uwsgi', `${post(1048576)}${body}`)).toBe(200);
    expect(statusOf('nginx-uwsgi', `${post(1048577)}${body}x`)).toBe(413);
  });

  it('nginx counts a chunked body once decoded (verified: 1,048,576 bytes pass, 1,048,577 get the same 413)', () => {
    const chunked = (size: number): string =>
      `POST /app/ HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n${'c'.repeat(size)}\r\n0\r\n\r\n`;
    expect(statusOf('nginx-uwsgi', chunked(1048576))).toBe(200);
    const over = trace('nginx-uwsgi', chunked(1048577)).response.raw;
    expect(over).toMatch(
      /^HTTP\/1\.1 413 Request Entity Too Large\r\n[^]*Content-Length: 183\r\nConnection: close\r\n\r\n/,
    );
  });

  it('nginx counts a chunked body only where a handler reads it: a static location discards it unread', () => {
    const chunked = (method: string, path: string, size: number): string =>
      `${method} ${path} HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n${'c'.repeat(size)}\r\n0\r\n\r\n`;
    const served = trace('nginx-static', chunked('GET', '/static/hello.txt', 1048577)).response.raw;
    expect(served).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Connection: keep-alive\r\n/);
    expect(statusOf('nginx-static', chunked('DELETE', '/static/hello.txt', 1048577))).toBe(405);
    expect(statusOf('nginx-static', chunked('POST', '/app/', 1048577))).toBe(404);
    expect(statusOf('nginx-fastcgi-php', chunked('GET', '/static/hello.txt', 1048577))).toBe(200);
    for (const pipeline of ['nginx-fastcgi-php', 'nginx-gunicorn', 'nginx-uvicorn'])
      expect(statusOf(pipeline, chunked('FROB', '/app/', 1048577))).toBe(413);
  });

  it('nginx refuses TRACE with 405 before it compares the body with client_max_body_size', () => {
    const trace413 = (pipeline: string, request: string) => statusOf(pipeline, request);
    const body = 'x'.repeat(1048577);
    const traceRequest = `TRACE /app/ HTTP/1.1\r\n${HOST}Content-Length: 1048577\r\n\r\n${body}`;
    expect(trace413('nginx-static', traceRequest)).toBe(405);
    expect(trace413('nginx-fastcgi-php', traceRequest)).toBe(405);
    expect(trace413('nginx-fastcgi-php', traceRequest.replace('TRACE', 'FROB'))).toBe(413);
    const chunkedTrace = `TRACE /static/hello.txt HTTP/1.1\r\n${HOST}Transfer-Encoding: chunked\r\n\r\n100001\r\n${body}\r\n0\r\n\r\n`;
    expect(trace413('nginx-gunicorn', chunkedTrace)).toBe(405);
  });

  it('Apache answers 413 above LimitRequestBody (1 GiB) without a length, naming the method and the host', () => {
    const result = trace('apache-cgi', post(1073741825));
    const raw = result.response.raw;
    expect(raw).toMatch(/^HTTP\/1\.1 413 Request Entity Too Large\r\n/);
    expect(raw).not.toContain('Content-Length');
    expect(raw).toContain('Connection: close\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n');
    expect(raw).toContain(
      '<h1>Request Entity Too Large</h1>\nThe requested resource does not allow request data with POST requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n<hr>\n<address>Apache/2.4.71 (Debian) Server at example.test Port 8080</address>',
    );
    expect(refusal(result)).toContain('LimitRequestBody 1073741824');
  });

  it('lighttpd and the Python servers have no body limit', () => {
    const body = 'x'.repeat(2 * 1048576);
    for (const pipeline of ['lighttpd-cgi', 'wsgiref', 'cherrypy'])
      expect(statusOf(pipeline, `${post(body.length)}${body}`)).toBe(200);
  });
});

describe('where a limit is set', () => {
  const limits: ServerLimits = {
    fieldCount: {
      setting: 'LimitRequestFields',
      value: '20',
      largest: 20,
      status: 400,
      origin: { file: 'apache2.conf', directive: 'LimitRequestFields 20' },
    },
  };
  const error = {
    code: 'too-many-fields' as const,
    message: { id: 'http.tooManyFields' as const },
    offset: 0,
    status: 431,
    limit: { kind: 'fieldCount' as const, size: 21 },
  };

  it('a line of the configuration becomes the hop’s origin, for the config panel to light', () => {
    const refused = limitRefusal(limits, error);
    expect(refused?.origin).toEqual({
      name: 'LimitRequestFields',
      file: 'apache2.conf',
      directive: 'LimitRequestFields 20',
      limit: true,
    });
    expect(refused && traceWords('zh-cn').message(refused.reason)).toBe(
      '第 21 行请求头超出了它接受的 20 行。LimitRequestFields 20 在 apache2.conf 里设置',
    );
  });

  it('the config panel lights the line of a limit on the step that refuses the request', () => {
    const origin = limitRefusal(limits, error)?.origin;
    if (!origin) throw new Error('no origin');
    const hop = { ...trace('apache-static', fields(101)).hops[1], origins: [origin] } as Hop;
    expect(stepLineIds(hop)).toEqual([originAnchor('apache2.conf', 'LimitRequestFields 20')]);
  });

  it('a compiled-in default has no line to light, and the explanation says so', () => {
    const result = trace('apache-static', fields(101));
    expect(result.hops.flatMap((hop) => hop.origins ?? [])).toEqual([]);
    expect(refusal(result)).toContain('the reference configuration does not set it');
  });

  it('a limit the configuration sets replaces the default for the parser too', () => {
    const { limits: merged, options } = effectiveLimits(APACHE_LIMITS, APACHE.httpOptions, limits);
    expect(merged.requestLine).toBe(APACHE_LIMITS.requestLine);
    expect(options.limits.fieldCount).toBe(20);
    const parsed = parseRequest(fromLatin1(fields(21)), options);
    expect(parsed.ok).toBe(false);
    const refused = parsed.ok ? null : limitRefusal(merged, parsed.error);
    expect(refused?.origin?.directive).toBe('LimitRequestFields 20');
    expect(parseRequest(fromLatin1(fields(20)), options).ok).toBe(true);
    expect(effectiveLimits(APACHE_LIMITS, APACHE.httpOptions, undefined).options).toBe(APACHE.httpOptions);
  });

  it('an error that is no limit is no refusal', () => {
    expect(limitRefusal(limits, { code: error.code, message: error.message, offset: 0, status: 400 })).toBeNull();
  });
});
