import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS } from '../../../../src/sim/pipelines/manifest/index.ts';
import { partsOf } from '../../../../src/sim/pipelines/static-parts.ts';
import { tracePipeline } from '../../../../src/sim/pipelines/trace-pipeline.ts';
import { runPipeline } from '../../../../src/sim/pipelines/run-pipeline.ts';
import { createPlainWsgiApp } from '../../../../src/sim/apps/plain-wsgi-app.ts';
import { UnknownNameError } from '../../../../src/sim/unknown-name-error.ts';
import { PARTS_IDS, loadParts } from '../../../../src/components/player/load-parts.ts';

const REQUEST = new TextEncoder().encode('GET /app/hello?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n');

describe("each pipeline's parts module (what the player loads)", () => {
  it('exists for exactly the manifest’s pipelines, in its order', () => {
    expect(PARTS_IDS).toEqual(PIPELINE_IDS);
  });

  it.each(PIPELINE_IDS)(
    '%s: the same entry, profile and runners as the full registry, and the same trace',
    async (id) => {
      const loaded = await loadParts(id);
      const full = partsOf(id);
      expect(loaded.pipeline).toBe(full.pipeline);
      expect(loaded.server).toBe(full.server);
      expect(loaded.runner).toEqual(full.runner);
      expect(loaded.staticRunner).toEqual(full.staticRunner);
      const app = { id: 'plain' as const, create: createPlainWsgiApp };
      expect(tracePipeline(loaded, REQUEST, app)).toEqual(runPipeline(id, REQUEST));
    },
  );

  it('rejects an id without parts', async () => {
    await expect(loadParts('no-such-pipeline')).rejects.toThrow(/no-such-pipeline/);
  });

  it('the full registry throws UnknownNameError for an unknown pipeline', () => {
    expect(() => partsOf('no-such-pipeline')).toThrow(UnknownNameError);
  });
});
