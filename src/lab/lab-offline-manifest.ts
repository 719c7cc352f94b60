/**
 * What the lab's service worker (`lab-service-worker.ts`) keeps for offline use, fixed by the build
 * (`lab-offline-build.ts` writes it into the worker's script): the lab's pages, every file they can load from this
 * origin (their scripts and the chunks those import, the Python worker, Pyodide's files), and a version that changes
 * whenever any of those files does, so a new build installs a new cache and the old one is deleted.
 */
export interface LabOfflineManifest {
  /** A hash of every cached file's path and bytes. */
  version: string;
  /** The lab's pages (`/lab/`, `/zh-cn/lab/`): asked of the network first, from the cache when offline. */
  pages: string[];
  /** Everything else, by path; each path's bytes never change within a version, so they are served from the cache. */
  assets: string[];
  /**
   * The assets whose path names their content (a hash in the file name under `/_astro/`, Pyodide's version in its
   * folder): a new version's install copies them from an older version's cache instead of downloading them again.
   */
  immutable: string[];
}

/** Every cache the lab's service worker makes is named with this prefix and the manifest's version. */
export const LAB_CACHE_PREFIX = 'hbh-lab-';

/** The service worker's script, at the site's root so that its scope can cover `/lab/` and `/zh-cn/lab/`. */
export const LAB_SERVICE_WORKER = '/lab-sw.js';
