import { describe, expect, it } from 'vitest';
import { msg } from '../../../../src/sim/message.ts';
import { metaVariableName } from '../../../../src/sim/cgi/meta-variable-name.ts';
import { mapHeaders } from '../../../../src/sim/cgi/map-headers.ts';
import { parseCgiResponse } from '../../../../src/sim/cgi/parse-cgi-response.ts';
import { buildCgiStdout } from '../../../../src/sim/cgi/build-cgi-stdout.ts';
import { fromLatin1, latin1 } from '../../../../src/sim/bytes.ts';

const header = (name: string, value: string) => ({ name, value, offset: 0 });

describe('RFC 3875 §4.1.18 HTTP_* names', () => {
  it('upper-cases and turns hyphens into underscores', () => {
    expect(metaVariableName('X-Forwarded-For')).toBe('HTTP_X_FORWARDED_FOR');
  });
  it('joins, separates, renames and drops by policy', () => {
    const headers = [
      header('Host', 'h'),
      header('Accept', 'a'),
      header('Accept', 'b'),
      header('X_Under', 'u'),
      header('Proxy', 'p'),
      header('Content-Type', 't'),
    ];
    const apacheLike = mapHeaders(headers, {
      duplicates: 'join',
      joinSeparator: ', ',
      cookieSeparator: ', ',
      drop: { proxy: msg('change.apacheDropsProxy') },
      dropNonAlnumNames: true,
      contentType: 'CONTENT_TYPE',
      contentLength: 'CONTENT_LENGTH',
    });
    expect(apacheLike.pairs).toEqual([
      ['HTTP_HOST', 'h'],
      ['HTTP_ACCEPT', 'a, b'],
      ['CONTENT_TYPE', 't'],
    ]);
    expect(apacheLike.changes.filter((c) => c.kind === 'dropped').map((c) => c.from)).toEqual(['X_Under', 'Proxy']);
    const nginxLike = mapHeaders(headers, {
      duplicates: 'separate',
      joinSeparator: ', ',
      cookieSeparator: '; ',
      drop: {},
      dropNonAlnumNames: false,
      contentType: 'HTTP_CONTENT_TYPE',
      contentLength: 'HTTP_CONTENT_LENGTH',
    });
    expect(nginxLike.pairs.filter(([n]) => n === 'HTTP_ACCEPT')).toHaveLength(2);
    expect(nginxLike.pairs).toContainEqual(['HTTP_X_UNDER', 'u']);
  });
});

describe('RFC 3875 §6 CGI responses', () => {
  it('reads Status with its reason phrase', () => {
    const parsed = parseCgiResponse(fromLatin1('Status: 404 Gone Fishing\r\nContent-Type: text/plain\r\n\r\nbody'));
    expect(parsed).toMatchObject({
      ok: true,
      response: { kind: 'document', status: 404, reason: 'Gone Fishing', headers: [['Content-Type', 'text/plain']] },
    });
  });
  it('tells local from client redirects', () => {
    expect(parseCgiResponse(fromLatin1('Location: /static/hello.txt\n\n'))).toMatchObject({
      response: { kind: 'local-redirect', status: 200 },
    });
    expect(parseCgiResponse(fromLatin1('Location: http://example.test/\r\n\r\n'))).toMatchObject({
      response: { kind: 'client-redirect', status: 302 },
    });
  });
  it('locates malformed output', () => {
    expect(parseCgiResponse(fromLatin1('Content-Type: text/plain\r\n'))).toMatchObject({
      ok: false,
      error: { offset: 26 },
    });
    expect(parseCgiResponse(fromLatin1('no colon\r\n\r\n'))).toMatchObject({ ok: false, error: { offset: 0 } });
  });
  it('writes Status first', () => {
    expect(latin1(buildCgiStdout('200 OK', [['Content-Type', 'text/plain']], fromLatin1('x')))).toBe(
      'Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nx',
    );
  });
});
