import { describe, expect, it } from 'vitest';
import { labelUwsgiPacket } from '../../../src/render/uwsgi-bytes.ts';
import { encodeUwsgiPacket } from '../../../src/sim/uwsgi/packet.ts';
import { concatBytes, fromLatin1 } from '../../../src/sim/bytes.ts';

describe('labelUwsgiPacket', () => {
  it('labels the header fields and each var’s sizes, key and value', () => {
    const segments = labelUwsgiPacket(encodeUwsgiPacket([['REQUEST_METHOD', 'GET']]));
    expect(segments.map((s) => [s.kind, s.offset, s.length, s.value])).toEqual([
      ['modifier1', 0, 1, '0'],
      ['datasize', 1, 2, '21'],
      ['modifier2', 3, 1, '0'],
      ['keySize', 4, 2, '14'],
      ['name', 6, 14, 'REQUEST_METHOD'],
      ['valSize', 20, 2, '3'],
      ['value', 22, 3, 'GET'],
    ]);
  });

  it('shows bytes after the vars block as data', () => {
    const bytes = concatBytes([encodeUwsgiPacket([['A', '']]), fromLatin1('body')]);
    expect(labelUwsgiPacket(bytes).at(-1)).toEqual({ kind: 'data', offset: 9, length: 4, value: 'body' });
  });
});
