import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_REQUEST_BYTES } from '../../../src/sim/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const REQUEST = 'GET /app/hello HTTP/1.1\r\nHost: example.test\r\nConnection: close\r\n\r\n';

function trace(args: string[], input?: string | Uint8Array) {
  const result = spawnSync(process.execPath, ['scripts/trace.ts', ...args], {
    cwd: root,
    input,
    encoding: 'latin1',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and closes its standard output after the first chunk, as `| head -c 10` does. */
function traceIntoClosedPipe(args: string[]): Promise<{ status: number | null; stderr: string; received: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/trace.ts', ...args], { cwd: root });
    let stderr = '';
    let received = 0;
    child.stderr.setEncoding('latin1');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, received }));
  });
}

describe('scripts/trace.ts', () => {
  it('prints one JSON trace on stdout and exits 0', () => {
    const { status, stdout, stderr } = trace(['--pipeline', 'nginx-fastcgi-flup', '--request', '-'], REQUEST);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as { version: number; pipeline: string; hops: unknown[]; error: unknown };
    expect(parsed).toMatchObject({ version: 2, pipeline: 'nginx-fastcgi-flup', error: null });
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

  it('exits 2 listing the known names for an inherited object key as --app or --pipeline', () => {
    for (const name of ['toString', '__proto__']) {
      const app = trace(['--pipeline', 'wsgiref', '--request', '-', '--app', name], REQUEST);
      expect(app.status).toBe(2);
      expect(app.stdout).toBe('');
      expect(app.stderr).toContain(`unknown app ${JSON.stringify(name)}; known: plain, middleware`);
      expect(app.stderr).not.toMatch(/TypeError|\n\s+at /);
      const pipeline = trace(['--pipeline', name, '--request', '-'], REQUEST);
      expect(pipeline.status).toBe(2);
      expect(pipeline.stderr).toContain(`unknown pipeline ${JSON.stringify(name)}; known: apache-static`);
    }
  });

  it('exits 1 with a message when standard input holds no request', () => {
    const { status, stdout, stderr } = trace(['--pipeline', 'wsgiref', '--request', '-'], '');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('trace: no request on standard input\n');
  });

  it('exits 2 for a request over the size limit, from a file or from standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hbh-cli-'));
    try {
      const file = join(dir, 'large.http');
      const large = new Uint8Array(MAX_REQUEST_BYTES + 1).fill(0x61);
      writeFileSync(file, large);
      for (const result of [
        trace(['--pipeline', 'wsgiref', '--request', file]),
        trace(['--pipeline', 'wsgiref', '--request', '-'], large),
      ]) {
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('the request is larger than 16777216 bytes (16 MiB)');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly with 0 when the reader closes its output early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hbh-cli-'));
    try {
      const file = join(dir, 'pipelined.http');
      writeFileSync(file, 'GET /app/ HTTP/1.1\r\nHost: example.test\r\n\r\n'.repeat(100));
      const { status, stderr, received } = await traceIntoClosedPipe([
        '--pipeline',
        'nginx-fastcgi-flup',
        '--request',
        file,
      ]);
      expect(received).toBeGreaterThan(0);
      expect(stderr).toBe('');
      expect(status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
