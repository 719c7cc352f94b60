import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { PYODIDE_BASE, PYODIDE_FILES, PYODIDE_LOCK, labLockFile } from './pyodide-files.ts';

/** `node_modules/pyodide/`, wherever npm put it. */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

const TYPES = new Map([
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.zip', 'application/zip'],
  ['.json', 'application/json'],
]);

/**
 * Astro integration: Pyodide's files on the site's own origin under `PYODIDE_BASE` — copied from the npm package
 * into the build output (only the files `PYODIDE_FILES` names, and the reduced lock file), and served from
 * `node_modules` by `astro dev`. Nothing else of the package ships; no other origin is ever asked.
 */
export function pyodideAssets(): AstroIntegration {
  return {
    name: 'hbh:pyodide-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          if (!path.startsWith(PYODIDE_BASE)) return next();
          const name = path.slice(PYODIDE_BASE.length);
          const isFile = (PYODIDE_FILES as readonly string[]).includes(name);
          if (!isFile && name !== PYODIDE_LOCK) return next();
          void (async () => {
            const bytes = await readFile(join(packageDir(), name));
            const body = isFile ? bytes : labLockFile(bytes.toString('utf8'));
            res.setHeader('Content-Type', TYPES.get(name.slice(name.lastIndexOf('.'))) ?? 'application/octet-stream');
            res.end(body);
          })().catch(next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const from = packageDir();
        const to = join(fileURLToPath(dir), PYODIDE_BASE);
        await mkdir(to, { recursive: true });
        for (const name of PYODIDE_FILES) await copyFile(join(from, name), join(to, name));
        await writeFile(join(to, PYODIDE_LOCK), labLockFile(await readFile(join(from, PYODIDE_LOCK), 'utf8')));
        logger.info(`Pyodide's files copied to ${PYODIDE_BASE} (${PYODIDE_FILES.length + 1} files).`);
      },
    },
  };
}
