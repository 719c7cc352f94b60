import { reasonPhrase } from '../../http/reason-phrases.ts';

/** Where nginx's status lines and error page titles differ from RFC 9110's reason phrases (ngx_http_header_filter_module.c). */
const NGINX_REASONS: ReadonlyMap<number, string> = new Map([
  [302, 'Moved Temporarily'],
  [405, 'Not Allowed'],
  [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Large'],
  [504, 'Gateway Time-out'],
]);

/** The reason phrase nginx writes for a status. */
export function nginxReason(status: number): string {
  return NGINX_REASONS.get(status) ?? reasonPhrase(status);
}
