import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const REQUEST = 'GET /app/hello HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n';

function trace(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['scripts/trace.ts', ...args], { cwd: root, input, encoding: 'latin1' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/trace.ts', () => {
  it('prints one JSON trace on stdout and exits 0', () => {
    const { status, stdout, stderr } = trace(['--pipeline', 'nginx-fastcgi-flup', '--request', '-'], REQUEST);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as { version: number; pipeline: string; hops: unknown[]; error: unknown };
    expect(parsed).toMatchObject({ version: 1, pipeline: 'nginx-fastcgi-flup', error: null });
    expect(parsed.hops.length).toBe(6);
  });

  it('exits 0 with a located error for a request the server rejects', () => {
    const { status, stdout } = trace(['--pipeline', 'apache-static', '--request', '-'], 'GET / HTTP/1.1\nHost: h\n\n');
    expect(status).toBe(0);
    const parsed = JSON.parse(stdout) as { error: { offset: number } | null; response: { raw: string } };
    expect(parsed.error?.offset).toBe(14);
    expect(parsed.response.raw).toMatch(/^HTTP\/1\.1 400 Bad Request/);
  });

  it('prints text with --format text', () => {
    const { status, stdout } = trace(['--pipeline', 'wsgiref', '--request', '-', '--format', 'text'], REQUEST);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^pipeline wsgiref/);
    expect(stdout).toContain('PATH_INFO');
  });

  it('exits 2 with usage on stderr for bad arguments and unknown pipelines', () => {
    for (const args of [
      [],
      ['--pipeline', 'nope', '--request', '-'],
      ['--pipeline', 'wsgiref'],
      ['--pipeline', 'wsgiref', '--request', '-', '--format', 'xml'],
      ['--bogus'],
    ]) {
      const { status, stdout, stderr } = trace(args, REQUEST);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain('usage: trace --pipeline');
    }
  });

  it('exits 1 when the request file cannot be read', () => {
    const { status, stdout, stderr } = trace(['--pipeline', 'wsgiref', '--request', 'tests/no-such-file.http']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read/);
  });
});
