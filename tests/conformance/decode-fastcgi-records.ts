import { PROTOCOL_STATUS, RECORD_TYPES, ROLES, findName } from '../../src/sim/fastcgi/constants.ts';
/** One FastCGI record in the Trace's shape. */
export interface FastcgiRecord {
  type: string;
  requestId: number;
  contentLength: number;
  paddingLength: number;
  role?: string;
  flags?: number;
  params?: [string, string][];
  data?: string;
  appStatus?: number;
  protocolStatus?: string;
  bytes: string;
}

const HEADER_LENGTH = 8;

/**
 * Decode records given as hex strings (one record each) into the Trace's record shape. Name–value pairs
 * (§3.4) are decoded across the whole PARAMS stream of a request and listed on the record where each starts.
 */
export function decodeFastcgiRecords(hexRecords: readonly string[]): FastcgiRecord[] {
  const records = hexRecords.map(decodeOne);
  const streams = new Map<number, { bytes: number[]; starts: { record: FastcgiRecord; offset: number }[] }>();
  for (const record of records) {
    if (record.type !== 'PARAMS') continue;
    const stream = streams.get(record.requestId) ?? { bytes: [], starts: [] };
    streams.set(record.requestId, stream);
    stream.starts.push({ record, offset: stream.bytes.length });
    stream.bytes.push(
      ...Buffer.from(record.bytes, 'hex').subarray(HEADER_LENGTH, HEADER_LENGTH + record.contentLength),
    );
  }
  for (const stream of streams.values()) {
    for (const { offset, pair } of readPairs(Uint8Array.from(stream.bytes))) {
      const owner = stream.starts.findLast((start) => start.offset <= offset);
      if (owner) (owner.record.params ??= []).push(pair);
    }
  }
  return records;
}

function decodeOne(hex: string): FastcgiRecord {
  const bytes = Buffer.from(hex, 'hex');
  const typeCode = bytes[1] ?? 0;
  const record: FastcgiRecord = {
    type: findName(RECORD_TYPES, typeCode) ?? `TYPE_${typeCode}`,
    requestId: bytes.readUInt16BE(2),
    contentLength: bytes.readUInt16BE(4),
    paddingLength: bytes[6] ?? 0,
    bytes: hex,
  };
  const content = bytes.subarray(HEADER_LENGTH, HEADER_LENGTH + record.contentLength);
  if (record.type === 'BEGIN_REQUEST') {
    // §5.1: FCGI_BeginRequestBody = roleB1 roleB0 flags reserved[5]
    const role = content.readUInt16BE(0);
    record.role = findName(ROLES, role) ?? `ROLE_${role}`;
    record.flags = content[2] ?? 0;
  } else if (record.type === 'END_REQUEST') {
    // §5.5: FCGI_EndRequestBody = appStatus (4 bytes) protocolStatus reserved[3]
    record.appStatus = content.readUInt32BE(0);
    const status = content[4] ?? 0;
    record.protocolStatus = findName(PROTOCOL_STATUS, status) ?? `STATUS_${status}`;
  } else if (record.type !== 'PARAMS') {
    record.data = content.toString('latin1');
  }
  return record;
}

/** Name–value pairs of a complete PARAMS stream with the offset where each starts (§3.4 length encoding). */
function readPairs(stream: Uint8Array): { offset: number; pair: [string, string] }[] {
  const pairs: { offset: number; pair: [string, string] }[] = [];
  const view = Buffer.from(stream);
  let offset = 0;
  const readLength = (): number => {
    const first = view[offset] ?? 0;
    // A length below 128 takes one byte; otherwise four, with the high bit set.
    if (first < 0x80) {
      offset += 1;
      return first;
    }
    const length = view.readUInt32BE(offset) & 0x7fffffff;
    offset += 4;
    return length;
  };
  while (offset < view.length) {
    const start = offset;
    const nameLength = readLength();
    const valueLength = readLength();
    const name = view.subarray(offset, offset + nameLength).toString('latin1');
    const value = view.subarray(offset + nameLength, offset + nameLength + valueLength).toString('latin1');
    offset += nameLength + valueLength;
    pairs.push({ offset: start, pair: [name, value] });
  }
  return pairs;
}
