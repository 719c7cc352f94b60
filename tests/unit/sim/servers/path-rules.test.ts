import { describe, expect, it } from 'vitest';
import { climbsAboveRoot } from '../../../../src/sim/http/target.ts';
import { lighttpdRefusedAt } from '../../../../src/sim/servers/lighttpd/lighttpd-uri.ts';
import { findFileBefore, findStaticDirectory } from '../../../../src/sim/servers/static-files.ts';
import { autoindexBody } from '../../../../src/sim/servers/apache/apache-autoindex.ts';
import { fromLatin1, latin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const request = (line: string) => fromLatin1(`${line}\r\nHost: example.test\r\n\r\n`);
const statusLine = (pipeline: string, line: string) =>
  runPipeline(pipeline, request(line)).response.raw.split('\r\n')[0];

describe('dot segments above the root', () => {
  it('counts a `..` against the segments before it, empty and `.` segments counting for nothing', () => {
    expect(climbsAboveRoot('/..')).toBe(true);
    expect(climbsAboveRoot('/a/../..')).toBe(true);
    expect(climbsAboveRoot('//../a')).toBe(true);
    expect(climbsAboveRoot('/./../a')).toBe(true);
    expect(climbsAboveRoot('/a/..')).toBe(false);
    expect(climbsAboveRoot('/a//..')).toBe(false);
    expect(climbsAboveRoot('/a/..x/../..')).toBe(false);
  });
  it('is 400 on nginx and Apache (an encoded dot too), lighttpd stopping at the root', () => {
    expect(statusLine('nginx-static', 'GET /%2e%2e/static/hello.txt HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('apache-static', 'GET /%2E./static/hello.txt HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('lighttpd-static', 'GET /../static/hello.txt HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});

describe('directories of the document root', () => {
  it('lists a path with its slash and redirects one without it', () => {
    expect(findStaticDirectory('/')?.kind).toBe('listing');
    expect(findStaticDirectory('/static/')?.kind).toBe('listing');
    expect(findStaticDirectory('/static')).toEqual({ kind: 'redirect', path: '/static/' });
    expect(findStaticDirectory('/static/hello.txt')).toBeNull();
    expect(findStaticDirectory('/app/')).toBeNull();
  });
  it('finds the file a path goes past, not one it only starts like', () => {
    expect(findFileBefore('/static/hello.txt/x')).not.toBeNull();
    expect(findFileBefore('/static/hello.txt/')).not.toBeNull();
    expect(findFileBefore('/static/hello.txtx')).toBeNull();
  });
  it('answers each server its own way', () => {
    expect(statusLine('apache-static', 'GET /static/ HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('apache-static', 'POST /static/ HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(statusLine('nginx-static', 'POST /static/ HTTP/1.1')).toBe('HTTP/1.1 403 Forbidden');
    expect(statusLine('lighttpd-static', 'GET / HTTP/1.1')).toBe('HTTP/1.1 403 Forbidden');
    const moved = runPipeline('nginx-static', fromLatin1('GET /static?a=1 HTTP/1.0\r\n\r\n')).response.raw;
    expect(moved).toContain('Location: http://127.0.0.1:8080/static/?a=1\r\n');
    expect(runPipeline('lighttpd-static', request('HEAD /static HTTP/1.1')).response.raw).not.toContain(
      'Content-Length',
    );
  });
  it("writes mod_autoindex's sizes right-aligned in three places, and refuses what it cannot show", () => {
    const listing = latin1(autoindexBody('/x/', [{ name: 'a', size: 972 }], ''));
    expect(listing).toContain('<td align="right">972 </td>');
    expect(listing).toContain('<a href="/">Parent Directory</a>');
    expect(() => autoindexBody('/x/', [{ name: 'a', size: 973 }], '')).toThrow(/973-byte/);
  });
});

describe("lighttpd's URL checks", () => {
  it('refuses encoded controls and bytes no UTF-8 holds, in the path or the query', () => {
    expect(lighttpdRefusedAt('/app/%0a')).toBe(5);
    expect(lighttpdRefusedAt('/app/%7F')).toBe(5);
    expect(lighttpdRefusedAt('/app/?a=%c1')).toBe(8);
    expect(lighttpdRefusedAt('/app/\xf5')).toBe(5);
    expect(lighttpdRefusedAt('/app/%f4%80')).toBe(-1);
    expect(lighttpdRefusedAt('/app/\xe9%ed%a0%80')).toBe(-1);
    expect(lighttpdRefusedAt('/app/#%0a')).toBe(-1);
  });
  it("denies a path ending in `~` or `.inc` with 403, the application's included", () => {
    expect(statusLine('lighttpd-fastcgi-flup', 'GET /app/x%7e HTTP/1.1')).toBe('HTTP/1.1 403 Forbidden');
    expect(statusLine('lighttpd-cgi', 'GET /app/x.inc HTTP/1.1')).toBe('HTTP/1.1 403 Forbidden');
    expect(statusLine('lighttpd-cgi', 'GET /app/~x HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});

describe('a target refused after its method was read', () => {
  it("answers a HEAD without the page (Apache's fragment, nginx's DEL)", () => {
    const apache = runPipeline('apache-static', request('HEAD /static/hello.txt#x HTTP/1.1')).response.raw;
    expect(apache).toMatch(/^HTTP\/1\.1 400 /);
    expect(apache).not.toContain('Content-Length');
    expect(apache.endsWith('\r\n\r\n')).toBe(true);
    const nginx = runPipeline('nginx-static', request('HEAD /app/\x7f HTTP/1.1')).response.raw;
    expect(nginx).toMatch(/^HTTP\/1\.1 400 [^]*Content-Length: \d+\r\n[^]*\r\n\r\n$/);
  });
  it('answers a 1.0 request refused for its target in 1.0 on lighttpd (the version was read first)', () => {
    const raw = runPipeline('lighttpd-static', fromLatin1('GET /app/\x7f HTTP/1.0\r\n\r\n')).response.raw;
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.0 400 Bad Request');
  });
  it('lets a DEL through on the Python servers', () => {
    expect(statusLine('wsgiref', 'GET /app/\x7f HTTP/1.1')).toBe('HTTP/1.0 200 OK');
    expect(statusLine('cherrypy', 'GET /app/\x7f HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});

describe('bytes that are not UTF-8 on their way to an application', () => {
  it('kills the mod_python child for any CGI variable that is not UTF-8: no answer at all', () => {
    for (const line of ['GET /app/%ff HTTP/1.1', 'GET /app/?a=\xe9 HTTP/1.1'])
      expect(runPipeline('apache-mod-python', request(line)).response.raw).toBe('');
    const header = fromLatin1('GET /app/ HTTP/1.1\r\nHost: example.test\r\nX-A: \xe9\r\n\r\n');
    expect(runPipeline('apache-mod-python', header).response.raw).toBe('');
    expect(statusLine('apache-mod-python', 'GET /app/%c3%a9 HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
  it("finds no script on lighttpd-cgi for a path that is not UTF-8, where lighttpd's FastCGI passes it on", () => {
    expect(statusLine('lighttpd-cgi', 'GET /app/%80 HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(statusLine('lighttpd-cgi', 'GET /app/%c3%a9 HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('lighttpd-fastcgi-flup', 'GET /app/%80 HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});

describe("lighttpd's target split and normalisation", () => {
  const params = (line: string) => {
    const trace = runPipeline('lighttpd-cgi', request(line));
    const hop = trace.hops.find((h) => h.cgi !== undefined);
    return new Map(hop?.cgi?.env ?? []);
  };
  it('cuts the query at the last `?` and encodes brackets', () => {
    const env = params('GET /app/[x]?a?b=[1] HTTP/1.1');
    expect(env.get('QUERY_STRING')).toBe('b=%5B1%5D');
    expect(env.get('PATH_INFO')).toBe('/[x]?a');
    expect(env.get('REDIRECT_URI')).toBe('/app/%5Bx%5D?a?b=%5B1%5D');
  });
});

describe('the Python servers and odd paths', () => {
  it('lets Cheroot take a bare `#` and an empty authority after `//`, as urlsplit reads them', () => {
    expect(statusLine('cherrypy', 'GET /app/# HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('cherrypy', 'GET /app/#x HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('cherrypy', 'GET ///static/hello.txt HTTP/1.1')).toBe('HTTP/1.1 200 OK');
    expect(statusLine('cherrypy', 'GET //static/hello.txt HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
  });
  it("normalises what follows /static/ in Werkzeug's SharedDataMiddleware, refusing a climb out", () => {
    const served = (line: string) => runPipeline('werkzeug', request(line)).response.raw.includes('Etag: "wzsdm-');
    expect(served('GET /static/hello.txt/x/.. HTTP/1.1')).toBe(true);
    expect(served('GET /static/./hello.txt// HTTP/1.1')).toBe(true);
    expect(served('GET /static/../static/hello.txt HTTP/1.1')).toBe(false);
  });
});

describe('TRACE after the checks on the target', () => {
  it('is refused with 405 only once the path and the Host have passed', () => {
    expect(statusLine('apache-static', 'TRACE /../x HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('apache-static', 'TRACE /app/%2f HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(statusLine('apache-static', 'TRACE /app/ HTTP/1.1')).toBe('HTTP/1.1 405 Method Not Allowed');
    expect(statusLine('nginx-static', 'TRACE example.test:8080 HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
    expect(statusLine('nginx-static', 'TRACE /app/ HTTP/1.1')).toBe('HTTP/1.1 405 Not Allowed');
  });
});

describe('the dump CGI script reads its keyword in REQUEST_URI and PATH_INFO', () => {
  const dumpStatus = (line: string) =>
    runPipeline('lighttpd-cgi', request(line), { app: 'dump', cgiScript: 'dump' }).response.raw.split('\r\n')[0];
  it('finds custom-status in the raw REQUEST_URI when PATH_INFO decodes it away', () => {
    // lighttpd: REQUEST_URI `/app/%4custom-status` as sent, PATH_INFO `/Lustom-status`.
    expect(dumpStatus('GET /app/%4custom-status HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
    expect(dumpStatus('GET /app/%4Custom-status HTTP/1.1')).toBe('HTTP/1.1 200 OK');
  });
});
