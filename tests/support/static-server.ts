import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server over a built site. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** How the server answers, beyond serving files. */
export interface StaticServerOptions {
  /** Gzip text (and WebAssembly) for clients that accept it, as production hosts do. */
  compress?: boolean;
  /** Extra response headers for a path (a Content-Security-Policy header on scripts, say). */
  headers?: (path: string) => Record<string, string>;
}

/** Serves a folder (the built site) on 127.0.0.1 at a free port, with 404.html for missing paths. */
export async function serveStatic(
  root = 'dist',
  { compress = false, headers = () => ({}) }: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const find = async (path: string): Promise<string | undefined> => {
    const file = normalize(join(base, decodeURIComponent(path)));
    if (!file.startsWith(base)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) return find(join(path, 'index.html'));
    return undefined;
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const file = await find(path);
      const target = file ?? join(base, '404.html');
      const type = TYPES[extname(target)] ?? 'application/octet-stream';
      // Compress text as any production host would; tests that weigh pages gzip bodies themselves.
      const gzip =
        compress &&
        /gzip/.test(String(req.headers['accept-encoding'])) &&
        /text|json|xml|svg|javascript|wasm/.test(type);
      res.writeHead(file ? 200 : 404, {
        'Content-Type': type,
        // Files under /_astro/ carry a content hash in their names, so they never change.
        'Cache-Control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...headers(path),
      });
      const stream = createReadStream(target);
      if (gzip) stream.pipe(createGzip()).pipe(res);
      else stream.pipe(res);
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
