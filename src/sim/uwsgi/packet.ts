import type { Pair } from '../trace.ts';
import { fromLatin1, latin1 } from '../bytes.ts';

/*
 * The uwsgi Protocol (uwsgi-docs.readthedocs.io/en/latest/Protocol.html):
 *   struct uwsgi_packet_header { uint8_t modifier1; uint16_t datasize; uint8_t modifier2; };
 *   "Unless otherwise specified the datasize value contains the size (16-bit little endian) of the packet body."
 *   modifier1 0, datasize "size of WSGI block vars (HTTP request body excluded)", modifier2 0:
 *   "Standard WSGI request followed by the HTTP request body".
 * and (same page, "The uwsgi vars"): each var is
 *   struct uwsgi_var { uint16_t key_size; uint8_t key[key_size]; uint16_t val_size; uint8_t val[val_size]; }
 * with both sizes 16-bit little endian.
 */

/** The header's size: modifier1, datasize (2 bytes), modifier2. */
export const UWSGI_HEADER_SIZE = 4;
/** The largest datasize, key or value a 16-bit field can hold. */
export const UWSGI_MAX_SIZE = 0xffff;

/** A decoded uwsgi packet: the header fields and the vars, each with where it starts in the packet. */
export interface UwsgiPacket {
  modifier1: number;
  datasize: number;
  modifier2: number;
  vars: Pair[];
}

/** The size of the vars block for these pairs (2 + key + 2 + value bytes each). */
export function uwsgiVarsSize(vars: readonly Pair[]): number {
  let size = 0;
  for (const [key, value] of vars) size += 4 + key.length + value.length;
  return size;
}

/** Encodes the header and vars (latin-1 keys and values); the caller checks the sizes fit in 16 bits. */
export function encodeUwsgiPacket(vars: readonly Pair[], modifier1 = 0, modifier2 = 0): Uint8Array {
  const datasize = uwsgiVarsSize(vars);
  const out = new Uint8Array(UWSGI_HEADER_SIZE + datasize);
  out[0] = modifier1;
  out[1] = datasize & 0xff;
  out[2] = (datasize >> 8) & 0xff;
  out[3] = modifier2;
  let at = UWSGI_HEADER_SIZE;
  const put = (text: string): void => {
    out[at] = text.length & 0xff;
    out[at + 1] = (text.length >> 8) & 0xff;
    out.set(fromLatin1(text), at + 2);
    at += 2 + text.length;
  };
  for (const [key, value] of vars) {
    put(key);
    put(value);
  }
  return out;
}

/** Decodes the header and vars at the start of `bytes`; null when the bytes hold no complete packet. */
export function decodeUwsgiPacket(bytes: Uint8Array): UwsgiPacket | null {
  if (bytes.length < UWSGI_HEADER_SIZE) return null;
  const datasize = (bytes[1] ?? 0) | ((bytes[2] ?? 0) << 8);
  if (bytes.length < UWSGI_HEADER_SIZE + datasize) return null;
  const end = UWSGI_HEADER_SIZE + datasize;
  const vars: Pair[] = [];
  let at = UWSGI_HEADER_SIZE;
  const take = (): string => {
    const size = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
    const text = latin1(bytes.subarray(at + 2, Math.min(at + 2 + size, end)));
    at += 2 + size;
    return text;
  };
  while (at + 4 <= end) {
    const key = take();
    const value = take();
    vars.push([key, value]);
  }
  return { modifier1: bytes[0] ?? 0, datasize, modifier2: bytes[3] ?? 0, vars };
}
