import { describe, expect, it } from 'vitest';
import {
  readUpstreamResponse,
  simpleUpstreamResponse,
} from '../../../../src/sim/servers/nginx/nginx-proxy-response.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const head = (status: string) =>
  fromLatin1(`HTTP/1.0 ${status}\r\nServer: gunicorn\r\nConnection: close\r\n\r\nbody\n`);

describe('nginx and an upstream status line', () => {
  it('relays an answer whose first line is no status line as HTTP/0.9, head included', () => {
    for (const status of ['None', 'OK', '20 OK', '2000 OK']) {
      const raw = head(status);
      expect(simpleUpstreamResponse(raw, false), status).toEqual({ body: raw, line: `HTTP/1.0 ${status}` });
    }
    expect(simpleUpstreamResponse(fromLatin1('garbage\nmore'), false)?.line).toBe('garbage');
  });

  it('reads a status line with or without a reason, and leaves an incomplete first line or a HEAD alone', () => {
    for (const status of ['200 OK', '200', '200 ', '403.1 Forbidden', '599 Whatever'])
      expect(simpleUpstreamResponse(head(status), false), status).toBeNull();
    expect(simpleUpstreamResponse(fromLatin1('HTTP/1.0 No'), false)).toBeNull();
    expect(simpleUpstreamResponse(head('None'), true)).toBeNull();
  });

  it('keeps the status line as sent: `200` alone stays `HTTP/1.1 200`, `200 OK` as usual', () => {
    expect(readUpstreamResponse(head('200'), false)?.response.statusText).toBe('200');
    expect(readUpstreamResponse(head('404 Not Here'), false)?.response.statusText).toBe('404 Not Here');
  });

  it('leaves a normal answer behind nginx-gunicorn as it was: nginx’s own status line and headers', () => {
    const trace = runPipeline('nginx-gunicorn', fromLatin1('GET /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n'));
    expect(trace.response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\//);
  });
});
