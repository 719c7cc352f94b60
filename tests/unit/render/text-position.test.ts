import { describe, expect, it } from 'vitest';
import { positionOfByte } from '../../../src/render/text-position.ts';

describe('byte offset → line and column', () => {
  it('counts lines and columns from 1', () => {
    expect(positionOfByte('GET / HTTP/1.1\r\nHost: x\r\n', 0)).toEqual({ index: 0, line: 1, column: 1 });
    expect(positionOfByte('GET / HTTP/1.1\r\nHost: x\r\n', 16)).toEqual({ index: 16, line: 2, column: 1 });
    expect(positionOfByte('GET / HTTP/1.1\r\nHost: x\r\n', 20)).toEqual({ index: 20, line: 2, column: 5 });
  });

  it('counts multi-byte UTF-8 characters as one column', () => {
    // "é" is 2 bytes, "✓" 3 bytes, "😀" 4 bytes (and 2 UTF-16 code units).
    expect(positionOfByte('/é✓😀x', 1 + 2 + 3 + 4)).toEqual({ index: 5, line: 1, column: 5 });
    expect(positionOfByte('/é', 2)).toEqual({ index: 1, line: 1, column: 2 });
  });

  it('stops at the end of the text', () => {
    expect(positionOfByte('ab', 99)).toEqual({ index: 2, line: 1, column: 3 });
  });
});
