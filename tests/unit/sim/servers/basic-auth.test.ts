import { describe, expect, it } from 'vitest';
import { nginxRemoteUser } from '../../../../src/sim/servers/nginx/nginx-remote-user.ts';
import { phpAuthVariables } from '../../../../src/sim/servers/php-auth.ts';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const user = (value: string) => nginxRemoteUser([{ name: 'Authorization', value, offset: 0 }]);

describe("nginx's $remote_user (REMOTE_USER through Debian's fastcgi_params)", () => {
  it('takes `Basic ` in any case, then any spaces, and the user before the first colon', () => {
    expect(user(`Basic ${b64('alice:secret')}`)).toBe('alice');
    expect(user(`bASIC   ${b64('al:ice:pw')}`)).toBe('al');
    expect(user(`Basic ${b64('caf\xe9:pw')}`)).toBe('caf\xe9');
    expect(user(`Basic ${b64('u\0v:p')}`)).toBe('u\0v');
  });

  it('reads the base64 up to the first `=`, padded or not, and refuses a stray character or a lone last one', () => {
    expect(user(`Basic ${b64('bob:x')}garbage`)).toBe('bob');
    expect(user(`Basic ${b64('bob:x').replace(/=+$/, '')}`)).toBe('bob');
    expect(user('Basic !!!!')).toBe('');
    expect(user(`Basic ${b64('bob:x').replace(/=+$/, '')}QQ`)).toBe('');
  });

  it('is empty without a user, a colon, the scheme or a header', () => {
    for (const value of [`Basic ${b64(':pw')}`, `Basic ${b64('alice')}`, `Basic\t${b64('a:b')}`, 'Basic', 'Bearer abc'])
      expect(user(value), value).toBe('');
    expect(nginxRemoteUser([])).toBe('');
  });
});

describe("PHP's PHP_AUTH_USER, PHP_AUTH_PW and PHP_AUTH_DIGEST", () => {
  it('splits lenient base64 at the first colon, skipping `=` and stray characters', () => {
    expect(phpAuthVariables(`Basic ${b64('alice:secret')}`)).toEqual([
      ['PHP_AUTH_USER', 'alice'],
      ['PHP_AUTH_PW', 'secret'],
    ]);
    expect(phpAuthVariables(`BASIC  ${b64(':pw')}`)).toEqual([
      ['PHP_AUTH_USER', ''],
      ['PHP_AUTH_PW', 'pw'],
    ]);
    expect(phpAuthVariables(`Basic ${b64('bob:x')}garbage`)[1]?.[1].startsWith('x')).toBe(true);
  });

  it('gives nothing without a colon before any NUL, and the digest for `Digest `', () => {
    expect(phpAuthVariables(`Basic ${b64('alice')}`)).toEqual([]);
    expect(phpAuthVariables(`Basic ${b64('u\0v:p')}`)).toEqual([]);
    expect(phpAuthVariables('Digest username="u"')).toEqual([['PHP_AUTH_DIGEST', 'username="u"']]);
    expect(phpAuthVariables('Bearer abc')).toEqual([]);
    expect(phpAuthVariables(undefined)).toEqual([]);
  });
});
