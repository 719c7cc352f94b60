import { findHeader } from '../../http/header-lookup.ts';
import type { HeaderField } from '../../http/types.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * ngx_decode_base64 (src/core/ngx_string.c): the text up to the first `=` must be alphabet characters, and not one
 * character past a whole group of four; the rest, padding or not, is never looked at. Null when it refuses.
 */
function nginxDecodeBase64(text: string): string | null {
  const end = text.indexOf('=');
  const data = end < 0 ? text : text.slice(0, end);
  if (data.length % 4 === 1) return null;
  let bits = 0;
  let count = 0;
  let out = '';
  for (const ch of data) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) return null;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += String.fromCharCode((bits >> count) & 0xff);
    }
  }
  return out;
}

/**
 * nginx's `$remote_user` (ngx_http_auth_basic_user, src/http/ngx_http_core_module.c), which Debian's fastcgi_params
 * passes as REMOTE_USER: the Authorization value must start with `Basic ` in any case, then any SPs, then base64
 * that ngx_decode_base64 takes; the user is what comes before the first `:`, and an empty user or no `:` gives an
 * empty variable (captured: case 134).
 */
export function nginxRemoteUser(headers: readonly HeaderField[]): string {
  const value = findHeader(headers, 'authorization')?.value ?? '';
  if (value.length < 6 || value.slice(0, 6).toLowerCase() !== 'basic ') return '';
  const encoded = value.slice(6).replace(/^ +/, '');
  if (encoded === '') return '';
  const decoded = nginxDecodeBase64(encoded);
  const colon = decoded === null ? -1 : decoded.indexOf(':');
  return decoded === null || colon <= 0 ? '' : decoded.slice(0, colon);
}
