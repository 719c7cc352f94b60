import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { measurePage } from '../support/page-weight.ts';
import { DIST } from '../support/site.ts';

/**
 * Player and simulator together, on a pipeline page that has traced a request of its own and compares it (gzip).
 * 42 KiB since the engine draws the comparison's two pipelines itself (before, that view loaded Mermaid, about
 * 200 KB gzip, which this budget never counted) and carries the request-size and pipelining limits and the links to
 * the variable pages. 44 KiB since the engine reads the pipeline manifest, whose entries also carry each pipeline's
 * configuration files, process architecture and conformance runs (about 1 KB gzip for fifteen pipelines). 47 KiB
 * since it also models an HTTP hop between servers (nginx's proxy_pass request and response) and Gunicorn's environ
 * and response for nginx-gunicorn (about 3 KB gzip). 49 KiB since it also runs Uvicorn for nginx-uvicorn: h11's
 * reading, the ASGI scope and events, the ASGI dump application and the renderer of ASGI hops (about 2 KB gzip).
 * 52 KiB with nginx-uwsgi beside them (the uwsgi packet, nginx's vars, uWSGI's environ and the packet's byte labels,
 * about 0.8 KB gzip): 52,091 B measured. 53 KiB with the parsing rules of corpus cases 70–78 (lighttpd's authority
 * against Host and host-strict names, the request line split four ways, nginx's body buffers for FastCGI STDIN,
 * Python's leading-slash rule; about 1.6 KB gzip): 53,840 B measured. The engine carries every pipeline kind's
 * runner; loading only the runners a trace needs is how to bring this down again.
 */
const PLAYER_BUDGET_GZIP = 53 * 1024;

const ASSETS = join(DIST, '_astro');
const RE_IMPORT = /["'`](?:\.{0,2}\/)?(?:_astro\/)?([\w.-]+\.js)["'`]/g;

/** Every chunk a chunk reaches through static or dynamic imports, itself included. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(join(ASSETS, file), 'utf8').matchAll(RE_IMPORT)) {
      const name = match[1];
      if (name && readdirSync(ASSETS).includes(name)) visit(name);
    }
  };
  visit(entry);
  return seen;
}

const site = useBuiltSite();

describe('JavaScript weight of a pipeline page', () => {
  it(`loads at most ${PLAYER_BUDGET_GZIP} bytes gzip of player and simulator (what its own entry reaches: no Mermaid, no site chrome)`, async () => {
    const entry = readdirSync(ASSETS).find((f) => /^PipelinePage\.astro.*\.js$/.test(f));
    expect(entry).toBeTruthy();
    const player = reachable(entry ?? '');
    const weight = await measurePage(
      site.browser,
      site.server.url,
      '/pipelines/nginx-fastcgi-flup/?req=form-post&vs=apache-cgi#step-2',
    );
    const counted = weight.scripts.filter((s) => player.has(s.url.split('/').at(-1) ?? ''));
    expect(counted.some((s) => /trace-engine/.test(s.url))).toBe(true);
    const total = counted.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `pipeline page, player + simulator: ${total} B gzip — ${counted.map((s) => `${s.url} ${s.gzip}`).join(', ')}`,
    );
    expect(total).toBeLessThanOrEqual(PLAYER_BUDGET_GZIP);
  });
});
