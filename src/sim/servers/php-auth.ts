import type { Pair } from '../trace.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * php_base64_decode in its lenient mode (ext/standard/base64.c, strict = false): `=` and any character outside the
 * alphabet are skipped wherever they are, the rest decoded as one stream; a last incomplete byte is dropped.
 */
function phpBase64Decode(text: string): string {
  let bits = 0;
  let count = 0;
  let out = '';
  for (const ch of text) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) continue;
    bits = ((bits << 6) | value) & 0xffffff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += String.fromCharCode((bits >> count) & 0xff);
    }
  }
  return out;
}

/** The text up to its first NUL: PHP registers these values as C strings. */
const cString = (text: string): string => text.split('\0', 1)[0] ?? '';

/**
 * What PHP adds to $_SERVER from the Authorization header (php_handle_auth_data, main/main.c, called by php-fpm with
 * the HTTP_AUTHORIZATION param; registered after PHP_SELF by php_register_server_variables): `Basic ` in any case
 * and base64 holding a `:` give PHP_AUTH_USER (before it) and PHP_AUTH_PW (after it), each up to a NUL, strchr not
 * looking past one; otherwise `Digest ` in any case gives PHP_AUTH_DIGEST, the rest of the value (captured: case 134).
 */
export function phpAuthVariables(authorization: string | undefined): Pair[] {
  if (authorization === undefined || authorization === '') return [];
  const auth = cString(authorization);
  if (auth.slice(0, 6).toLowerCase() === 'basic ') {
    const decoded = phpBase64Decode(auth.slice(6));
    const colon = cString(decoded).indexOf(':');
    if (colon >= 0)
      return [
        ['PHP_AUTH_USER', decoded.slice(0, colon)],
        ['PHP_AUTH_PW', cString(decoded.slice(colon + 1))],
      ];
  }
  if (auth.slice(0, 7).toLowerCase() === 'digest ') return [['PHP_AUTH_DIGEST', auth.slice(7)]];
  return [];
}
