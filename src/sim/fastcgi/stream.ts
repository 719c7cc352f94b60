import { FCGI_MAX_CONTENT_LENGTH, type RecordTypeName } from './constants.ts';
import { makeRecord, type FcgiRecord } from './record.ts';

/** How a sender cuts a stream into records; real servers differ. */
export interface StreamSplitOptions {
  /** Largest contentLength per record (nginx: 32768 for STDIN; Apache: 8192; at most 65535). */
  maxContentLength: number;
  /** Pad every record so header+content+padding is a multiple of 8 (nginx), or never pad (Apache, lighttpd). */
  padTo8: boolean;
  /** Whether to close the stream with an empty record (FastCGI §3.3: streams end with an empty record). */
  terminate: boolean;
  /**
   * PARAMS only: records hold whole name-value pairs, as many as fit in this many bytes; a pair larger than that
   * gets a record of its own (Apache's mod_proxy_fcgi send_environment: `avail_len = 16 * 1024`, verified).
   */
  wholePairsUpTo?: number;
}

/** The padding that aligns a record's content to 8 bytes (FastCGI §3.3 recommends it). */
export function paddingFor(contentLength: number, padTo8: boolean): number {
  return padTo8 ? (8 - (contentLength % 8)) % 8 : 0;
}

/** Cuts stream content into records of one type, optionally padded and terminated by an empty record. */
export function splitStream(
  type: RecordTypeName,
  requestId: number,
  content: Uint8Array,
  options: StreamSplitOptions,
): FcgiRecord[] {
  const max = Math.max(1, Math.min(options.maxContentLength, FCGI_MAX_CONTENT_LENGTH));
  const records: FcgiRecord[] = [];
  for (let at = 0; at < content.length; at += max) {
    const piece = content.subarray(at, Math.min(at + max, content.length));
    records.push(makeRecord(type, requestId, piece, paddingFor(piece.length, options.padTo8)));
  }
  if (options.terminate) records.push(makeRecord(type, requestId, new Uint8Array(0), 0));
  return records;
}
