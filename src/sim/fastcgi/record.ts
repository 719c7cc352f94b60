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

/** Encodes a sequence of records back to back. */
export function encodeRecords(records: readonly FcgiRecord[]): Uint8Array {
  let size = 0;
  for (const r of records) size += FCGI_HEADER_LENGTH + r.content.length + r.padding.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const r of records) {
    const bytes = encodeRecord(r);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}

/** Decoding outcome: records read so far and, if the bytes were malformed, where. */
export interface DecodeRecordsResult {
  records: FcgiRecord[];
  /** Offset of each record in the input. */
  offsets: number[];
  error: { message: string; offset: number } | null;
}

/** Decodes back-to-back records; never throws, a truncated or bad record yields a located error. */
export function decodeRecords(bytes: Uint8Array): DecodeRecordsResult {
  const records: FcgiRecord[] = [];
  const offsets: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + FCGI_HEADER_LENGTH > bytes.length) {
      return { records, offsets, error: { message: 'Truncated record header (needs 8 bytes)', offset: at } };
    }
    const version = bytes[at] ?? 0;
    if (version !== FCGI_VERSION) {
      return { records, offsets, error: { message: `Unsupported FastCGI version ${version}`, offset: at } };
    }
    const contentLength = ((bytes[at + 4] ?? 0) << 8) | (bytes[at + 5] ?? 0);
    const paddingLength = bytes[at + 6] ?? 0;
    const end = at + FCGI_HEADER_LENGTH + contentLength + paddingLength;
    if (end > bytes.length) {
      return {
        records,
        offsets,
        error: { message: 'Record content or padding runs past the end of the input', offset: at },
      };
    }
    const contentStart = at + FCGI_HEADER_LENGTH;
    records.push({
      version,
      type: bytes[at + 1] ?? 0,
      requestId: ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0),
      content: bytes.slice(contentStart, contentStart + contentLength),
      padding: bytes.slice(contentStart + contentLength, end),
      reserved: bytes[at + 7] ?? 0,
    });
    offsets.push(at);
    at = end;
  }
  return { records, offsets, error: null };
}
