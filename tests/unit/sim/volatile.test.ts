import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS, runPipeline, type Trace } from '../../../src/sim/index.ts';
import { REFERENCE_SITE } from '../../../src/sim/reference-site.ts';
import { VOLATILE } from '../../../src/sim/volatile.ts';
import type { Capture } from '../../conformance/build-capture.ts';
import { readCorpus } from '../../conformance/corpus.ts';
import { REPO_PATHS } from '../../conformance/repo-paths.ts';
import { SITE, SITE_DIRS } from '../../conformance/site-layout.ts';
import { maskVolatile, normaliseCapture } from '../../conformance/volatile.ts';

/**
 * src/sim/volatile.ts is the one list of run-to-run values. These tests fail when the conformance masking, the
 * committed captures or the simulator's traces stop agreeing with it.
 */

const VARIABLES: Readonly<Record<string, string>> = VOLATILE.variables;
const HEADERS: Readonly<Record<string, string>> = VOLATILE.headers;
const VARIABLE_NAMES = Object.keys(VARIABLES).sort();
const HEADER_NAMES = Object.keys(HEADERS).sort();
const LIST_HEADER_NAMES = Object.keys(VOLATILE.listHeaders).sort();

const captures: Capture[] = readdirSync(REPO_PATHS.captures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(`${REPO_PATHS.captures}/${dir.name}`)
      .filter((file) => file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(`${REPO_PATHS.captures}/${dir.name}/${file}`, 'utf8')) as Capture),
  );

const corpus = readCorpus();
const traces: Trace[] = PIPELINE_IDS.flatMap((id) =>
  corpus.map((corpusCase) => runPipeline(id, corpusCase.bytes, { app: 'dump' })),
);

/** Every string of a JSON value, and every [name, value] pair of strings in it. */
function walk(value: unknown, strings: string[] = [], pairs: [string, string][] = []) {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      pairs.push([value[0], value[1]]);
    }
    for (const item of value) walk(item, strings, pairs);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) walk(item, strings, pairs);
  }
  return { strings, pairs };
}

