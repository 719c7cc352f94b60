import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBuiltSite } from '../support/built-site.ts';
import { measurePage } from '../support/page-weight.ts';
import { DIST } from '../support/site.ts';

/**
 * Player and simulator together, on a pipeline page that has traced a request of its own and compares it (gzip).
 * Its history: 42 KiB once the engine drew the comparison itself (no Mermaid), then 44, 47, 49, 52 and 53 KiB as the
 * engine learnt the manifest, the HTTP hop between servers, Uvicorn, uWSGI and the parsing rules of cases 70–78; the
 * faults took the single engine bundle that carried every pipeline to about 66 KB.
 * Since then the engine (trace-engine.ts: the tracer's entry, the renderers, the presets) carries no pipeline: the
 * player loads, beside it, the parts of the pipelines it traces (src/sim/pipelines/parts/<id>.ts: the manifest entry,
 * the front server's profile, the runner of its kind) with a dynamic import each, its own pipeline's when it first
 * traces and the comparison's when the reader compares. The simulator's core (parser, tracer, hops, shared server
 * helpers, WSGI, CGI responses, faults) is one chunk and the manifest entries another (src/chunk-groups.ts); the
 * entries' conformance runs and fault runs stay out of the browser (`<ENTRY>_CONFORMANCE`). Measured for
 * nginx-fastcgi-flup compared with apache-cgi: 58,686 B with the parsing rules of cases 81–83 (51,715 B without the
 * comparison); the manifest chunk (about 5 KB) is shared with the process model, which loads it too. 60 KiB with the
 * framing, Host and target-form rules of cases 90–98 in the parser and the profiles (about 1.6 KB): 60,289 B measured.
 * Splitting the server profiles and runners by what each pipeline runs (nginx's profile carries its FastCGI, uwsgi and
 * proxy parts; run-fastcgi carries PHP-FPM's) and giving the process model a slim table instead of the manifest are
 * the next steps down. 76 KiB since the request-line, path, method and field-line rules of cases 84–129 and the
 * gateways' handling of odd application results (what wsgiref, Werkzeug, Cheroot, mod_wsgi, mod_python, uWSGI,
 * Gunicorn and flup do with a str item, a second start_response, an exception at each point: needed by the lab, but
 * today in the shared core) went in: 76,930 B measured (sim-core 41.8 KB, the renderers' chunk 10.2 KB). A regression
 * to win back: the odd-result models belong in the pipeline parts of the gateway that has them, or in a chunk only
 * the lab loads, and the profile and runner splits above still apply. 70 KiB once the registry of every front
 * server's profile (server-profiles.ts, which only `partsOf` reads: the lab, the CLI, the tests) left the core chunk,
 * where it had pulled in every profile and the Python servers' odd-result models (wsgiref's, Werkzeug's, Cheroot's):
 * a page now loads the profiles and gateway models of the pipelines it traces, 71,020 B measured (sim-core 20.9 KB);
 * 71,261 B with nginx's HTTP/0.9 relay and kept status line, the gateway models' shared loop (replay-result.ts) and
 * the Python gateways' helpers in one chunk (python-gateway, 795 B). Still in the player's reach, and only the lab's
 * to need: base-handler.ts's and flup-handler.ts's handling of odd results (most of base-handler's 1,733 B chunk,
 * and flup-handler's part of run-fastcgi), which a normal result could skip if the lab handed the models to the
 * runners. 73 KiB since the rules of cases 89 and 130–152 (nginx's method, value and Host checks, REMOTE_USER and
 * PHP's auth variables; Apache's expectations, If-None-Match: *, absolute-form hosts; lighttpd's Upgrade; the
 * Python servers' HEAD refusals, repeated Host and bare CR): 73,557 B measured (sim-core 22.0 KB, apache-profile
 * 7.6 KB). 74 KiB since the rules of cases 163–184 (Apache's apr_uri_parse reading of targets and APR's table of
 * default ports, mod_proxy_fcgi's prefetch and reads, nginx's path checks after the request line, the HTTP/0.9
 * target check): 75,196 B measured (sim-core 22.4 KB, apache-profile 8.8 KB). The splits above are still the way
 * down.
 */
const PLAYER_BUDGET_GZIP = 74 * 1024;

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
