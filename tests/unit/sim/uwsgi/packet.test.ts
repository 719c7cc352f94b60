import { describe, expect, it } from 'vitest';
import { decodeUwsgiPacket, encodeUwsgiPacket } from '../../../../src/sim/uwsgi/packet.ts';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1, toHex } from '../../../../src/sim/bytes.ts';

const request = (extra: string) => fromLatin1(`GET /app/ HTTP/1.1\r\nHost: example.test\r\n${extra}\r\n`);

describe('uwsgi packets', () => {
  it('encodes the header and each size as 16-bit little endian', () => {
    const packet = encodeUwsgiPacket([['AB', 'xyz']]);
    // datasize 2 + 2 + 2 + 3 = 9: 09 00; key_size 02 00; val_size 03 00.
    expect(toHex(packet)).toBe('00090000' + '0200' + '4142' + '0300' + '78797a');
  });

  it('decodes what it encodes, a 256-byte value included', () => {
    const vars: [string, string][] = [
      ['QUERY_STRING', ''],
      ['HTTP_X', 'v'.repeat(256)],
    ];
    expect(decodeUwsgiPacket(encodeUwsgiPacket(vars))).toEqual({ modifier1: 0, datasize: 282, modifier2: 0, vars });
  });

  it('is incomplete until datasize bytes have arrived', () => {
    expect(decodeUwsgiPacket(encodeUwsgiPacket([['A', 'b']]).subarray(0, 6))).toBeNull();
  });
});

describe('nginx-uwsgi limits (uWSGI defaults, see FINDINGS.md)', () => {
  it('answers a vars block of 4096 bytes and gives 502 from 4097 on', () => {
    // The plain GET with Host carries 267 bytes of vars; X-Long adds 4 + 11 ("HTTP_X_LONG") + its value.
    const size = (n: number) => runPipeline('nginx-uwsgi', request(`X-Long: ${'v'.repeat(n)}\r\n`));
    const base = runPipeline('nginx-uwsgi', request('')).hops[1]?.uwsgi?.datasize ?? 0;
    const fits = 4096 - base - 15;
    expect(size(fits).hops[1]?.uwsgi?.datasize).toBe(4096);
    expect(size(fits).response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(size(fits + 1).response.raw).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    expect(size(fits + 1).hops[1]?.changes.at(-1)?.message.id).toBe('reject.uwsgiBlockSize');
  });

  it('answers 127 vars and gives 502 for 128', () => {
    const vars = (n: number) => runPipeline('nginx-uwsgi', request('a:\r\n'.repeat(n)));
    const base = vars(0).hops[1]?.uwsgi?.vars.length ?? 0;
    expect(vars(127 - base).response.raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(vars(128 - base).response.raw).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
  });
});
