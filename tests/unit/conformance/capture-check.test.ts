import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { Capture } from '../../conformance/build-capture.ts';
import { checkCaptures, describeCaptureCheck } from '../../conformance/capture-check.ts';
import { diffCaptures } from '../../conformance/capture-diff.ts';
import { readCapture } from '../../conformance/read-capture.ts';
import { REPO_PATHS } from '../../conformance/repo-paths.ts';
import { readRecordedVersions } from '../../conformance/version-drift.ts';

/**
 * A faked version drift, both ways: the committed captures and versions.json are copied into a temporary folder,
 * whose versions.json says the captures were made with an older nginx; the "fresh" captures are the committed
 * files (nothing changed) or an altered copy (the new version behaves differently).
 */
const CASES = [
  ['nginx-static', '01-get-app'],
  ['nginx-fastcgi-flup', '01-get-app'],
  ['wsgiref', '05-form-post'],
] as const;

const dir = mkdtempSync(`${tmpdir()}/hop-drift-test-`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const [pipeline, name] of CASES) {
  mkdirSync(`${dir}/${pipeline}`, { recursive: true });
  cpSync(`${REPO_PATHS.captures}/${pipeline}/${name}.json`, `${dir}/${pipeline}/${name}.json`);
}
const installed = readRecordedVersions();
const olderNginx = { ...installed, nginx: '1.22.1-9+deb12u1', 'nginx-common': '1.22.1-9+deb12u1' };
writeFileSync(`${dir}/versions.json`, JSON.stringify(olderNginx));

const committed = (): Capture[] => CASES.map(([pipeline, name]) => readCapture(dir, pipeline, name));

describe('a version drift', () => {
  it('passes with one line naming the drifted packages when the fresh captures are identical', () => {
    const check = checkCaptures(dir, committed(), readRecordedVersions(dir), installed);
    const { ok, text } = describeCaptureCheck(check);
    expect(ok).toBe(true);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain(`nginx 1.22.1-9+deb12u1 → ${installed['nginx']}`);
    expect(text).toContain(`nginx-common 1.22.1-9+deb12u1 → ${installed['nginx-common']}`);
    expect(text).toContain('all 3 fresh captures are identical');
  });

  it('says nothing when neither the versions nor the captures moved', () => {
    const check = checkCaptures(dir, committed(), installed, installed);
    expect(describeCaptureCheck(check)).toEqual({ ok: true, text: '' });
  });

  it('fails with a per-case diff naming the status line, header, variable and record that changed', () => {
    const [staticCapture, flupCapture, wsgirefCapture] = structuredClone(committed());
    if (!staticCapture || !flupCapture?.fastcgi || !wsgirefCapture?.wsgi)
      throw new Error('fixture captures changed shape');
    staticCapture.response.raw = staticCapture.response.raw
      .replace(/^HTTP\/1\.1 [^\r]*/, 'HTTP/1.1 403 Forbidden')
      .replace('Server: nginx/1.22.1', 'Server: nginx/1.22.2');
    const params = flupCapture.fastcgi.records[1]?.params ?? [];
    const software = params.find(([name]) => name === 'SERVER_SOFTWARE');
    if (!software) throw new Error('no SERVER_SOFTWARE in the first PARAMS record');
    software[1] = 'nginx/1.22.2';
    wsgirefCapture.wsgi.environ = wsgirefCapture.wsgi.environ.filter(([name]) => name !== 'CONTENT_TYPE');

    const check = checkCaptures(
      dir,
      [staticCapture, flupCapture, wsgirefCapture],
      readRecordedVersions(dir),
      installed,
    );
    const { ok, text } = describeCaptureCheck(check);
    expect(ok).toBe(false);
    expect(check.differences.map((item) => item.key)).toEqual([
      'nginx-static/01-get-app',
      'nginx-fastcgi-flup/01-get-app',
      'wsgiref/05-form-post',
    ]);
    expect(text).toContain('3 of 3 fresh captures differ');
    expect(text).toContain(`nginx 1.22.1-9+deb12u1 → ${installed['nginx']}`);
    expect(text).toMatch(/response status line: "HTTP\/1\.1 [^"]+" → "HTTP\/1\.1 403 Forbidden"/);
    expect(text).toContain('response header Server: "nginx/1.22.1" → "nginx/1.22.2"');
    expect(text).toContain(
      'fastcgi.records record 2 (PARAMS).params variable SERVER_SOFTWARE: "nginx/1.22.1" → "nginx/1.22.2"',
    );
    expect(text).toMatch(/wsgi\.environ variable CONTENT_TYPE: no longer set \(was "[^"]+"\)/);
    expect(text).toContain('node scripts/capture.ts');
  });

  it('names the line of the versions table to change when an upstream version moved', () => {
    const newer = { ...installed, nginx: '1.22.2-1~deb12u1' };
    const check = checkCaptures(dir, committed(), installed, newer);
    const { ok, text } = describeCaptureCheck(check);
    expect(ok).toBe(true);
    expect(text).toMatch(
      /change src\/sim\/upstream-versions\.ts:\d+: nginx 1\.22\.1 → 1\.22\.2 \(nginx 1\.22\.2-1~deb12u1\)/,
    );
  });
});

describe('diffCaptures', () => {
  it('finds the first differing byte of a body and of a record', () => {
    const before = {
      response: { raw: 'HTTP/1.1 200 OK\r\nA: 1\r\n\r\nhello world' },
      records: [{ type: 'STDIN', bytes: '0105aa' }],
    };
    const after = {
      response: { raw: 'HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\n\r\nhello World' },
      records: [{ type: 'STDIN', bytes: '0105ab' }],
    };
    expect(diffCaptures(before, after)).toEqual([
      'response header B: new, "2"',
      'response body: 11 bytes → 11 bytes, first difference at byte 6: "world" → "World"',
      'records record 1 (STDIN).bytes: 3 bytes → 3 bytes, first difference at byte 2: "aa" → "ab"',
    ]);
  });

  it('reports only an order change when the same variables moved', () => {
    const env = (names: string[]) => ({ env: names.map((name) => [name, 'x']) });
    expect(diffCaptures(env(['A', 'B']), env(['B', 'A']))).toEqual(['env: same names in another order: B A']);
  });
});
