import { nginxValidHost } from './nginx-host.ts';
import type { RequestContext } from '../request-context.ts';
import { normalizePath, percentDecode } from '../../http/target.ts';

/** nginx's `$uri`: the path percent-decoded (`%2F` too), dot segments resolved, slashes merged (merge_slashes on). */
export function nginxUri(context: RequestContext): string {
  return normalizePath(percentDecode(context.target.path), true);
}

/**
 * nginx's `$request_uri`: the target as sent, an absolute-form one from the character after its authority (the
 * fragment kept, as in origin-form; `/` when nothing follows the authority): ngx_http_parse_request_line sets
 * uri_start there and uri_end where the target ends (captured: case 131).
 */
export function nginxRequestUri(context: RequestContext): string {
  const { request, target } = context;
  if (target.form !== 'absolute') return request.target;
  return request.target.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '') || '/';
}

/** nginx's `$host`: absolute-form host, else the Host header without port, lower-cased, else server_name. */
export function nginxHost(context: RequestContext, serverName: string): string {
  if (context.target.authority) return context.target.authority.replace(/:\d*$/, '').toLowerCase();
  return (context.host === null ? null : nginxValidHost(context.host)) ?? serverName;
}
