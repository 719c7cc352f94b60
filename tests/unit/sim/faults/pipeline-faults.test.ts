import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FAULT_IDS, runPipeline, UnknownNameError, UnsupportedFaultError } from '../../../../src/sim/index.ts';
import { PIPELINE_LIST } from '../../../../src/sim/pipelines/manifest/index.ts';
import { isAccepted } from '../../../../src/sim/faults/pipeline-fault.ts';
import { resolveFault } from '../../../../src/sim/faults/resolve-fault.ts';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';
import { fromLatin1 } from '../../../../src/sim/bytes.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const REQUEST = 'GET /app/hello HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n';

describe.each(PIPELINE_LIST.map((p) => [p.id, p] as const))('%s faults', (_id, pipeline) => {
  it('lists every fault id once, in FAULT_IDS order', () => {
    expect(pipeline.faults.map((fault) => fault.id)).toEqual([...FAULT_IDS]);
  });

  it.each(pipeline.faults.map((fault) => [fault.id, fault] as const))(
    '%s: a node of the pipeline, or a reason',
    (name, fault) => {
      if (isAccepted(fault)) {
        expect(pipeline.nodes.map((node) => node.id)).toContain(fault.node);
        return;
      }
      const error = (() => {
        try {
          resolveFault(pipeline, name);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(UnsupportedFaultError);
      const reason = (error as UnsupportedFaultError).reason;
      expect(reason.id).toBe(fault.refused);
      for (const lang of ['en', 'zh-cn'] as const) {
        const sentence = traceWords(lang).message(reason);
        // Every slot is filled: no `{name}` is left in the sentence.
        expect(sentence).not.toMatch(/\{\w+\}/);
        expect(sentence.length).toBeGreaterThan(10);
      }
    },
  );
});

describe('resolveFault', () => {
  const [pipeline] = PIPELINE_LIST;
  it('names the known faults for an unknown name', () => {
    expect(() => runPipeline(pipeline!.id, fromLatin1(REQUEST), { fault: 'disk-full' })).toThrow(UnknownNameError);
    expect(() => runPipeline(pipeline!.id, fromLatin1(REQUEST), { fault: 'disk-full' })).toThrow(/backend-down/);
  });
  it('does not take an inherited name for a fault', () => {
    expect(() => runPipeline(pipeline!.id, fromLatin1(REQUEST), { fault: 'toString' })).toThrow(UnknownNameError);
  });
});

describe('trace --fault', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/trace.ts', '--request', '-', ...args], {
      cwd: root,
      input: REQUEST,
      encoding: 'utf8',
    });

  it('exits 2 with the reason for a fault the pipeline cannot have', () => {
    const { status, stdout, stderr } = run(['--pipeline', 'nginx-static', '--fault', 'backend-down']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('nginx-static cannot have the fault backend-down');
    expect(stderr).toContain('nginx 1.22 serves this pipeline from its own files');
  });

  it('exits 2 and lists the faults for an unknown one', () => {
    const { status, stderr } = run(['--pipeline', 'nginx-static', '--fault', 'meteor']);
    expect(status).toBe(2);
    expect(stderr).toContain('app-timeout');
  });
});
