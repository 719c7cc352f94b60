import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { transformWithOxc } from 'vite';
import { labOfflineManifest } from './lab-offline-files.ts';
import { LAB_SERVICE_WORKER } from './lab-offline-manifest.ts';

const SOURCE = new URL('./lab-service-worker.ts', import.meta.url);

/**
 * Astro integration: after the build (and after the pages got their Content-Security-Policy, so the cached pages are
 * the served ones), writes the lab's service worker to `LAB_SERVICE_WORKER`: `lab-service-worker.ts` without its
 * types, after a first line holding the manifest of what it caches for these pages.
 */
export function labOffline({ pages }: { pages: readonly string[] }): AstroIntegration {
  return {
    name: 'hbh:lab-offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const manifest = await labOfflineManifest(dist, pages);
        const source = await readFile(SOURCE, 'utf8');
        const { code } = await transformWithOxc(source, fileURLToPath(SOURCE), { lang: 'ts' });
        const script = `const LAB_OFFLINE = ${JSON.stringify(manifest)};\n${code}`;
        await writeFile(join(dist, LAB_SERVICE_WORKER), script);
        logger.info(
          `${LAB_SERVICE_WORKER} (version ${manifest.version}) caches ${manifest.pages.length} pages and ${manifest.assets.length} files for the lab offline.`,
        );
      },
    },
  };
}
