import { decodeUwsgiPacket, UWSGI_HEADER_SIZE, type UwsgiPacket } from '../../src/sim/uwsgi/packet.ts';

/** One connection between nginx and uWSGI as the uwsgi recorder saw it. */
export interface UwsgiCapture {
  /** The packet's header and vars, decoded; absent when the bytes hold no complete packet. */
  packet?: UwsgiPacket;
  /** Every byte nginx sent (packet, then body), as hex. */
  bytes: string;
  /** What followed the packet (the request body), as latin-1. */
  body: string;
  /** Every byte uWSGI answered, as latin-1. */
  response: string;
}

/** Decode a uwsgi recorder dump: hex of both directions, in order. */
export function decodeUwsgiDump(received: string, sent: string): UwsgiCapture {
  const bytes = Buffer.from(received, 'hex');
  const packet = decodeUwsgiPacket(bytes);
  const capture: UwsgiCapture = {
    bytes: received,
    body: packet ? bytes.subarray(UWSGI_HEADER_SIZE + packet.datasize).toString('latin1') : '',
    response: Buffer.from(sent, 'hex').toString('latin1'),
  };
  if (packet) capture.packet = packet;
  return capture;
}
