import { nginxValidHost } from './nginx-host.ts';
import type { RequestContext } from '../request-context.ts';
import { normalizePath, percentDecode } from '../../http/target.ts';

/** nginx's `$uri`: the path percent-decoded (`%2F` too), dot segments resolved, slashes merged (merge_slashes on). */
export function nginxUri(context: RequestContext): string {
  return normalizePath(percentDecode(context.target.path), true);
}

/** nginx's `$host`: absolute-form host, else the Host header without port, lower-cased, else server_name. */
export function nginxHost(context: RequestContext, serverName: string): string {
  if (context.target.authority) return context.target.authority.replace(/:\d*$/, '').toLowerCase();
  return (context.host === null ? null : nginxValidHost(context.host)) ?? serverName;
}
