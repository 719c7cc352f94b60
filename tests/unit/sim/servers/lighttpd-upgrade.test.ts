import { describe, expect, it } from 'vitest';
import { removeToken, lighttpdUpgradeFields } from '../../../../src/sim/servers/lighttpd/lighttpd-upgrade.ts';
import { runPipeline } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const fields = (...lines: [string, string][]) => lines.map(([name, value], offset) => ({ name, value, offset }));
const names = (list: { name: string; value: string }[]) => list.map(({ name, value }) => `${name}: ${value}`);

describe("lighttpd's http_header_remove_token", () => {
  it('blanks a token and the comma after it, and cuts a last token with the comma before it', () => {
    expect(removeToken('Upgrade', 'Upgrade')).toBe('');
    expect(removeToken('Upgrade, keep-alive', 'Upgrade')).toBe('         keep-alive');
    expect(removeToken('keep-alive, Upgrade', 'upgrade')).toBe('keep-alive');
    expect(removeToken('keep-alive, Upgraded', 'Upgrade')).toBe('keep-alive, Upgraded');
    expect(removeToken('close', 'Upgrade')).toBe('close');
  });
});

describe('Upgrade on its way to mod_cgi and mod_fastcgi', () => {
  it('is removed without Connection, by either module', () => {
    for (const takes of [true, false])
      expect(names(lighttpdUpgradeFields(fields(['Upgrade', 'websocket']), takes).headers)).toEqual([]);
  });
  it('h2c with Connection: Upgrade and its token go, an emptied Connection too', () => {
    const out = lighttpdUpgradeFields(fields(['Connection', 'Upgrade, keep-alive'], ['Upgrade', 'foo, h2c']), true);
    expect(names(out.headers)).toEqual(['Connection:          keep-alive']);
    const emptied = lighttpdUpgradeFields(fields(['Connection', 'Upgrade'], ['Upgrade', 'h2c']), true);
    expect(emptied.headers).toEqual([]);
  });
  it('another protocol with Connection reaches mod_fastcgi, not mod_cgi', () => {
    const request = fields(['Connection', 'Upgrade'], ['Upgrade', 'websocket']);
    expect(names(lighttpdUpgradeFields(request, true).headers)).toEqual(['Connection: Upgrade', 'Upgrade: websocket']);
    expect(names(lighttpdUpgradeFields(request, false).headers)).toEqual(['Connection: Upgrade']);
  });
  it('is refused with 400 in an HTTP/1.0 request, before the POST length check, and a HEAD gets no page', () => {
    const answer = (raw: string) => runPipeline('lighttpd-static', fromLatin1(raw)).response.raw;
    expect(answer('POST /app/ HTTP/1.0\r\nUpgrade: h2c\r\n\r\n')).toMatch(/^HTTP\/1\.0 400 /);
    expect(answer('HEAD /app/ HTTP/1.0\r\nUpgrade: h2c\r\n\r\n')).toMatch(/^HTTP\/1\.0 400 [^]*\r\n\r\n$/);
    expect(answer('GET /static/hello.txt HTTP/1.1\r\nHost: example.test\r\nUpgrade: h2c\r\n\r\n')).toMatch(
      /^HTTP\/1\.1 200 /,
    );
  });
});
