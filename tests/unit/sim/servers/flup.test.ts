import { describe, expect, it } from 'vitest';
import {
  flupEnviron,
  flupResponseRecords,
  FLUP_SCRIPT_NAME_WARNING,
} from '../../../../src/sim/servers/python/flup-gateway.ts';
import { describeRecords } from '../../../../src/sim/fastcgi/describe-records.ts';
import { utf8 } from '../../../../src/sim/bytes.ts';

describe('flup (modelled from fcgi_base.py)', () => {
  it('keeps a repeated param once, in its first place, with its last value', () => {
    const { environ } = flupEnviron([
      ['HTTP_ACCEPT', 'a'],
      ['SCRIPT_NAME', '/app'],
      ['HTTP_ACCEPT', 'b'],
      ['PATH_INFO', '/x'],
    ]);
    expect(environ.toPairs().slice(0, 3)).toEqual([
      ['HTTP_ACCEPT', 'b'],
      ['SCRIPT_NAME', '/app'],
      ['PATH_INFO', '/x'],
    ]);
  });

  it('rebuilds a missing PATH_INFO by cutting len(SCRIPT_NAME) off REQUEST_URI, and warns on STDERR when they disagree', () => {
    // mod_proxy_fcgi: SCRIPT_NAME is the decoded path, REQUEST_URI the encoded one.
    const { environ, stderr } = flupEnviron([
      ['REQUEST_URI', '/app/caf%C3%A9?q=1'],
      ['SCRIPT_NAME', '/app/cafÃ©'],
      ['QUERY_STRING', ''],
    ]);
    expect(environ.str('PATH_INFO')).toBe('3%A9');
    expect(environ.str('QUERY_STRING')).toBe('q=1');
    expect(stderr.startsWith(FLUP_SCRIPT_NAME_WARNING)).toBe(true);
    expect(stderr).toContain('WSGIServer: missing FastCGI param REQUEST_METHOD required by WSGI!\n');
    expect(environ.str('REQUEST_METHOD')).toBe('GET');
  });

  it('writes the header block and each body write as padded STDOUT records of at most 8184 bytes', () => {
    const body = utf8('x'.repeat(10_000));
    const { records } = flupResponseRecords(
      1,
      {
        status: '200 OK',
        headers: [['Content-Type', 'text/plain']],
        body,
        chunks: [body],
        sized: true,
        log: [],
        error: null,
        items: [body],
        calls: [],
        raised: null,
        returnedType: 'list',
        hasClose: false,
        errors: [],
      },
      '',
    );
    const shape = describeRecords(records).map((r) => `${r.type}:${r.contentLength}/${r.paddingLength}`);
    expect(shape).toEqual(['STDOUT:67/5', 'STDOUT:8184/0', 'STDOUT:1816/0', 'STDOUT:0/0', 'END_REQUEST:8/0']);
    expect(describeRecords(records)[0]?.data).toBe(
      'Status: 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 10000\r\n\r\n',
    );
  });
});
