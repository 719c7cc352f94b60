/**
 * The lab's service worker: the lab works offline after the first visit. The build compiles this file to
 * `/lab-sw.js` with its manifest (`LAB_OFFLINE`) written before it; the lab page registers it
 * (`registerLabOffline`). Its scope is the whole origin — the lab's Python worker is a script under `/_astro/`, and
 * a worker is controlled by the registration whose scope covers its own URL (Service Workers §"Handle Fetch": a
 * worker's script is a non-subresource request) — but it answers only the lab's pages and the files they need; every
 * other request, and anything from another origin, goes to the network untouched, as if it were not there.
 *
 * Self-contained: no imports (the build transpiles this one file, it does not bundle it).
 */

interface LabOfflineManifestInWorker {
  version: string;
  pages: string[];
  assets: string[];
  immutable: string[];
}

/** Written by the build on the first line of `/lab-sw.js`. */
declare const LAB_OFFLINE: LabOfflineManifestInWorker;

/** The parts of the service worker's global scope used here (the DOM library this project compiles with lacks them). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = self as unknown as ServiceWorkerScope;
const PREFIX = 'hbh-lab-';
const CACHE = `${PREFIX}${LAB_OFFLINE.version}`;
const PAGES = new Set(LAB_OFFLINE.pages);
const ASSETS = new Set(LAB_OFFLINE.assets);
const IMMUTABLE = new Set(LAB_OFFLINE.immutable);

/**
 * Fills this version's cache: the pages and the files that may have changed from the network, the files whose path
 * names their content from an older version's cache when it has them (a new build usually keeps Pyodide's 6 MB).
 */
async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const fresh: string[] = [...PAGES];
  for (const path of ASSETS) {
    const kept = IMMUTABLE.has(path) ? await caches.match(path, { ignoreVary: true }) : undefined;
    if (kept) await cache.put(path, kept);
    else fresh.push(path);
  }
  await cache.addAll(fresh);
}

scope.addEventListener('install', (event) => {
  // Everything, or the install fails and the previous version (if any) stays in charge.
  event.waitUntil(precache().then(() => scope.skipWaiting()));
});

// No clients.claim(): the page that registered this worker keeps going to the network until it is next loaded. Once,
// a page whose Python worker was downloading Pyodide's WebAssembly while this worker installed and took it over saw
// that download break off (Chromium: "Response body loading was aborted"); leaving running pages alone keeps their
// downloads out of this worker's hands, and offline use only needs the next load to be served from here.
scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
        ),
      ),
  );
});

/** A lab page from the network (so a new build shows at once), or from the cache when the network fails. */
async function page(request: Request, path: string): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(path, { cacheName: CACHE, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/** A file of this build from the cache, or from the network if the cache lost it. */
async function asset(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: CACHE, ignoreSearch: true, ignoreVary: true })) ?? fetch(request);
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== location.origin) return;
  if (request.mode === 'navigate' && PAGES.has(url.pathname)) event.respondWith(page(request, url.pathname));
  else if (ASSETS.has(url.pathname)) event.respondWith(asset(request));
});