/** The values of a header wherever it starts a line (raw HTTP messages, CGI and daemon output). */
function headerValues(strings: readonly string[], name: string): string[] {
  const pattern = new RegExp(String.raw`^${name}: ([^\r\n]*)`, 'gm');
  return strings.flatMap((text) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

const isSorted = (list: string): boolean => {
  const items = list.split(',').map((item) => item.trim());
  return items.join() === [...items].sort().join();
};

/** Where a JSON value (a capture, or a trace) shows a volatile value other than its documented fixed value. */
function findUnfixedValues(value: unknown): string[] {
  const { strings, pairs } = walk(value);
  const problems: string[] = [];
  for (const [name, got] of pairs) {
    const want = Object.hasOwn(VARIABLES, name) ? VARIABLES[name] : name === 'REMOTE_PORT' ? VOLATILE.clientPort : got;
    if (got !== want) problems.push(`${name}=${got}`);
    if (name === 'werkzeug.socket' && !got.endsWith(`, ${VOLATILE.clientPort})>`)) problems.push(`${name}=${got}`);
  }
  for (const name of HEADER_NAMES) {
    for (const got of headerValues(strings, name)) if (got !== HEADERS[name]) problems.push(`${name}: ${got}`);
  }
  for (const name of LIST_HEADER_NAMES) {
    for (const got of headerValues(strings, name)) if (!isSorted(got)) problems.push(`${name}: ${got}`);
  }
  return problems;
}

const captureStrings = captures.flatMap((capture) => walk(capture).strings);
const captureHeaderNames = new Set(
  captureStrings.flatMap((text) => [...text.matchAll(/^([\w-]+): /gm)].map((match) => match[1] ?? '')),
);
const capturePairNames = new Set(captures.flatMap((capture) => walk(capture).pairs.map(([name]) => name)));
const tracePairNames = new Set(traces.flatMap((trace) => walk(trace).pairs.map(([name]) => name)));

describe('the conformance tests ignore exactly the list in src/sim/volatile.ts', () => {
  it('masks exactly the listed variables, each to its fixed value', () => {
    const probe = 'varies \u0000 from run to run';
    const candidates = new Set([...capturePairNames, ...tracePairNames, ...VARIABLE_NAMES, 'REMOTE_PORT']);
    const masked = [...candidates].filter((name) => maskVolatile([[name, probe]])[0]?.[1] !== probe).sort();
    expect(masked).toEqual(VARIABLE_NAMES);
    for (const name of VARIABLE_NAMES) expect(maskVolatile([[name, probe]])).toEqual([[name, VARIABLES[name]]]);
  });

  it('masks exactly the listed response headers, each to its fixed value', () => {
    const names = new Set([...HEADER_NAMES, ...captureHeaderNames].filter((name) => !LIST_HEADER_NAMES.includes(name)));
    const response = (name: string): string => `HTTP/1.1 200 OK\r\n${name}: Tue, 02 Feb 2021 03:04:05 GMT\r\n\r\n`;
    const masked = [...names].filter((name) => maskVolatile(response(name)) !== response(name)).sort();
    expect(masked).toEqual(HEADER_NAMES);
    for (const name of HEADER_NAMES) {
      expect(maskVolatile(response(name))).toBe(`HTTP/1.1 200 OK\r\n${name}: ${HEADERS[name]}\r\n\r\n`);
    }
  });

  it('sorts exactly the listed list headers', () => {
    const response = (name: string): string => `HTTP/1.1 501 Not Implemented\r\n${name}: POST,GET,HEAD\r\n\r\n`;
    const names = new Set([...LIST_HEADER_NAMES, ...captureHeaderNames]);
    const sorted = [...names].filter((name) => maskVolatile(response(name)) !== response(name)).sort();
    expect(sorted).toEqual(LIST_HEADER_NAMES);
  });

  it("masks the random part of the listed cookies and Set-Cookie's expires=, and nothing else of the line", () => {
    const real = [
      'HTTP/1.0 200 OK',
      'Set-Cookie:  sessionid=gvpiwajncev17cc6g5nh6w8zyd5x73dp; expires=Sun, 20 Dec 2026 08:23:47 GMT; HttpOnly; Path=/',
      'Set-Cookie: session=eyJ2aXNpdGVkIjp0cnVlfQ.axUbpg.ua_0ICeu_9C6YEQS_1g2XdwNeKg; HttpOnly; Path=/',
      'Set-Cookie: other=gvpiwajncev17cc6g5nh6w8zyd5x73dp',
      '',
      '',
    ].join('\r\n');
    const { sessionid, session } = VOLATILE.cookies;
    expect(maskVolatile(real)).toBe(
      [
        'HTTP/1.0 200 OK',
        `Set-Cookie:  sessionid=${sessionid.fixed}; expires=${VOLATILE.cookieExpires}; HttpOnly; Path=/`,
        `Set-Cookie: session=eyJ2aXNpdGVkIjp0cnVlfQ.${session.fixed}; HttpOnly; Path=/`,
        'Set-Cookie: other=gvpiwajncev17cc6g5nh6w8zyd5x73dp',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('rewrites the client port to the fixed one in text and FastCGI bytes', () => {
    const port = 41234;
    const hex = (text: string): string => Buffer.from(text, 'latin1').toString('hex');
    const capture = {
      pipeline: 'p',
      case: 'c',
      response: { raw: `port ${port}\r\n` },
      fastcgi: { connections: 1, records: [{ bytes: hex(`REMOTE_PORT${port}`) }], sent: [] },
    } as unknown as Capture;
    const normalised = normaliseCapture(capture, [port]);
    expect(normalised.response.raw).toBe(`port ${VOLATILE.clientPort}\r\n`);
    expect(normalised.fastcgi?.records[0]).toEqual({ bytes: hex(`REMOTE_PORT${VOLATILE.clientPort}`) });
  });
});

describe('the committed captures carry the fixed values', () => {
  it('shows no volatile value other than its fixed value', () => {
    expect(captures.length).toBeGreaterThan(0);
    const problems = captures.flatMap((capture) =>
      findUnfixedValues(capture).map((problem) => `${capture.pipeline}/${capture.case}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('has every listed value somewhere (the list holds no stale entries)', () => {
    expect(VARIABLE_NAMES.filter((name) => !capturePairNames.has(name))).toEqual([]);
    expect(HEADER_NAMES.filter((name) => headerValues(captureStrings, name).length === 0)).toEqual([]);
    expect(LIST_HEADER_NAMES.filter((name) => headerValues(captureStrings, name).length === 0)).toEqual([]);
  });
});

describe('the simulator writes the fixed values', () => {
  it('shows no volatile value other than its fixed value, for every pipeline and corpus request', () => {
    const problems = traces.flatMap((trace) =>
      findUnfixedValues(trace).map((problem) => `${trace.pipeline}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('writes every listed variable', () => {
    expect(VARIABLE_NAMES.filter((name) => !tracePairNames.has(name))).toEqual([]);
  });

  it('reproduces the conformance test setup (not volatile: the same on every run)', () => {
    expect(REFERENCE_SITE.root).toBe(SITE.root);
    expect(REFERENCE_SITE.serverPort).toBe(String(SITE.port));
    expect(REFERENCE_SITE.upstreamPort).toBe(String(SITE.upstreamPort));
    expect(REFERENCE_SITE.documentRoot).toBe(`${SITE.root}/${SITE_DIRS.www}`);
    expect(REFERENCE_SITE.appRoot).toBe(`${SITE.root}/${SITE_DIRS.app}`);
    expect(REFERENCE_SITE.path).toBe(SITE.launchEnvironment.PATH);
    expect(REFERENCE_SITE.lang).toBe(SITE.launchEnvironment.LANG);
    expect(REFERENCE_SITE.mtimeSeconds).toBe(SITE.staticMtimeSeconds);
    expect(REFERENCE_SITE.lastModified).toBe(new Date(SITE.staticMtimeSeconds * 1000).toUTCString());
  });
});
