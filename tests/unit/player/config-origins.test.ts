import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS, pipelineOrigins, runPipeline, type Hop } from '../../../src/sim/index.ts';
import {
  configFiles,
  directiveMatches,
  fillPlaceholders,
  linesOf,
  originLines,
} from '../../../src/player/reference-config.ts';
import { originAnchor } from '../../../src/render/origin-anchor.ts';
import { renderStep } from '../../../src/render/render-trace.ts';
import { playerStrings } from '../../../src/i18n/player.ts';
import { toHtml } from '../../../src/render/element-tree.ts';

const root = new URL('../../../', import.meta.url);
const read = (source: string): string => fillPlaceholders(readFileSync(new URL(source, root), 'utf8'));
const requestsDir = new URL('tests/fixtures/requests/', root);
const corpus = readdirSync(requestsDir)
  .filter((name) => name.endsWith('.http'))
  .map((name) => ({ name, bytes: readFileSync(new URL(name, requestsDir)) }));
/** The corpus's plain GET; a missing corpus fails the file rather than checking nothing. */
const plainGet = corpus.find((c) => c.name.startsWith('01-'))?.bytes;
if (!plainGet) throw new Error('tests/fixtures/requests/ has no 01-… request');

/** The variable names a hop carries, wherever it carries them. */
function carried(hop: Hop): Set<string> {
  const pairs = [
    ...(hop.cgi?.env ?? []),
    ...(hop.fastcgi?.records.flatMap((record) => record.params ?? []) ?? []),
    ...(hop.uwsgi?.vars ?? []),
    ...(hop.wsgi?.environ ?? []),
    ...(hop.data?.pairs ?? []),
    ...(hop.asgi?.scope ?? []),
  ];
  return new Set(pairs.map(([name]) => name));
}

describe('configuration origins', () => {
  it('has pipelines to check', () => expect(PIPELINE_IDS.length).toBeGreaterThan(0));

  it.each(PIPELINE_IDS)('%s: every directive names exactly one line of a file the page shows', (id) => {
    const files = new Map(configFiles(id).map((f) => [f.file, read(f.source)]));
    for (const origin of pipelineOrigins(id)) {
      const text = files.get(origin.file);
      expect(text, `${id}: ${origin.name} names ${origin.file}, which the page does not show`).toBeDefined();
      expect(linesOf(origin.directive, text ?? ''), `${id}: ${origin.name} ← ${origin.directive}`).toHaveLength(1);
    }
  });

  it('a directive that is no line of the file names none (the check above can fail)', () => {
    expect(linesOf('ScriptAlias /elsewhere', read('configs/apache-cgi/apache2.conf'))).toEqual([]);
    expect(directiveMatches('Listen', '\tListen   127.0.0.1:8080')).toBe(true);
    expect(directiveMatches('Listen', 'ListenBacklog 511')).toBe(false);
  });

  it('every pipeline that passes variables reports origins for a plain GET, and only for what the hop carries', () => {
    for (const id of PIPELINE_IDS.filter((p) => !p.endsWith('-static'))) {
      const trace = runPipeline(id, plainGet);
      expect(
        trace.hops.some((hop) => (hop.origins?.length ?? 0) > 0),
        `${id} reports no origin`,
      ).toBe(true);
    }
    for (const { name, bytes } of corpus) {
      for (const id of PIPELINE_IDS) {
        for (const hop of runPipeline(id, bytes).hops) {
          const names = carried(hop);
          for (const origin of hop.origins ?? [])
            if (!origin.route) expect(names.has(origin.name), `${id} ${name}: ${origin.name} not carried`).toBe(true);
          if (hop.direction === 'response') expect(hop.origins).toBeUndefined();
        }
      }
    }
  });

  it('nginx names both the fastcgi_params line and the line that decides its value', () => {
    const hop = runPipeline('nginx-fastcgi-flup', plainGet).hops.find((h) => h.fastcgi);
    const scriptName = hop?.origins?.filter((o) => o.name === 'SCRIPT_NAME');
    expect(scriptName?.map((o) => `${o.file}: ${o.directive}`)).toEqual([
      'fastcgi_params: fastcgi_param SCRIPT_NAME',
      'nginx.conf: include /etc/nginx/fastcgi_params;',
      'nginx.conf: fastcgi_split_path_info',
    ]);
  });

  it('mod_wsgi daemon mode names the lines that send the request to the daemon first, as routes', () => {
    const hop = runPipeline('apache-modwsgi-daemon', plainGet).hops[1];
    expect(hop?.to).toBe('mod_wsgi-daemon');
    expect(hop?.origins?.slice(0, 2)).toEqual([
      { name: 'mod_wsgi.process_group', file: 'apache2.conf', directive: 'WSGIProcessGroup hop', route: true },
      { name: 'mod_wsgi.process_group', file: 'apache2.conf', directive: 'WSGIDaemonProcess hop', route: true },
    ]);
    expect(hop?.origins?.slice(2).some((origin) => origin.route)).toBe(false);
  });

  it.each(PIPELINE_IDS)('%s: one anchor per named line, and no two lines share an anchor', (id) => {
    const byAnchor = new Map<string, string>();
    for (const { file, directive } of pipelineOrigins(id)) {
      const anchor = originAnchor(file, directive);
      const key = `${file}\u0000${directive}`;
      expect(byAnchor.get(anchor) ?? key, `${anchor} names two directives`).toBe(key);
      byAnchor.set(anchor, key);
    }
  });

  it('renders "Set by" links only where the page shows the configuration', () => {
    const trace = runPipeline('apache-cgi', plainGet);
    const hop = trace.hops.find((h) => h.cgi);
    if (!hop) throw new Error('apache-cgi has no CGI hop');
    const texts = new Map(configFiles('apache-cgi').map((f) => [f.file, read(f.source)]));
    const lines = originLines(pipelineOrigins('apache-cgi'), texts);
    const s = playerStrings('en');
    const html = toHtml(renderStep(hop, 1, s, { lines }));
    const line = linesOf('ScriptAlias /app', texts.get('apache2.conf') ?? '')[0];
    expect(html).toContain(`href="#config-apache2-conf-scriptalias-app"`);
    expect(html).toContain(`<code>apache2.conf:${line}</code>`);
    expect(html).toMatch(/<tr data-origins="[^"]*config-apache2-conf-scriptalias-app/);
    expect(toHtml(renderStep(hop, 1, s))).not.toContain('origin-link');
  });
});
