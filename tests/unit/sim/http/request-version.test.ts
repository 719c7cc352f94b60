import { describe, expect, it } from 'vitest';
import { isHttp11OrLater, lighttpdVersion, readVersion } from '../../../../src/sim/http/request-version.ts';
import type { VersionSyntax } from '../../../../src/sim/http/request-version.ts';

/** The status a syntax answers a version with: 0 when it takes it. */
function status(version: string, syntax: VersionSyntax, later: 'reject' | 'accept' = 'reject'): number {
  const read = readVersion(version, syntax, later);
  return 'status' in read ? read.status : 0;
}

describe('readVersion', () => {
  it('digit-dot-digit: one digit each side, 0.x is 400, a later major 505 unless accepted', () => {
    expect(status('HTTP/1.1', 'digit-dot-digit')).toBe(0);
    expect(status('HTTP/1.10', 'digit-dot-digit')).toBe(400);
    expect(status('HTTP/0.9', 'digit-dot-digit')).toBe(400);
    expect(status('HTTP/2', 'digit-dot-digit')).toBe(400);
    expect(status('HTTP/2.0', 'digit-dot-digit')).toBe(505);
    expect(status('HTTP/9.9', 'digit-dot-digit', 'accept')).toBe(0);
  });

  it('nginx-digits: any 1.x with up to three minor digits, 505 as soon as the major is above 1', () => {
    for (const taken of ['HTTP/1.0', 'HTTP/1.10', 'HTTP/1.2', 'HTTP/1.999'])
      expect(status(taken, 'nginx-digits'), taken).toBe(0);
    for (const refused of ['HTTP/0.9', 'HTTP/01.1', 'HTTP/1', 'HTTP/1.', 'HTTP/1.1x', 'HTTP/1.1000', 'http/1.1'])
      expect(status(refused, 'nginx-digits'), refused).toBe(400);
    for (const later of ['HTTP/2', 'HTTP/2.0', 'HTTP/10.0', 'HTTP/9.9'])
      expect(status(later, 'nginx-digits'), later).toBe(505);
  });

  it('python-words: two runs of digits read as integers, (2, 0) and above 505', () => {
    for (const taken of ['HTTP/0.9', 'HTTP/01.1', 'HTTP/1.10', 'HTTP/1.2'])
      expect(status(taken, 'python-words'), taken).toBe(0);
    for (const refused of ['HTTP/1', 'HTTP/2', 'HTTP/1.1x', 'HTTP/1.1.1', 'http/1.1', 'HTTP/12345678901.1'])
      expect(status(refused, 'python-words'), refused).toBe(400);
    expect(readVersion('HTTP/3.0', 'python-words', 'reject')).toMatchObject({ status: 505, quoted: '3.0' });
  });

  it('cheroot: int() on both sides of the first dot, above (1, 1) 505', () => {
    expect(status('HTTP/01.1', 'cheroot')).toBe(0);
    expect(readVersion('HTTP/0.9', 'cheroot', 'reject')).toEqual({ major: 0, minor: 9 });
    for (const refused of ['HTTP/1', 'HTTP/2', 'HTTP/1.1x', 'HTTP/1.1.1', 'HTTQ/1.1'])
      expect(status(refused, 'cheroot'), refused).toBe(400);
    for (const later of ['HTTP/1.2', 'HTTP/1.10', 'HTTP/2.0']) expect(status(later, 'cheroot'), later).toBe(505);
  });
});

describe('lighttpdVersion', () => {
  it('takes HTTP/1.0 and HTTP/1.1 at the end of the line after a space', () => {
    expect(lighttpdVersion('GET /a  HTTP/1.1')).toEqual({ version: 'HTTP/1.1', at: 8 });
    expect(lighttpdVersion('GET /a HTTP/1.0')).toEqual({ version: 'HTTP/1.0', at: 7 });
  });

  it('looks at the word after the second space otherwise', () => {
    expect(lighttpdVersion('GET /a HTTP/1.10')).toMatchObject({ status: 400 });
    expect(lighttpdVersion('GET /a http/1.1')).toMatchObject({ status: 400 });
    expect(lighttpdVersion('GET /a\tHTTP/1.1')).toMatchObject({ status: 400 });
    for (const version of ['HTTP/1', 'HTTP/01.1', 'HTTP/0.9', 'HTTP/1.2', 'HTTP/2.0'])
      expect(lighttpdVersion(`GET /a ${version}`), version).toMatchObject({ status: 505, code: 'unsupported-version' });
  });
});

describe('isHttp11OrLater', () => {
  it('reads the numbers, not the text', () => {
    expect(isHttp11OrLater('HTTP/1.1')).toBe(true);
    expect(isHttp11OrLater('HTTP/01.1')).toBe(true);
    expect(isHttp11OrLater('HTTP/1.10')).toBe(true);
    expect(isHttp11OrLater('HTTP/1.0')).toBe(false);
    expect(isHttp11OrLater('HTTP/0.9')).toBe(false);
  });
});
