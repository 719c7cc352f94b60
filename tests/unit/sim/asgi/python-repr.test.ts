import { describe, expect, it } from 'vitest';
import { reprAddress, reprBytes, reprStr } from '../../../../src/sim/asgi/python-repr.ts';

// Expected values are what CPython 3.11's repr() prints for the same values.
describe("Python's repr() of scope values", () => {
  it('quotes a str in single quotes unless it holds only single quotes', () => {
    expect(reprStr('/app/')).toBe("'/app/'");
    expect(reprStr("it's")).toBe('"it\'s"');
    expect(reprStr('both \' and "')).toBe("'both \\' and \"'");
  });

  it('keeps printable characters of a str and escapes the others', () => {
    expect(reprStr('/app/café/naïve')).toBe("'/app/café/naïve'");
    expect(reprStr('a\u0000b\tc\\')).toBe("'a\\x00b\\tc\\\\'");
    expect(reprStr('\u00ad\u2028')).toBe("'\\xad\\u2028'");
    expect(reprStr('\ufffd')).toBe("'\ufffd'");
  });

  it('writes bytes outside printable ASCII as \\x escapes', () => {
    expect(reprBytes('/app/caf\u00c3\u00a9')).toBe("b'/app/caf\\xc3\\xa9'");
    expect(reprBytes('a\u0001b')).toBe("b'a\\x01b'");
    expect(reprBytes('')).toBe("b''");
    expect(reprBytes("it's")).toBe('b"it\'s"');
  });

  it('writes an address as a tuple of a str and an int', () => {
    expect(reprAddress('127.0.0.1', '9000')).toBe("('127.0.0.1', 9000)");
  });
});
