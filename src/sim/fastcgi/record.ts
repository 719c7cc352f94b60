import { FCGI_HEADER_LENGTH, FCGI_VERSION, RECORD_TYPES, type RecordTypeName } from './constants.ts';

/** One FastCGI record (FastCGI §3.3): header fields, content and padding. */
export interface FcgiRecord {
  version: number;
  type: number;
  requestId: number;
  content: Uint8Array;
  /** Padding bytes after the content; their values are kept so encoding round-trips exactly. */
  padding: Uint8Array;
  /** The header's reserved byte. */
  reserved: number;
}

/** Builds a version-1 record of the named type with zeroed padding of the given length. */
export function makeRecord(
  type: RecordTypeName,
  requestId: number,
  content: Uint8Array,
  paddingLength = 0,
): FcgiRecord {
  return {
    version: FCGI_VERSION,
    type: RECORD_TYPES[type],
    requestId,
    content,
    padding: new Uint8Array(paddingLength),
    reserved: 0,
  };
}

/** Encodes one record: 8-byte header, content, padding. */
export function encodeRecord(record: FcgiRecord): Uint8Array {
  const { content, padding } = record;
  const out = new Uint8Array(FCGI_HEADER_LENGTH + content.length + padding.length);
  out[0] = record.version;
  out[1] = record.type;
  out[2] = (record.requestId >> 8) & 0xff;
  out[3] = record.requestId & 0xff;
  out[4] = (content.length >> 8) & 0xff;
  out[5] = content.length & 0xff;
  out[6] = padding.length;
  out[7] = record.reserved;
  out.set(content, FCGI_HEADER_LENGTH);
  out.set(padding, FCGI_HEADER_LENGTH + content.length);
  return out;
}
