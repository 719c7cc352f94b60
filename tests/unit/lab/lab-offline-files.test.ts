import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labOfflineManifest } from '../../../src/lab/lab-offline-files.ts';
import { LAB_OFFLINE_FIXED } from '../../../src/lab/lab-offline-fixed.ts';

/** A small built site: two lab pages, their scripts and the chunks those name, and files the lab never uses. */
const SITE: Record<string, string> = {
  'lab/index.html':
    '<html><head><link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/lab.A1.js"></script></head>' +
    '<body><a href="/terms/cgi/">CGI</a><a href="https://example.org/x.js">x</a>' +
    '<script type="module">new Worker(new URL(`/_astro/lab-worker-W1.js`,``+import.meta.url));' +
    'navigator.serviceWorker.register("/lab-sw.js")</script></body></html>',
  'zh-cn/lab/index.html':
    '<html><head><script type="module" src="/_astro/shell.S1.js"></script>' +
    '<script type="module" src="/_astro/lab.A1.js"></script></head></html>',
  // The site's shell, on every page: what it loads on demand (diagrams) is no part of the lab.
  '404.html': '<html><script type="module" src="/_astro/shell.S1.js"></script></html>',
  '_astro/shell.S1.js': 'import{x}from"./shared.H1.js";const m=()=>import(`./diagrams.D1.js`);',
  '_astro/shared.H1.js': 'export const x=1;',
  '_astro/diagrams.D1.js': 'export const big=1;',
  'lab-sw.js': 'const LAB_OFFLINE={"assets":["/_astro/diagrams.D1.js"]};',
  'terms/cgi/index.html': '<html><script type="module" src="/_astro/reading.R1.js"></script></html>',
  'favicon.svg': '<svg/>',
  '_astro/lab.A1.js': 'import{a}from"./core.C1.js";const e=()=>import("./engine.E1.js");',
  '_astro/core.C1.js': 'export const a=1;',
  '_astro/engine.E1.js': 'const d=["_astro/parts.P1.js"];const n="./missing.M1.js";',
  '_astro/parts.P1.js': 'export{}',
  '_astro/lab-worker-W1.js': 'import(`${base}pyodide.mjs`)',
  '_astro/reading.R1.js': 'export{}',
  ...Object.fromEntries(LAB_OFFLINE_FIXED.map((path) => [path.slice(1), 'pyodide'])),
};

describe('labOfflineManifest', () => {
  let dist: string;
  beforeEach(async () => {
    dist = await mkdtemp(join(tmpdir(), 'lab-offline-'));
    for (const [path, text] of Object.entries(SITE)) {
      await mkdir(dirname(join(dist, path)), { recursive: true });
      await writeFile(join(dist, path), text);
    }
  });
  afterEach(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  it('lists the pages, what they load, what their scripts name transitively, and Pyodide’s files', async () => {
    // Not the shell's on-demand diagrams, nor the service worker's own script (which a page names, to register it).
    const manifest = await labOfflineManifest(dist, ['/lab/', '/zh-cn/lab/']);
    expect(manifest.pages).toEqual(['/lab/', '/zh-cn/lab/']);
    expect(manifest.assets).toEqual(
      [
        '/favicon.svg',
        '/_astro/lab.A1.js',
        '/_astro/core.C1.js',
        '/_astro/engine.E1.js',
        '/_astro/parts.P1.js',
        '/_astro/lab-worker-W1.js',
        '/_astro/shell.S1.js',
        '/_astro/shared.H1.js',
        ...LAB_OFFLINE_FIXED,
      ].sort(),
    );
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
    // What a new version may copy from an old cache: the files named by their content, not the icon.
    expect(manifest.immutable).toEqual(manifest.assets.filter((path) => path !== '/favicon.svg'));
  });

  it('changes its version when any cached file changes, and only then', async () => {
    const before = await labOfflineManifest(dist, ['/lab/', '/zh-cn/lab/']);
    expect((await labOfflineManifest(dist, ['/lab/', '/zh-cn/lab/'])).version).toBe(before.version);
    await writeFile(join(dist, '_astro/reading.R1.js'), 'export const changed=1');
    expect((await labOfflineManifest(dist, ['/lab/', '/zh-cn/lab/'])).version).toBe(before.version);
    await writeFile(join(dist, '_astro/parts.P1.js'), 'export const changed=1');
    expect((await labOfflineManifest(dist, ['/lab/', '/zh-cn/lab/'])).version).not.toBe(before.version);
  });

  it('refuses a build without one of the pages, or without Pyodide’s files', async () => {
    await expect(labOfflineManifest(dist, ['/lab/', '/fr/lab/'])).rejects.toThrow(/\/fr\/lab\/ is not in the build/);
    await rm(join(dist, LAB_OFFLINE_FIXED[0] ?? ''));
    await expect(labOfflineManifest(dist, ['/lab/'])).rejects.toThrow(
      /which the lab needs offline, is not in the build/,
    );
  });
});
