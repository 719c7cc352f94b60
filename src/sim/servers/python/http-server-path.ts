import type { Change } from '../../trace.ts';
import { msg } from '../../message.ts';

/**
 * The target as Python 3.11's BaseHTTPRequestHandler.parse_request keeps it in `self.path`: leading slashes
 * reduced to one (gh-87389: `//host/…` must not look like a link to another site to a client it is echoed to).
 * wsgiref and Werkzeug build PATH_INFO (and Werkzeug REQUEST_URI) from it.
 */
export function httpServerPath(target: string): string {
  return target.startsWith('//') ? `/${target.replace(/^\/+/, '')}` : target;
}

/** The change to show when parse_request reduced the leading slashes, or none. */
export function leadingSlashChanges(target: string): Change[] {
  const path = httpServerPath(target);
  return path === target
    ? []
    : [{ kind: 'rewritten', from: target, to: path, message: msg('change.pythonLeadingSlashes') }];
}
