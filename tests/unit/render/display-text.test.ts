import { describe, expect, it } from 'vitest';
import { clip, displayText, visibleControls } from '../../../src/render/display-text.ts';

describe('display text', () => {
  it('reads latin-1 trace text as UTF-8 when it is valid UTF-8', () => {
    expect(displayText('caf\xc3\xa9')).toBe('café');
    expect(displayText('\xff\xfe')).toBe('\xff\xfe');
    expect(displayText('plain')).toBe('plain');
    expect(displayText('already → decoded')).toBe('already → decoded');
  });

  it('shows line ends and control characters as escapes', () => {
    expect(visibleControls('GET / HTTP/1.1\r\nA: b\x00\t')).toBe('GET / HTTP/1.1\\r\\n\nA: b\\x00\\t');
  });

  it('clips long text and says how much is left out', () => {
    expect(clip('abcdef', 4)).toEqual({ text: 'abcd', omitted: 2 });
    expect(clip('ab', 4)).toEqual({ text: 'ab', omitted: 0 });
  });
});
