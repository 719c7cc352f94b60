/**
 * ngx_http_validate_host (ngx_http_request.c, nginx 1.22): the host nginx takes from a Host header, or null when
 * it refuses the value with 400 ("client sent invalid host header"). Empty, a NUL, a `/` or `\`, a control byte or
 * a space, or two dots in a row are refused; the name ends at the first `:` (after an IPv6 literal's `]`), so the
 * port and anything after it are dropped unchecked; one trailing dot is removed; ASCII capitals are lowered,
 * other bytes kept as they are.
 */
export function nginxValidHost(value: string): string | null {
  let end = value.length;
  let state: 'usual' | 'literal' | 'rest' = 'usual';
  let dot = -2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value[i];
    if (ch === '.') {
      if (dot === i - 1) return null;
      dot = i;
    } else if (ch === ':') {
      if (state === 'usual') {
        end = i;
        state = 'rest';
      }
    } else if (ch === '[') {
      if (i === 0) state = 'literal';
    } else if (ch === ']') {
      if (state === 'literal') {
        end = i + 1;
        state = 'rest';
      }
    } else if (ch === '/' || ch === '\\' || c <= 0x20 || c === 0x7f) return null;
  }
  if (dot === end - 1) end--;
  if (end <= 0) return null;
  return value.slice(0, end).replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
