import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../../src/sim/http/parse-request.ts';
import { STRICT_HTTP_OPTIONS } from '../../../../src/sim/http/parse-options.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';
import { runPipeline } from '../../../../src/sim/index.ts';

const line = (method: string, target: string, version = 'HTTP/1.1') =>
  fromLatin1(`${method} ${target} ${version}\r\nHost: example.test\r\n\r\n`);
const rfc = { ...STRICT_HTTP_OPTIONS, targetFormMethods: 'rfc' as const };
const status = (pipeline: string, bytes: Uint8Array) =>
  /^HTTP\/1\.[01] (\d{3})/.exec(runPipeline(pipeline, bytes).response.raw)?.[1];

describe('targetFormMethods (RFC 9112 §3.2.3–3.2.4)', () => {
  it('takes `*` with OPTIONS and host:port with CONNECT only', () => {
    expect(parseRequest(line('OPTIONS', '*'), rfc).ok).toBe(true);
    expect(parseRequest(line('CONNECT', 'example.test:443'), rfc).ok).toBe(true);
    const asterisk = parseRequest(line('GET', '*'), rfc);
    expect(!asterisk.ok && [asterisk.error.code, asterisk.error.method]).toEqual(['target-form', 'GET']);
    expect(parseRequest(line('OPTIONS', 'example.test:443'), rfc).ok).toBe(false);
    expect(parseRequest(line('CONNECT', '*'), rfc).ok).toBe(false);
    expect(parseRequest(line('GET', '*'), STRICT_HTTP_OPTIONS).ok).toBe(true);
  });
});

describe('asterisk- and authority-form as each server answers them (captured: 97, 98)', () => {
  it('GET * is 400 but for http.server', () => {
    for (const pipeline of ['apache-static', 'lighttpd-cgi', 'nginx-static', 'cherrypy'])
      expect(status(pipeline, line('GET', '*'))).toBe('400');
    expect(status('wsgiref', line('GET', '*'))).toBe('200');
  });
  it('CONNECT host:port is 405 from Apache and Cheroot, 400 from nginx and lighttpd', () => {
    const connect = line('CONNECT', 'example.test:8080');
    expect(status('apache-cgi', connect)).toBe('405');
    expect(runPipeline('apache-cgi', connect).response.raw).toContain('The requested method CONNECT is not allowed');
    expect(status('cherrypy', connect)).toBe('405');
    expect(status('nginx-uwsgi', connect)).toBe('400');
    expect(status('lighttpd-static', connect)).toBe('400');
  });
  it("gives Cheroot's OPTIONS host:port the scheme and path urlsplit finds", () => {
    const trace = runPipeline('cherrypy', line('OPTIONS', 'example.test:8080'));
    expect(status('cherrypy', line('OPTIONS', 'example.test:8080'))).toBe('200');
    expect(JSON.stringify(trace)).toContain('/8080');
  });
  it("leaves Cheroot's OPTIONS path quoted, and unquotes every other method's (case 153)", () => {
    const pathInfo = (method: string) =>
      /PATH_INFO[^\]]*?"(\/app\/[^"]*)"/.exec(
        JSON.stringify(runPipeline('cherrypy', line(method, '/app/%41%0a'))),
      )?.[1];
    expect(pathInfo('OPTIONS')).toBe('/app/%41%0a');
    expect(pathInfo('GET')).toBe('/app/A\\n');
  });
});
