import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LAB_OFFLINE_FIXED } from './lab-offline-fixed.ts';
import type { LabOfflineManifest } from './lab-offline-manifest.ts';

/** `src=` and `href=` values that are paths on this origin (`/x`, not `//host/x` or `https:`). */
const RE_PAGE_REF = /\b(?:src|href)\s*=\s*["'](\/(?!\/)[^"'?#]*)/gi;
/** String literals in a script that could name a file of the build (`"./chunk.js"`, `"_astro/x.js"`, `"/x.js"`). */
const RE_SCRIPT_REF = /["'`]((?:\.{1,2}\/|\/)?[\w@~.-]+(?:\/[\w@~.-]+)*\.(?:m?js|css|wasm|json|svg))["'`]/g;

/** Whether a built file exists at this path (a file, not a folder: a folder is a page). */
async function isFile(dist: string, path: string): Promise<boolean> {
  const info = await stat(join(dist, decodeURIComponent(path))).catch(() => undefined);
  return info?.isFile() ?? false;
}

/** The paths a script's text names that exist in the build, resolved from the script's own folder or the root. */
async function scriptRefs(dist: string, path: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const [, ref = ''] of text.matchAll(RE_SCRIPT_REF)) {
    const candidates = ref.startsWith('/') ? [ref] : [posix.join(posix.dirname(path), ref), posix.join('/', ref)];
    for (const candidate of candidates) if (await isFile(dist, candidate)) found.push(candidate);
  }
  return found;
}

/**
 * The lab's offline manifest for a built site: the pages, every file of this origin they reference (their scripts,
 * icons, what their inline scripts name) and, transitively, every file those scripts name (the chunks they import, at once or on demand, and the
 * Python worker), plus Pyodide's files, which the worker asks for by a computed URL. A page missing from the build
 * is an error: the service worker would otherwise install a cache without it and the lab would fail offline.
 */
export async function labOfflineManifest(dist: string, pages: readonly string[]): Promise<LabOfflineManifest> {
  const assets = new Set<string>(LAB_OFFLINE_FIXED);
  const queue: string[] = [];
  const hash = createHash('sha256');
  for (const page of pages) {
    const html = await readFile(join(dist, page, 'index.html'), 'utf8').catch(() => {
      throw new Error(`the lab page ${page} is not in the build (${join(dist, page, 'index.html')})`);
    });
    hash.update(`${page}\0${html}\0`);
    // The page's elements, and its inline scripts (a small module script is inlined, with the worker's URL in it).
    const refs = [...html.matchAll(RE_PAGE_REF)].map(([, ref = '']) => ref);
    for (const ref of [...refs, ...(await scriptRefs(dist, `${page}index.html`, html))]) {
      if (!assets.has(ref) && (await isFile(dist, ref))) {
        assets.add(ref);
        queue.push(ref);
      }
    }
  }
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (!/\.m?js$/.test(path)) continue;
    for (const ref of await scriptRefs(dist, path, await readFile(join(dist, path), 'utf8'))) {
      if (!assets.has(ref)) {
        assets.add(ref);
        queue.push(ref);
      }
    }
  }
  const sorted = [...assets].sort();
  for (const path of sorted) {
    const bytes = await readFile(join(dist, path)).catch(() => {
      throw new Error(`${path}, which the lab needs offline, is not in the build`);
    });
    hash.update(`${path}\0`).update(bytes);
  }
  return { version: hash.digest('hex').slice(0, 16), pages: [...pages], assets: sorted };
}
