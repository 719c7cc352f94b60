import type { HeaderField } from '../http/types.ts';
import type { Change, Pair } from '../trace.ts';
import { metaVariableName } from './meta-variable-name.ts';
import { msg, type Message } from '../message.ts';

/** How a server turns request headers into `HTTP_*` variables; each server chooses differently. */
export interface HeaderMappingPolicy {
  /** Repeated headers: joined into the first one's place with a separator, or passed as separate pairs. */
  duplicates: 'join' | 'separate';
  /** Separator for joined duplicates (Apache ", ", wsgiref ","). */
  joinSeparator: string;
  /** Separator for joined Cookie headers (lighttpd uses "; "). */
  cookieSeparator: string;
  /** Names the server drops, with the reason shown in the trace (lower-case header name → reason). */
  drop: Readonly<Record<string, Message>>;
  /** Drops headers whose names hold anything but letters, digits and hyphens (underscores included). */
  dropNonAlnumNames: boolean;
  /** RFC 3875 §4.1.2/§4.1.3: Content-Type and Content-Length become CONTENT_TYPE/CONTENT_LENGTH in place, or stay HTTP_*. */
  contentType: 'CONTENT_TYPE' | 'HTTP_CONTENT_TYPE';
  contentLength: 'CONTENT_LENGTH' | 'HTTP_CONTENT_LENGTH';
  /** Every character of a name but a letter or digit becomes `_` (lighttpd: `X-Dot.Name` is HTTP_X_DOT_NAME). */
  underscoreOthers?: boolean;
  /** Rewrites a value (lighttpd lower-cases Host). */
  transformValue?: (lowerName: string, value: string) => string;
}

/** Maps headers to `HTTP_*` (RFC 3875 §4.1.18) and reports each rename, join and drop. */
export function mapHeaders(
  headers: readonly HeaderField[],
  policy: HeaderMappingPolicy,
): { pairs: Pair[]; changes: Change[] } {
  const pairs: Pair[] = [];
  const changes: Change[] = [];
  const positions = new Map<string, number>();
  for (const header of headers) {
    const lower = header.name.toLowerCase();
    const reason = policy.drop[lower];
    if (reason !== undefined) {
      changes.push({ kind: 'dropped', from: header.name, message: reason });
      continue;
    }
    if (policy.dropNonAlnumNames && !/^[A-Za-z0-9-]+$/.test(header.name)) {
      changes.push({
        kind: 'dropped',
        from: header.name,
        message: msg('change.headerNameNotAlnum', { header: header.name }),
      });
      continue;
    }
    let name = metaVariableName(header.name);
    if (policy.underscoreOthers) name = name.replace(/[^A-Za-z0-9_]/g, '_');
    if (lower === 'content-type') name = policy.contentType;
    if (lower === 'content-length') name = policy.contentLength;
    const value = policy.transformValue ? policy.transformValue(lower, header.value) : header.value;
    // Repeats are recognised by header name, so X-A and X_A stay two entries even though both map to HTTP_X_A.
    const existing = positions.get(lower);
    if (existing !== undefined && policy.duplicates === 'join') {
      const previous = pairs[existing];
      if (previous) {
        previous[1] = `${previous[1]}${lower === 'cookie' ? policy.cookieSeparator : policy.joinSeparator}${value}`;
        changes.push({
          kind: 'joined',
          from: header.name,
          to: name,
          message: msg('change.repeatedHeaderJoined', { header: header.name, name }),
        });
      }
      continue;
    }
    positions.set(lower, pairs.length);
    pairs.push([name, value]);
    changes.push({
      kind: 'renamed',
      from: header.name,
      to: name,
      message: msg('change.renamedHeader', { from: header.name, to: name }),
    });
    if (value !== header.value)
      changes.push({
        kind: 'rewritten',
        from: header.name,
        to: name,
        message: msg('change.headerValueRewritten', { header: header.name, value: JSON.stringify(value) }),
      });
  }
  return { pairs, changes };
}
