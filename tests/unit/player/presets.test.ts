import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, defaultPresetId, findPreset, largeJsonBody } from '../../../src/player/presets.ts';
import { PIPELINE_IDS, runPipeline } from '../../../src/sim/index.ts';
import { PRESET_LABELS } from '../../../src/i18n/player.ts';

/** The conformance corpus file each preset reproduces byte for byte. */
const CORPUS: Record<string, string> = {
  get: '01-get-app',
  static: '02-get-static',
  'query-utf8': '03-query-utf8-path',
  'form-post': '05-form-post',
  'repeated-headers': '07-repeated-headers',
  'underscore-header': '08-underscore-header',
  'proxy-header': '10-proxy-header',
  chunked: '11-chunked-body',
  head: '12-head-app',
  http10: '14-http10-no-host',
};

describe('presets', () => {
  it('have unique ids and a label in both languages', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS)
      expect(PRESET_LABELS[preset.id]?.en && PRESET_LABELS[preset.id]?.['zh-cn']).toBeTruthy();
    expect(Object.keys(PRESET_LABELS).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  it.each(Object.entries(CORPUS))('%s is the corpus request %s', (id, file) => {
    const corpus = readFileSync(new URL(`../../fixtures/requests/${file}.http`, import.meta.url), 'latin1');
    expect(findPreset(id)?.raw).toBe(corpus);
  });

  it('sends exactly 64 KiB of valid JSON with a matching Content-Length', () => {
    const body = largeJsonBody();
    expect(body.length).toBe(65_536);
    expect(() => JSON.parse(body) as unknown).not.toThrow();
    expect(findPreset('large-json')?.raw).toContain('Content-Length: 65536\r\n\r\n{"items":[');
  });

  it('trace through every pipeline without a parse error', () => {
    for (const preset of PRESETS) {
      for (const id of PIPELINE_IDS) {
        const trace = runPipeline(id, new TextEncoder().encode(preset.raw));
        expect(trace.error, `${preset.id} through ${id}`).toBeNull();
      }
    }
  });

  it('default to the static file on static pipelines only', () => {
    expect(defaultPresetId('static')).toBe('static');
    expect(defaultPresetId('fastcgi-wsgi')).toBe('get');
    expect(findPreset('nope')).toBeUndefined();
  });
});
