import { describe, expect, it } from 'vitest';
import { hasEmptyUriPath, relativeSchemePath, splitTarget, targetSyntaxFor } from '../../../../src/sim/http/target.ts';
import { aprSchemePort } from '../../../../src/sim/servers/apache/apr-scheme-ports.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const statusLine = (pipeline: string, line: string) =>
  runPipeline(pipeline, fromLatin1(`${line}\r\nHost: example.test\r\n\r\n`)).response.raw.split('\r\n')[0];

describe('a `scheme:` target without `//`', () => {
  it('is authority-form under RFC syntax and a URI without a host under apr_uri_parse', () => {
    expect(splitTarget('http:/app/x?q=1').form).toBe('authority');
    expect(splitTarget('http:/app/x?q=1', 'apr-uri')).toEqual({
      form: 'absolute',
      path: '/app/x',
      query: 'q=1',
      authority: null,
      scheme: 'http',
    });
    expect(splitTarget('http:', 'apr-uri')).toMatchObject({ path: '/', query: null, scheme: 'http' });
    expect(splitTarget('HTTPS:?a', 'apr-uri')).toMatchObject({ path: '/', query: 'a', scheme: 'HTTPS' });
    // `scheme://` keeps its authority whatever the syntax, and an empty path is `/`.
    expect(splitTarget('http://h?x', 'apr-uri')).toMatchObject({ path: '/', query: 'x', authority: 'h' });
    expect(splitTarget('/a:b', 'apr-uri').form).toBe('origin');
  });

  it('names the relative paths Apache refuses, and only those', () => {
    expect(relativeSchemePath('http:app/')).toBe('app/');
    expect(relativeSchemePath('foo:bar?x')).toBe('bar');
    expect(relativeSchemePath('http:/app/')).toBeNull();
    expect(relativeSchemePath('http:')).toBeNull();
    expect(relativeSchemePath('http:?x')).toBeNull();
    expect(relativeSchemePath('http://h/p')).toBeNull();
    expect(relativeSchemePath('/app/')).toBeNull();
  });

  it('knows an absolute URI without a path', () => {
    expect(hasEmptyUriPath('http://example.test')).toBe(true);
    expect(hasEmptyUriPath('http://example.test?x=1')).toBe(true);
    expect(hasEmptyUriPath('http:')).toBe(true);
    expect(hasEmptyUriPath('http://example.test/')).toBe(false);
    expect(hasEmptyUriPath('http:/')).toBe(false);
    expect(hasEmptyUriPath('/')).toBe(false);
  });

  it('reads a CONNECT target as host:port whatever the server syntax', () => {
    expect(targetSyntaxFor('CONNECT', 'apr-uri')).toBe('rfc');
    expect(targetSyntaxFor('GET', 'apr-uri')).toBe('apr-uri');
    expect(targetSyntaxFor('GET', undefined)).toBe('rfc');
  });
});

describe('Apache and `scheme:` targets (captured: cases 163–174)', () => {
  it('serves http and https in any case, refuses other schemes and relative paths', () => {
    expect(statusLine('apache-cgi', 'GET http:/app/ HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('apache-cgi', 'GET HtTpS:/app/ HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('apache-cgi', 'GET foo:/app/ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('apache-cgi', 'GET ftp://example.test/app/ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('apache-cgi', 'GET http:app/ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    // The scheme is refused before the path's checks: an encoded slash is not the 404 it is with `http:`.
    expect(statusLine('apache-cgi', 'GET foo:/app/%2F HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('apache-cgi', 'GET http:/app/%2F HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
  });

  it('answers an OPTIONS whose URI has no path as OPTIONS *, without Allow', () => {
    const raw = runPipeline(
      'apache-cgi',
      fromLatin1('OPTIONS http://example.test HTTP/1.1\r\nHost: example.test\r\n\r\n'),
    ).response.raw;
    expect(raw.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(raw).not.toContain('Allow:');
    expect(statusLine('nginx-static', 'GET http:/app/ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
  });
});

describe('Apache and the authority of an absolute-form target (captured: cases 179–180)', () => {
  it('gives an empty port the scheme’s default, as apr_uri_port_of_scheme does', () => {
    expect([aprSchemePort('http'), aprSchemePort('HTTPS'), aprSchemePort('ftp'), aprSchemePort('foo')]).toEqual([
      80, 443, 21, 0,
    ]);
    const raw = runPipeline(
      'apache-cgi',
      fromLatin1('GET http://example.test:/nothing HTTP/1.1\r\nHost: example.test\r\n\r\n'),
    ).response.raw;
    expect(raw).toContain('Server at example.test Port 80</address>');
  });

  it('refuses a user name at the request line, naming the target’s host and not the Host field’s', () => {
    const raw = runPipeline(
      'apache-cgi',
      fromLatin1('GET https://u@example.test/app/ HTTP/1.1\r\nHost: example.test\r\n\r\n'),
    ).response.raw;
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(raw).toContain('Server at 127.0.0.1 Port 8080</address>');
  });
});
