import { describe, expect, it } from 'vitest';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';

const en = traceWords('en');
const zh = traceWords('zh-cn');
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PIPELINE_IDS, PIPELINES, runPipeline, WSGI_APPS, type WsgiAppId } from '../../../../src/sim/index.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const corpusDir = fileURLToPath(new URL('../../../fixtures/requests/', import.meta.url));
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.http'))
  .sort();
const GET = fromLatin1('GET /app/hello HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n');

describe('runPipeline', () => {
  it('lists every pipeline once, and has a request corpus to run them on', () => {
    expect(PIPELINE_IDS.length).toBeGreaterThan(0);
    expect(new Set(PIPELINE_IDS).size).toBe(PIPELINE_IDS.length);
    expect([...PIPELINE_IDS].sort()).toEqual(Object.keys(PIPELINES).sort());
    expect(corpus.length).toBeGreaterThan(0);
  });

  it.each(PIPELINE_IDS)('%s: every hop is complete and follows an edge', (id) => {
    const trace = runPipeline(id, GET);
    expect(trace).toMatchObject({ version: 2, pipeline: id, error: null });
    const nodes = new Set(PIPELINES[id]?.nodes.map((n) => n.id));
    for (const hop of trace.hops) {
      expect(nodes.has(hop.from) && nodes.has(hop.to)).toBe(true);
      expect(en.provenance(hop.provenance)).toMatch(/^(verified against|modelled from source)/);
      expect(zh.provenance(hop.provenance)).toMatch(/^(已对照 .+验证|依据源码建模)/);
      expect(en.message(hop.narration)).toMatch(/\.$/);
      expect(zh.message(hop.narration)).toMatch(/。$/);
      const blocks = [
        hop.http,
        hop.cgi,
        hop.fastcgi,
        hop.uwsgi,
        hop.wsgi,
        hop.stdout,
        hop.wsgiResponse,
        hop.data,
        hop.asgi,
        hop.asgiResponse,
      ].filter(Boolean);
      expect(blocks).toHaveLength(1);
    }
    expect(trace.hops[0]?.http?.raw).toBe('GET /app/hello HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n');
    expect(trace.hops.at(-1)?.http?.raw).toBe(trace.response.raw);
  });

  it.each(PIPELINE_IDS)('%s: is deterministic and JSON-safe for the whole corpus and every app', (id) => {
    const apps = PIPELINES[id]?.selectableApp ? (Object.keys(WSGI_APPS) as WsgiAppId[]) : (['plain'] as WsgiAppId[]);
    for (const file of corpus) {
      const bytes = new Uint8Array(readFileSync(`${corpusDir}${file}`));
      for (const app of apps) {
        const trace = runPipeline(id, bytes, { app });
        expect(JSON.parse(JSON.stringify(trace))).toEqual(runPipeline(id, bytes, { app }));
        if (trace.error) expect(trace.error.offset).toBeLessThanOrEqual(bytes.length);
      }
    }
  });

  it('rejects a malformed request with a located error and the server answer', () => {
    const trace = runPipeline(
      'nginx-fastcgi-flup',
      fromLatin1('GET /app/ HTTP/1.1\r\nHost: h\r\nX-F: a\r\n b\r\n\r\n'),
    );
    expect(trace.error).toEqual({
      message: { id: 'http.obsFold' },
      offset: 37,
    });
    expect(en.message(trace.error?.message ?? { id: 'http.obsFold' })).toBe(
      'A header line starts with whitespace (obs-fold, RFC 9112 §5.2)',
    );
    expect(trace.response.raw.startsWith('HTTP/1.1 400 Bad Request\r\nServer: nginx/1.22.1\r\n')).toBe(true);
    expect(trace.hops).toHaveLength(2);
  });

  it('throws for an unknown pipeline id', () => {
    expect(() => runPipeline('nope', GET)).toThrow(/Unknown pipeline/);
  });

  it('leaves the application untouched when the server changes (WSGI portability)', () => {
    const bodies = ['apache-modwsgi-embedded', 'werkzeug', 'cherrypy'].map(
      (id) => runPipeline(id, GET, { app: 'flask' }).hops.find((h) => h.wsgiResponse)?.wsgiResponse?.status,
    );
    expect(new Set(bodies)).toEqual(new Set(['200 OK']));
  });
});
