import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A throwaway copy of the project (sources only; node_modules linked) that a test may break. */
let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'hop-by-hop-bad-content-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(entry, join(copy, entry), { recursive: true });
  }
  symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

/** Applies an edit to one content file, syncs content (as the build does first) and returns the output. */
function syncWith(file: string, edit: (text: string) => string): { status: number | null; output: string } {
  const path = join(copy, file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, edit(original));
  try {
    const run = spawnSync(join(copy, 'node_modules/.bin/astro'), ['sync'], {
      cwd: copy,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
  } finally {
    writeFileSync(path, original);
  }
}

describe('a broken content file fails the build, naming the file and the field', () => {
  it('missing summary', () => {
    const { status, output } = syncWith('src/content/docs/terms/cgi.md', (t) => t.replace(/^summary:.*$/m, ''));
    expect(status).not.toBe(0);
    expect(output).toContain('terms/cgi');
    expect(output).toMatch(/summary/);
  });

  it('unknown related term', () => {
    const { status, output } = syncWith('src/content/docs/terms/cgi.md', (t) =>
      t.replace(/^related: \[/m, 'related: [no-such-term, '),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('src/content/docs/terms/cgi.md: related[0]: unknown term "no-such-term"');
  });

  it('(control) the unbroken copy syncs cleanly', () => {
    const { status, output } = syncWith('src/content/docs/terms/cgi.md', (t) => t);
    expect(status).toBe(0);
    expect(output).not.toContain('problem(s)');
  });

  it('a term without its twin', () => {
    const twin = 'src/content/docs/zh-cn/terms/cgi.md';
    const saved = readFileSync(join(copy, twin), 'utf8');
    rmSync(join(copy, twin));
    try {
      const run = spawnSync(join(copy, 'node_modules/.bin/astro'), ['sync'], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status).not.toBe(0);
      expect(`${run.stdout}${run.stderr}`).toContain(
        'src/content/docs/terms/cgi.md: type: term "cgi" has no zh-cn twin',
      );
    } finally {
      writeFileSync(join(copy, twin), saved);
    }
  });

  it('an alias used by two terms', () => {
    const { status, output } = syncWith('src/content/docs/terms/fastcgi.md', (t) =>
      t.replace(/^aliases: \[/m, 'aliases: [Common Gateway Interface, '),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /src\/content\/docs\/terms\/(fastcgi|cgi)\.md: aliases\[0\]: alias "Common Gateway Interface" is already/i,
    );
  });
});
