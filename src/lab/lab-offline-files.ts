import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { LAB_OFFLINE_FIXED } from './lab-offline-fixed.ts';
import { PYODIDE_BASE } from './pyodide-files.ts';
import { LAB_SERVICE_WORKER, type LabOfflineManifest } from './lab-offline-manifest.ts';

/** `src=` and `href=` values that are paths on this origin (`/x`, not `//host/x` or `https:`). */
const RE_PAGE_REF = /\b(?:src|href)\s*=\s*["'](\/(?!\/)[^"'?#]*)/gi;
/** String literals in a script that could name a file of the build (`"./chunk.js"`, `"_astro/x.js"`, `"/x.js"`). */
const RE_SCRIPT_REF = /["'`]((?:\.{1,2}\/|\/)?[\w@~.-]+(?:\/[\w@~.-]+)*\.(?:m?js|css|wasm|json|svg))["'`]/g;
/** A static import or re-export in built code: `import{a}from"./x.js"`, `export*from"./x.js"`, `import"./x.js"`. */
const RE_STATIC_IMPORT = /(?:\bfrom|\bimport)\s*(["'`][^"'`]+["'`])/g;

/** Whether a built file exists at this path (a file, not a folder: a folder is a page). */
async function isFile(dist: string, path: string): Promise<boolean> {
  const info = await stat(join(dist, decodeURIComponent(path))).catch(() => undefined);
  return info?.isFile() ?? false;
}

/**
 * The paths a script's text names that exist in the build, resolved from the script's own folder or the root: every
 * file it names (`all`: its static imports, what it loads on demand, its worker), or only its static imports.
 */
async function scriptRefs(dist: string, path: string, text: string, which: Follow = 'all'): Promise<string[]> {
  const found: string[] = [];
  const source = which === 'all' ? text : [...text.matchAll(RE_STATIC_IMPORT)].map(([, quoted]) => quoted).join(' ');
  for (const [, ref = ''] of source.matchAll(RE_SCRIPT_REF)) {
    const candidates = ref.startsWith('/') ? [ref] : [posix.join(posix.dirname(path), ref), posix.join('/', ref)];
    for (const candidate of candidates) if (await isFile(dist, candidate)) found.push(candidate);
  }
  return found;
}

/** How far to follow a script: everything it names, or its static imports only. */
type Follow = 'all' | 'static';

/** The scripts of the site's shell, which every page has: those of its 404 page (none if it has none). */
async function shellScripts(dist: string): Promise<Set<string>> {
  const html = await readFile(join(dist, '404.html'), 'utf8').catch(() => '');
  return new Set([...html.matchAll(RE_PAGE_REF)].map(([, ref = '']) => ref).filter((ref) => /\.m?js$/.test(ref)));
}

/**
 * The lab's offline manifest for a built site: the pages, every file of this origin they reference (their scripts,
 * icons, what their inline scripts name) and, transitively, the files those scripts need — the lab's own scripts
 * with everything they name (the chunks they import, at once or on demand, the Python worker); the site's shell
 * (the scripts its 404 page has too) with its static imports only, since what the shell loads on demand (Mermaid's
 * several megabytes for diagrams, which the lab's pages do not have) is no part of the lab — plus Pyodide's files,
 * which the worker asks for by a computed URL. A page missing from the build is an error: the service worker would
 * otherwise install a cache without it and the lab would fail offline.
 */
export async function labOfflineManifest(dist: string, pages: readonly string[]): Promise<LabOfflineManifest> {
  const assets = new Set<string>(LAB_OFFLINE_FIXED);
  const shell = await shellScripts(dist);
  /** Each file met, with how far it was followed (a file met again as the lab's own is followed further). */
  const followed = new Map<string, Follow>();
  const queue: [path: string, follow: Follow][] = [];
  const meet = async (path: string, follow: Follow) => {
    if (path === LAB_SERVICE_WORKER || followed.get(path) === 'all' || followed.get(path) === follow) return;
    if (!(await isFile(dist, path))) return;
    followed.set(path, follow);
    assets.add(path);
    queue.push([path, follow]);
  };
  const hash = createHash('sha256');
  for (const page of pages) {
    const html = await readFile(join(dist, page, 'index.html'), 'utf8').catch(() => {
      throw new Error(`the lab page ${page} is not in the build (${join(dist, page, 'index.html')})`);
    });
    hash.update(`${page}\0${html}\0`);
    // The page's elements, and its inline scripts (a small module script is inlined, with the worker's URL in it).
    const refs = [...html.matchAll(RE_PAGE_REF)].map(([, ref = '']) => ref);
    for (const ref of [...refs, ...(await scriptRefs(dist, `${page}index.html`, html))]) {
      await meet(ref, shell.has(ref) ? 'static' : 'all');
    }
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const [path, follow] = next;
    if (!/\.m?js$/.test(path)) continue;
    for (const ref of await scriptRefs(dist, path, await readFile(join(dist, path), 'utf8'), follow)) {
      await meet(ref, follow);
    }
  }
  const sorted = [...assets].sort();
  for (const path of sorted) {
    const bytes = await readFile(join(dist, path)).catch(() => {
      throw new Error(`${path}, which the lab needs offline, is not in the build`);
    });
    hash.update(`${path}\0`).update(bytes);
  }
  const immutable = sorted.filter((path) => path.startsWith('/_astro/') || path.startsWith(PYODIDE_BASE));
  return { version: hash.digest('hex').slice(0, 16), pages: [...pages], assets: sorted, immutable };
}
