import { LAB_SERVICE_WORKER } from './lab-offline-manifest.ts';

/**
 * Registers the lab's service worker (`lab-service-worker.ts`, built to `LAB_SERVICE_WORKER`), which keeps the lab's
 * pages, their scripts and Pyodide's files, so the lab works offline once Python has run. Called by the lab's engine
 * after the first run that started Python (never on page load, so a visit without a Run downloads nothing of it); reading pages never register it. Nothing happens in `astro dev` (the worker exists only in a build) or where
 * the browser has no service workers; a failed registration leaves the lab working online, as before.
 */
export async function registerLabOffline(): Promise<ServiceWorkerRegistration | undefined> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return undefined;
  try {
    return await navigator.serviceWorker.register(LAB_SERVICE_WORKER, { scope: '/', type: 'classic' });
  } catch {
    return undefined;
  }
}
