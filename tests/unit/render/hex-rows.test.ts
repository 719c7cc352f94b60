import { describe, expect, it } from 'vitest';
import { asciiOf, hexByte, hexRows, hexToBytes } from '../../../src/render/hex-rows.ts';

describe('hex rows', () => {
  it('parses hex and rejects what is not', () => {
    expect([...hexToBytes('01ff7f')]).toEqual([1, 255, 127]);
    expect(() => hexToBytes('0')).toThrow(/not a hex/);
    expect(() => hexToBytes('zz')).toThrow(/not a hex/);
  });

  it('splits into rows of 16 with printable ASCII', () => {
    const bytes = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n');
    const rows = hexRows(bytes);
    expect(rows.map((r) => r.offset)).toEqual([0, 16]);
    expect(rows[0]?.ascii).toBe('GET / HTTP/1.1..');
    expect(rows[1]?.bytes.length).toBe(9);
  });

  it('shows bytes as two hex digits and non-printables as dots', () => {
    expect(hexByte(10)).toBe('0a');
    expect(asciiOf(0x41)).toBe('A');
    expect(asciiOf(0x00)).toBe('.');
    expect(asciiOf(0xc3)).toBe('.');
  });
});
