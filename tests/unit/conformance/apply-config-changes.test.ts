import { describe, expect, it } from 'vitest';
import { applyConfigChanges } from '../../conformance/apply-config-changes.ts';
import { PIPELINES } from '../../conformance/pipelines.ts';
import { readFileSync } from 'node:fs';
import { REPO_PATHS } from '../../conformance/repo-paths.ts';

const change = {
  file: 'nginx.conf',
  setting: 'fastcgi_read_timeout',
  reference: '60s',
  byDefault: true,
  captured: '1s',
  find: '\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};',
  write: '\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};\n\t\t\tfastcgi_read_timeout 1s;',
} as const;

describe("a fault run's changes to a reference configuration", () => {
  it('replaces the one place the change names, in that file only', () => {
    const reference = 'location /app/ {\n\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};\n}\n';
    expect(applyConfigChanges('p', 'nginx.conf', reference, [change])).toBe(
      'location /app/ {\n\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};\n\t\t\tfastcgi_read_timeout 1s;\n}\n',
    );
    expect(applyConfigChanges('p', 'php-fpm.conf', reference, [change])).toBe(reference);
  });

  it('names the pipeline, the file and the setting when the text is not there exactly once', () => {
    expect(() => applyConfigChanges('p', 'nginx.conf', 'nothing here\n', [change])).toThrow(
      /configs\/p\/nginx\.conf: the fault run's change to fastcgi_read_timeout expects .* once, found it 0 times/,
    );
    const twice = `${change.find}\n${change.find}\n`;
    expect(() => applyConfigChanges('p', 'nginx.conf', twice, [change])).toThrow(/found it 2 times/);
  });

  it('finds every change of every pipeline in its reference file', () => {
    const runs = PIPELINES.flatMap((pipeline) => pipeline.faultRuns.map((run) => [pipeline.id, run] as const));
    const changed = runs.filter(([, run]) => run.changes.length > 0);
    expect(changed.length).toBeGreaterThan(0);
    for (const [id, run] of changed) {
      for (const { file } of run.changes) {
        const reference = readFileSync(`${REPO_PATHS.configs}/${id}/${file}`, 'utf8');
        expect(applyConfigChanges(id, file, reference, run.changes)).not.toBe(reference);
      }
    }
  });
});
