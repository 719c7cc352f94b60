import { describe, expect, it } from 'vitest';
import { httpParts } from '../../../src/render/http-parts.ts';

describe('HTTP parts', () => {
  it('labels a request: method, target, version, headers, blank line, body', () => {
    const parts = httpParts('POST /app/x?q=1 HTTP/1.1\r\nHost: example.test\r\nContent-Length: 3\r\n\r\nabc');
    expect(parts.map((p) => p.kind)).toEqual(['method', 'target', 'version', 'header', 'header', 'blank', 'body']);
    expect(parts[1]?.text).toBe('/app/x?q=1');
    expect(parts[3]).toMatchObject({ name: 'Host', value: 'example.test', text: 'Host: example.test\r\n' });
    expect(parts.at(-1)?.text).toBe('abc');
  });

  it('labels a response status line', () => {
    const parts = httpParts('HTTP/1.1 404 Not Found\r\nServer: x\r\n\r\n');
    expect(parts.slice(0, 3).map((p) => [p.kind, p.text])).toEqual([
      ['version', 'HTTP/1.1'],
      ['status', '404'],
      ['reason', 'Not Found\r\n'],
    ]);
  });

  it('keeps lines that fit no pattern, and the text adds up to the input', () => {
    const raw = 'BROKEN\r\nX-Broken header\r\nA: b\r\n';
    const parts = httpParts(raw);
    expect(parts.map((p) => p.kind)).toEqual(['line', 'line', 'header']);
    expect(parts.map((p) => p.text).join('')).toBe(raw);
  });
});
