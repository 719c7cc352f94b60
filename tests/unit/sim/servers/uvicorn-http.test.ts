import { describe, expect, it } from 'vitest';
import { h11ReadRequest, uvicornResponse } from '../../../../src/sim/servers/uvicorn/uvicorn-http.ts';
import { uvicornScope } from '../../../../src/sim/servers/uvicorn/uvicorn-scope.ts';
import type { AsgiEvent } from '../../../../src/sim/asgi/asgi-types.ts';

const DATE = 'Mon, 01 Jan 2024 00:00:00 GMT';
/** Two body events and no content-length, as the probe of Uvicorn 0.17.6 sent them (tests/conformance/FINDINGS.md). */
const UNSIZED: AsgiEvent[] = [
  { type: 'http.response.start', status: 200, headers: [['content-type', 'text/plain']] },
  { type: 'http.response.body', body: 'part1-', more_body: true },
  { type: 'http.response.body', body: 'part2\n' },
];

function read(raw: string) {
  const request = h11ReadRequest(raw);
  if (!request) throw new Error('h11 refused the request');
  return request;
}

describe('Uvicorn with h11', () => {
  it('refuses a request target with bytes outside visible ASCII, and reads one without', () => {
    expect(h11ReadRequest('GET /app/caf\u00c3\u00a9 HTTP/1.0\r\nHost: a\r\n\r\n')).toBeNull();
    expect(read('GET /app/page#section HTTP/1.0\r\nHost: a\r\n\r\n').target).toBe('/app/page#section');
  });

  it('ends an unsized body by closing towards an HTTP/1.0 peer (as probed)', () => {
    expect(uvicornResponse(read('GET /x HTTP/1.0\r\n\r\n'), UNSIZED)).toBe(
      `HTTP/1.1 200 OK\r\ndate: ${DATE}\r\nserver: uvicorn\r\ncontent-type: text/plain\r\nConnection: close\r\n\r\npart1-part2\n`,
    );
  });

  it('chunks an unsized body, one chunk per event, for an HTTP/1.1 peer that keeps the connection (as probed)', () => {
    expect(uvicornResponse(read('GET /x HTTP/1.1\r\nHost: a\r\n\r\n'), UNSIZED)).toBe(
      `HTTP/1.1 200 OK\r\ndate: ${DATE}\r\nserver: uvicorn\r\ncontent-type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n6\r\npart1-\r\n6\r\npart2\n\r\n0\r\n\r\n`,
    );
  });

  it('builds the scope with path decoded, raw_path and query_string as bytes, header names lowercased', () => {
    const { scope } = uvicornScope(read('GET /app/a%2Fb/caf%C3%A9?q=%E2%9C%93 HTTP/1.0\r\nX-Custom: One\r\n\r\n'));
    const value = (key: string) => scope.find(([name]) => name === key)?.[1];
    expect(value('path')).toBe("'/app/a/b/café'");
    expect(value('raw_path')).toBe("b'/app/a%2Fb/caf%C3%A9'");
    expect(value('query_string')).toBe("b'q=%E2%9C%93'");
    expect(value('headers')).toBe("[(b'x-custom', b'One')]");
  });
});
