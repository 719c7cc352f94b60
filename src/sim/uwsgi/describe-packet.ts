import type { Pair, TraceUwsgiPacket } from '../trace.ts';
import { latin1, toHex } from '../bytes.ts';
import { encodeUwsgiPacket, uwsgiVarsSize } from './packet.ts';

/** The trace's view of a WSGI request packet (modifier1 0, modifier2 0) and the body sent after it. */
export function describeUwsgiPacket(vars: readonly Pair[], body: Uint8Array): TraceUwsgiPacket {
  return {
    modifier1: 0,
    datasize: uwsgiVarsSize(vars),
    modifier2: 0,
    vars: [...vars],
    bytes: toHex(encodeUwsgiPacket(vars)),
    body: latin1(body),
  };
}
