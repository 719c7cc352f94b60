import { isBytesItem } from './application.ts';
import type { WsgiRunResult } from './run-application.ts';

/**
 * Whether a result is one a gateway has to handle beyond sending it (what the lab's code may return): an exception
 * anywhere, an item that is not bytes, start_response never or more than once, an invalid status or header, or
 * lines for wsgi.errors. A plain answer goes the usual way.
 */
export function isOddResult(result: WsgiRunResult): boolean {
  return (
    result.raised !== null ||
    result.error !== null ||
    result.calls.length !== 1 ||
    result.errors.length > 0 ||
    result.items.some((item) => !isBytesItem(item))
  );
}
