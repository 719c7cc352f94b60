import { describe, expect, it } from 'vitest';
import { FAULT_IDS, PIPELINES, type PipelineDefinition } from '../../../src/sim/index.ts';
import { acceptedFaults, faultPresets } from '../../../src/player/fault-presets.ts';
import { defaultPresetId } from '../../../src/player/presets.ts';
import { FAULT_DESCRIPTIONS, FAULT_LABELS, playerStrings } from '../../../src/i18n/player.ts';
import { faultNotes, playerConfig } from '../../../src/player/pipeline-data.ts';
import { conformanceOf } from '../../../src/sim/pipelines/manifest/conformance.ts';

const nginxPhp = PIPELINES['nginx-fastcgi-php'];
if (!nginxPhp) throw new Error('no nginx-fastcgi-php');
/** A pipeline that accepts two faults and refuses the others, whatever the manifest says today. */
const twoFaults: PipelineDefinition = {
  ...nginxPhp,
  faults: [
    { id: 'backend-down', node: 'php-fpm' },
    { id: 'app-exception', node: 'php-script' },
    { id: 'bad-response', refused: 'fault.staticNoBackend' },
    { id: 'app-timeout', refused: 'fault.staticNoBackend' },
  ],
};

describe('fault presets', () => {
  it('are one per accepted fault, the default request with the fault, in the manifest order', () => {
    expect(faultPresets(twoFaults)).toEqual([
      { id: 'fault-backend-down', request: 'get', fault: 'backend-down', node: 'php-fpm' },
      { id: 'fault-app-exception', request: 'get', fault: 'app-exception', node: 'php-script' },
    ]);
    expect(acceptedFaults(twoFaults)).toEqual([
      { id: 'backend-down', node: 'php-fpm' },
      { id: 'app-exception', node: 'php-script' },
    ]);
  });

  it('follow every pipeline manifest: one preset per accepted fault, none where all are refused', () => {
    for (const pipeline of Object.values(PIPELINES)) {
      const presets = faultPresets(pipeline);
      const accepted = (pipeline.faults ?? []).filter((fault) => Object.hasOwn(fault, 'node'));
      expect(presets.map((preset) => preset.fault)).toEqual(accepted.map((fault) => fault.id));
      for (const preset of presets) expect(preset.request).toBe(defaultPresetId(pipeline.kind));
    }
  });

  it('have a label and a description for every fault in both languages', () => {
    for (const id of FAULT_IDS) {
      for (const lang of ['en', 'zh-cn'] as const) {
        expect(FAULT_LABELS[lang][id].trim()).not.toBe('');
        expect(FAULT_DESCRIPTIONS[lang][id].trim()).not.toBe('');
        expect(playerStrings(lang).faults[id]).toBe(FAULT_LABELS[lang][id]);
      }
      expect(FAULT_DESCRIPTIONS['zh-cn'][id]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('reach the player configuration of a pipeline page, not of an embedded player', () => {
    expect(playerConfig(twoFaults, 'en').faults).toEqual(acceptedFaults(twoFaults));
    expect(playerConfig(twoFaults, 'en', true).faults).toEqual([]);
    const others = playerConfig(twoFaults, 'en').compareFaults;
    expect(Object.hasOwn(others, twoFaults.id)).toBe(false);
    for (const [id, faults] of Object.entries(others)) {
      expect(faults.length).toBeGreaterThan(0);
      expect(faults).toEqual(acceptedFaults(PIPELINES[id] ?? twoFaults));
    }
  });

  it('say where the captured configuration shortens a timeout, from the manifest’s fault runs', () => {
    expect(faultNotes(nginxPhp, 'en')).toEqual({
      'app-timeout':
        'To capture this fault quickly, the conformance suite sets fastcgi_read_timeout in nginx.conf to 1s; the reference configuration, like the trace, has 60s (the default).',
    });
    expect(faultNotes(nginxPhp, 'zh-cn')['app-timeout']).toBe(
      '为了快速捕获这个故障，一致性测试把 nginx.conf 中的 fastcgi_read_timeout 设为 1s；参考配置和追踪一样，用的是 60s（默认值）。',
    );
    for (const pipeline of Object.values(PIPELINES)) {
      const notes = faultNotes(pipeline, 'en');
      for (const run of conformanceOf(pipeline.id).faultRuns ?? [])
        expect(Object.hasOwn(notes, run.fault)).toBe((run.changes ?? []).length > 0);
    }
  });
});
