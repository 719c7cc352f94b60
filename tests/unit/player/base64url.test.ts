import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64urlToBytes, base64urlToText, bytesToBase64url, textToBase64url } from '../../../src/player/base64url.ts';

describe('base64url', () => {
  it('uses the URL-safe alphabet without padding (RFC 4648 §5)', () => {
    expect(bytesToBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
    expect(textToBase64url('GET /')).toBe('R0VUIC8');
  });

  it('round-trips any text, UTF-8 and control characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => base64urlToText(textToBase64url(text)) === text));
    expect(base64urlToText(textToBase64url('GET /café?q=✓ HTTP/1.1\r\n'))).toBe('GET /café?q=✓ HTTP/1.1\r\n');
  });

  it('rejects text that is not base64url or not UTF-8', () => {
    expect(base64urlToBytes('a+b/')).toBeUndefined();
    expect(base64urlToBytes('abcde')).toBeUndefined();
    expect(base64urlToText('<script>')).toBeUndefined();
    expect(base64urlToText(bytesToBase64url(new Uint8Array([0xff, 0xfe])))).toBeUndefined();
  });

  it('accepts = padding that completes a group of four, as base64 writes it', () => {
    for (const text of ['G', 'GE', 'GET', 'GET ', 'GET /', 'GET /a']) {
      const padded = btoa(text).replace(/\+/g, '-').replace(/\//g, '_');
      expect(base64urlToText(padded)).toBe(text);
    }
    expect(base64urlToText('R0VUIC8=')).toBe('GET /');
    expect(base64urlToBytes('R0VUIC8==')).toBeUndefined();
    expect(base64urlToBytes('R0U===')).toBeUndefined();
    expect(base64urlToBytes('R0=U')).toBeUndefined();
    expect(base64urlToBytes('=')).toBeUndefined();
  });
});
