import type { HeaderField, HttpParseError } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { msg } from '../../message.ts';

const named = (name: string) => (h: HeaderField) => h.name.toLowerCase() === name;

/** http_header_str_contains_token: a comma-separated token, compared without case, ended by `,`, `;` or blanks. */
function containsToken(value: string, token: string): boolean {
  return value.split(',').some((item) => {
    const word = item.replace(/^[ \t]+/, '');
    return (
      word.slice(0, token.length).toLowerCase() === token.toLowerCase() && /^([ \t;]|$)/.test(word.slice(token.length))
    );
  });
}

/**
 * http_header_remove_token (lighttpd's http_header.c), byte for byte: each instance of the token is overwritten
 * with spaces, as is the comma after it; a token at the end is cut off with the comma before it. So
 * `Upgrade, keep-alive` becomes nine spaces and `keep-alive`, and `keep-alive, Upgrade` becomes `keep-alive`.
 */
export function removeToken(value: string, token: string): string {
  const chars = [...value];
  let at = 0;
  for (;;) {
    while (chars[at] === ' ' || chars[at] === '\t' || chars[at] === ',') at++;
    if (at >= chars.length) break;
    const end = at + token.length;
    if (chars.slice(at, end).join('').toLowerCase() === token.toLowerCase() && /^([ \t,;]|$)/.test(chars[end] ?? '')) {
      for (let i = at; i < end; i++) chars[i] = ' ';
      let next = end;
      while (next < chars.length && chars[next] !== ',') next++;
      if (next < chars.length) {
        chars[next] = ' ';
        at = next + 1;
        continue;
      }
      let cut = at;
      while (cut > 0 && chars[cut] !== ',') cut--;
      return chars.slice(0, cut).join('');
    }
    const comma = chars.indexOf(',', at);
    if (comma < 0) break;
    at = comma;
  }
  return chars.join('');
}

/**
 * lighttpd refuses an Upgrade field in an HTTP/1.0 request with 400, before the POST length, mod_access and any
 * handler (captured: case 146, with and without Connection, GET, HEAD (no page) and POST).
 */
export function lighttpdUpgradeError(context: RequestContext): HttpParseError | null {
  const { request } = context;
  const upgrade = request.headers.find((h) => named('upgrade')(h) && h.value !== '');
  if (!upgrade || request.version !== 'HTTP/1.0') return null;
  return {
    code: 'bad-header-value',
    message: msg('reject.lighttpdUpgradeHttp10'),
    offset: upgrade.offset,
    status: 400,
  };
}

/**
 * What reaches mod_cgi and mod_fastcgi of Connection, Upgrade and HTTP2-Settings. h1.c h1_check_upgrade: Upgrade
 * without Connection is removed; with Connection and an `h2c` token in Upgrade (no HTTP2-Settings field: no
 * switch), Upgrade and HTTP2-Settings are removed and their tokens taken out of Connection, a Connection left empty
 * not passed on; any other Upgrade stays for the module. mod_cgi then removes it (`cgi.upgrade` is off in the
 * reference configuration), mod_fastcgi passes it on (captured: cases 146 and 148, and by hand without Connection).
 */
export function lighttpdUpgradeFields(
  headers: readonly HeaderField[],
  moduleTakesUpgrade: boolean,
): { headers: HeaderField[]; changes: Change[] } {
  const upgrades = headers.filter(named('upgrade'));
  if (upgrades.length === 0) return { headers: [...headers], changes: [] };
  const connections = headers.filter(named('connection'));
  const upgrade = upgrades.map((h) => h.value).join(', ');
  const first = connections[0];
  const dropped: Change = { kind: 'dropped', from: 'Upgrade', message: msg('change.lighttpdDropsUpgrade') };
  const withoutUpgrade = () => headers.filter((h) => !named('upgrade')(h));
  if (!first) return { headers: withoutUpgrade(), changes: [dropped] };
  if (!containsToken(upgrade, 'h2c'))
    return moduleTakesUpgrade
      ? { headers: [...headers], changes: [] }
      : { headers: withoutUpgrade(), changes: [dropped] };
  const joined = connections.map((h) => h.value).join(', ');
  const value = removeToken(removeToken(joined, 'HTTP2-Settings'), 'Upgrade');
  const changes: Change[] = [
    dropped,
    { kind: 'rewritten', from: first.name, message: msg('change.lighttpdConnectionTokens', { value }) },
  ];
  const kept: HeaderField[] = [];
  for (const h of headers) {
    if (named('upgrade')(h) || named('http2-settings')(h)) continue;
    if (named('connection')(h)) {
      if (h === first && value !== '') kept.push({ ...h, value });
      continue;
    }
    kept.push(h);
  }
  return { headers: kept, changes };
}
