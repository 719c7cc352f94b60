import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  formatLabFragment,
  formatLabLink,
  LAB_URL_LIMIT_CHARS,
  parseLabFragment,
  type LabState,
} from '../../../src/lab/lab-url-state.ts';
import { bytesToBase64url } from '../../../src/player/base64url.ts';

const known = { pipelines: ['wsgiref', 'nginx-gunicorn'], presets: ['get', 'form-post'] };
const state: LabState = {
  pipeline: 'nginx-gunicorn',
  request: { kind: 'preset', id: 'form-post' },
  app: { name: 'app.py', source: 'def application(environ, start_response):\n    return [b"é</script>"]\n' },
  middleware: [{ name: 'mw_one.py', source: 'def middleware(app):\n    return app\n' }],
};
/** A `#code=` fragment holding any JSON value, packed as the page packs it. */
const packed = (value: unknown): string => `#code=${bytesToBase64url(deflateRawSync(JSON.stringify(value)))}`;

describe('the lab URL fragment', () => {
  it('round-trips the code, the pipeline and a preset or a raw request', async () => {
    const fragment = await formatLabFragment(state);
    expect(fragment).toMatch(/^#code=[A-Za-z0-9_-]+$/);
    expect(await parseLabFragment(fragment, known)).toEqual({ kind: 'link', link: state });
    const raw: LabState = { ...state, request: { kind: 'raw', text: 'GET /x HTTP/1.1\r\nHost: a\r\n\r\n' } };
    expect(await parseLabFragment(await formatLabFragment(raw), known)).toEqual({ kind: 'link', link: raw });
  });

  it('compresses: a typical stack fits far under the limit', async () => {
    const big = { ...state, app: { name: 'app.py', source: 'x = 1\n'.repeat(2000) } };
    expect((await formatLabFragment(big)).length).toBeLessThan(LAB_URL_LIMIT_CHARS / 10);
  });

  it("reads a pipeline page's link (pipeline and request, no code)", async () => {
    expect(await parseLabFragment(formatLabLink('wsgiref', { kind: 'preset', id: 'get' }), known)).toEqual({
      kind: 'link',
      link: { pipeline: 'wsgiref', request: { kind: 'preset', id: 'get' } },
    });
    const raw = { kind: 'raw', text: 'GET /ü HTTP/1.1\r\n\r\n' } as const;
    expect(await parseLabFragment(formatLabLink('wsgiref', raw), known)).toEqual({
      kind: 'link',
      link: { pipeline: 'wsgiref', request: raw },
    });
  });

  it('leaves other fragments alone', async () => {
    for (const hash of ['', '#', '#examples', '#step-3'])
      expect(await parseLabFragment(hash, known)).toEqual({ kind: 'none' });
  });

  it('says why a crafted or broken fragment cannot be read', async () => {
    const cases: [string, string][] = [
      [`#code=${'A'.repeat(LAB_URL_LIMIT_CHARS)}`, 'too-long'],
      ['#code=%%%', 'not-base64url'],
      ['#code=', 'not-base64url'],
      ['#code=_____w', 'not-deflate'],
      [`#code=${bytesToBase64url(deflateRawSync(Buffer.alloc(300_000, 32)))}`, 'too-large'],
      [`#code=${bytesToBase64url(deflateRawSync('{not json'))}`, 'not-json'],
      [packed([1, 2]), 'bad-shape'],
      [packed({ ...JSON.parse('{"v":2}') }), 'bad-shape'],
      [
        packed({ v: 1, pipeline: 'wsgiref', req: 'get', app: { name: '../x.py', source: '' }, middleware: [] }),
        'bad-shape',
      ],
      [
        packed({ v: 1, pipeline: 'wsgiref', req: 'get', app: { name: 'a.py', source: 1 }, middleware: [] }),
        'bad-shape',
      ],
      [
        packed({ v: 1, pipeline: 'wsgiref', req: 'get', app: { name: 'a.py', source: '' }, middleware: 'x' }),
        'bad-shape',
      ],
      [
        packed({ v: 1, pipeline: 'toString', req: 'get', app: { name: 'a.py', source: '' }, middleware: [] }),
        'unknown-pipeline',
      ],
      [
        packed({ v: 1, pipeline: 'wsgiref', req: '__proto__', app: { name: 'a.py', source: '' }, middleware: [] }),
        'unknown-request',
      ],
      ['#pipeline=nginx-static', 'unknown-pipeline'],
      ['#pipeline=wsgiref&req=nope', 'unknown-request'],
      ['#pipeline=wsgiref&raw=%FF%FE', 'not-base64url'],
    ];
    for (const [hash, problem] of cases)
      expect(await parseLabFragment(hash, known), hash).toEqual({ kind: 'bad', problem });
  });

  it('refuses more than eight middleware', async () => {
    const layer = { name: 'm.py', source: '' };
    const value = { v: 1, pipeline: 'wsgiref', req: 'get', app: layer, middleware: Array(9).fill(layer) };
    expect(await parseLabFragment(packed(value), known)).toEqual({ kind: 'bad', problem: 'bad-shape' });
  });
});
