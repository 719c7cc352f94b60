import { describe, expect, it } from 'vitest';
import { nginxProxyRequest } from '../../../../src/sim/servers/nginx/nginx-proxy-request.ts';
import { readUpstreamResponse } from '../../../../src/sim/servers/nginx/nginx-proxy-response.ts';
import { createRequestContext } from '../../../../src/sim/servers/request-context.ts';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { NGINX } from '../../../../src/sim/servers/nginx/nginx-profile.ts';
import { fromLatin1, latin1 } from '../../../../src/sim/bytes.ts';

function context(raw: string) {
  const bytes = fromLatin1(raw);
  const parsed = parseRequest(bytes, NGINX.httpOptions);
  if (!parsed.ok) throw new Error('test request does not parse');
  return createRequestContext(bytes, parsed.request);
}

describe('nginxProxyRequest', () => {
  it('writes the upstream it is given as Host, whatever the upstream is', () => {
    const built = nginxProxyRequest(context('GET /app/x HTTP/1.1\r\nHost: example.test\r\n\r\n'), {
      proxyHost: 'backend.test:8000',
    });
    expect(latin1(built.raw)).toBe('GET /app/x HTTP/1.0\r\nHost: backend.test:8000\r\nConnection: close\r\n\r\n');
  });

  it('sends a de-chunked body with Content-Length and drops the headers the module sets itself', () => {
    const raw =
      'POST /app/ HTTP/1.1\r\nHost: example.test\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n' +
      'Keep-Alive: 5\r\nUpgrade: h2c\r\nTE: trailers\r\nX_Under: 1\r\nX-Kept: yes\r\n\r\n3\r\nabc\r\n0\r\n\r\n';
    const built = nginxProxyRequest(context(raw), { proxyHost: '127.0.0.1:9000' });
    expect(latin1(built.raw)).toBe(
      'POST /app/ HTTP/1.0\r\nHost: 127.0.0.1:9000\r\nConnection: close\r\nContent-Length: 3\r\nX-Kept: yes\r\n\r\nabc',
    );
    const dropped = built.changes.filter((change) => change.kind === 'dropped').map((change) => change.from);
    expect(dropped).toEqual(['Transfer-Encoding', 'Expect', 'Keep-Alive', 'Upgrade', 'TE', 'X_Under']);
  });

  it('passes X-Forwarded-For and X-Real-IP from the client unchanged (no proxy_set_header overrides them)', () => {
    const built = nginxProxyRequest(
      context('GET /app/ HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 9.9.9.9\r\nX-Real-IP: 1.2.3.4\r\n\r\n'),
      { proxyHost: 'up' },
    );
    expect(latin1(built.raw)).toContain('\r\nX-Forwarded-For: 9.9.9.9\r\nX-Real-IP: 1.2.3.4\r\n');
  });

  it('reduces an absolute-form target to its path and query', () => {
    const built = nginxProxyRequest(context('GET http://other.test/app/a?x=1 HTTP/1.1\r\nHost: example.test\r\n\r\n'), {
      proxyHost: 'up',
    });
    expect(latin1(built.raw).split('\r\n', 1)[0]).toBe('GET /app/a?x=1 HTTP/1.0');
  });
});

describe('readUpstreamResponse', () => {
  it('keeps the status line, hides Server and Date, and reads to the close without a length', () => {
    const read = readUpstreamResponse(
      fromLatin1('HTTP/1.0 404 Gone Fishing\r\nServer: x\r\nDate: y\r\nX-App: 1\r\n\r\nbody to the end'),
      false,
    );
    expect(read?.response.status).toBe(404);
    expect(read?.response.reason).toBe('Gone Fishing');
    expect(read?.response.headers).toEqual([['X-App', '1']]);
    expect(latin1(read?.response.body ?? new Uint8Array())).toBe('body to the end');
  });

  it("does not pass the upstream connection's Keep-Alive on", () => {
    const read = readUpstreamResponse(
      fromLatin1('HTTP/1.0 200 OK\r\nKeep-Alive: timeout=5\r\nContent-Length: 2\r\n\r\nok'),
      false,
    );
    expect(read?.response.headers).toEqual([['Content-Length', '2']]);
  });

  it('gives null for bytes that are no HTTP response (nginx answers 502)', () => {
    expect(readUpstreamResponse(fromLatin1('garbage\r\n\r\n'), false)).toBeNull();
  });
});
