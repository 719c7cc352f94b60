import { describe, expect, it } from 'vitest';
import { appFacingPairs, compareTraces } from '../../../src/render/compare-traces.ts';
import { runPipeline } from '../../../src/sim/index.ts';

const GET = new TextEncoder().encode('GET /app/x?q=1 HTTP/1.1\r\nHost: example.test\r\nX_Under: 1\r\n\r\n');

describe('comparing two pipelines', () => {
  it('takes what the application finally received', () => {
    const pairs = appFacingPairs(runPipeline('werkzeug', GET));
    expect(pairs.find(([name]) => name === 'PATH_INFO')?.[1]).toBe('/app/x');
  });

  it('lists keys whose values differ, absent ones as undefined', () => {
    const differences = compareTraces(runPipeline('nginx-fastcgi-flup', GET), runPipeline('werkzeug', GET));
    const byKey = new Map(differences.map((d) => [d.key, d]));
    expect(byKey.get('SCRIPT_NAME')).toEqual({ key: 'SCRIPT_NAME', a: '/app', b: '' });
    expect(byKey.get('PATH_INFO')).toEqual({ key: 'PATH_INFO', a: '/x', b: '/app/x' });
    expect(byKey.has('QUERY_STRING')).toBe(false);
    expect(differences.some((d) => d.a === undefined || d.b === undefined)).toBe(true);
  });

  it('finds nothing between a pipeline and itself', () => {
    expect(compareTraces(runPipeline('wsgiref', GET), runPipeline('wsgiref', GET))).toEqual([]);
  });
});
