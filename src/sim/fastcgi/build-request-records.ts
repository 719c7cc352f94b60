import type { Pair } from '../trace.ts';
import type { RoleName } from './constants.ts';
import { makeRecord, type FcgiRecord } from './record.ts';
import { encodeBeginRequestBody } from './bodies.ts';
import { encodeNameValuePairs } from './name-value.ts';
import { splitStream, paddingFor, type StreamSplitOptions } from './stream.ts';
import { concatBytes } from '../bytes.ts';

/** How a web server writes the records of one request. */
export interface RequestRecordOptions {
  requestId: number;
  role: RoleName;
  /** BEGIN_REQUEST flags (FCGI_KEEP_CONN = 1). */
  flags: number;
  /** Splitting and padding of the PARAMS stream. */
  params: StreamSplitOptions;
  /** Splitting and padding of the STDIN stream. */
  stdin: StreamSplitOptions;
  /** Pad the BEGIN_REQUEST record (its 8-byte body is already aligned, so this only matters for odd senders). */
  padBeginRequest: boolean;
}

/** BEGIN_REQUEST, PARAMS…, empty PARAMS, STDIN…, empty STDIN (FastCGI §5.1–§5.3). */
export function buildRequestRecords(
  params: readonly Pair[],
  stdin: Uint8Array,
  options: RequestRecordOptions,
): FcgiRecord[] {
  const begin = encodeBeginRequestBody(options.role, options.flags);
  return [
    makeRecord('BEGIN_REQUEST', options.requestId, begin, paddingFor(begin.length, options.padBeginRequest)),
    ...paramsRecords(params, options),
    ...splitStream('STDIN', options.requestId, stdin, options.stdin),
  ];
}

/** The PARAMS stream: cut as bytes, or in whole pairs for a sender that keeps pairs together. */
function paramsRecords(params: readonly Pair[], options: RequestRecordOptions): FcgiRecord[] {
  const limit = options.params.wholePairsUpTo;
  if (limit === undefined)
    return splitStream('PARAMS', options.requestId, encodeNameValuePairs(params), options.params);
  const groups: Uint8Array[][] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  for (const pair of params) {
    const encoded = encodeNameValuePairs([pair]);
    if (group.length > 0 && size + encoded.length > limit) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(encoded);
    size += encoded.length;
  }
  if (group.length > 0) groups.push(group);
  const records = groups.flatMap((pieces) =>
    splitStream('PARAMS', options.requestId, concatBytes(pieces), { ...options.params, terminate: false }),
  );
  if (options.params.terminate) records.push(makeRecord('PARAMS', options.requestId, new Uint8Array(0), 0));
  return records;
}
