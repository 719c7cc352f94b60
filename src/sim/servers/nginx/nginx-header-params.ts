import type { Change, Pair } from '../../trace.ts';
import type { HttpRequest } from '../../http/types.ts';
import { mapHeaders } from '../../cgi/map-headers.ts';
import { msg } from '../../message.ts';

/**
 * The HTTP_* variables nginx adds after a params file (fastcgi_params, uwsgi_params) for the client's headers:
 * repeats as separate pairs, names with anything but letters, digits and dashes dropped (underscores_in_headers
 * off), and Host skipped because the params file (`paramsFile`, as the trace names it) already sets HTTP_HOST.
 */
export function nginxHeaderParams(request: HttpRequest, paramsFile: string): { pairs: Pair[]; changes: Change[] } {
  const mapped = mapHeaders(request.headers, {
    duplicates: 'separate',
    joinSeparator: ', ',
    cookieSeparator: '; ',
    drop: { host: msg('change.nginxHostNotSent', { file: paramsFile }) },
    dropNonAlnumNames: true,
    contentType: 'HTTP_CONTENT_TYPE',
    contentLength: 'HTTP_CONTENT_LENGTH',
  });
  return {
    pairs: mapped.pairs,
    changes: mapped.changes.map((c) =>
      c.kind === 'dropped' && c.from?.includes('_')
        ? { ...c, message: msg('change.nginxUnderscores', { header: c.from ?? '' }) }
        : c,
    ),
  };
}
