import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VARIABLE_PAGES, slugOfName, variableHref, variableSlug } from '../../../src/glossary/variables.ts';
import {
  VARIABLE_PIPELINES,
  VARIABLE_REQUEST_IDS,
  checkClaims,
  traceFor,
  variableCell,
  variableRows,
  type VariableClaim,
} from '../../../src/glossary/variable-table.ts';
import { variableFields } from '../../../src/glossary/term-fields.ts';
import { validateVariablePages } from '../../../src/glossary/validate-variables.ts';
import { renderStep } from '../../../src/render/render-trace.ts';
import { playerStrings } from '../../../src/i18n/player.ts';
import { toHtml } from '../../../src/render/element-tree.ts';

const DOCS = 'src/content/docs';
const FOLDERS = { en: join(DOCS, 'variables'), 'zh-cn': join(DOCS, 'zh-cn', 'variables') } as const;

/** Every variable page of a language, parsed with the schema the build uses. */
function pages(lang: keyof typeof FOLDERS) {
  return readdirSync(FOLDERS[lang])
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(FOLDERS[lang], file), 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
      return { slug: file.replace(/\.md$/, ''), text, data: variableFields.parse(parse(front)) };
    });
}

describe('variable page slugs and links', () => {
  it('turns a name into a slug', () => {
    expect(slugOfName('SCRIPT_NAME')).toBe('script-name');
    expect(slugOfName('wsgi.input')).toBe('wsgi-input');
    expect(slugOfName('wsgi.url_scheme')).toBe('wsgi-url-scheme');
    expect(slugOfName('HTTP_*')).toBe('http-headers');
  });

  it('finds the page of every name, header variables included, and none for others', () => {
    expect(variableSlug('PATH_INFO')).toBe('path-info');
    expect(variableSlug('SERVER_PORT')).toBe('server-name');
    expect(variableSlug('DOCUMENT_ROOT')).toBe('script-filename');
    expect(variableSlug('wsgi.multithread')).toBe('wsgi-version');
    expect(variableSlug('HTTP_USER_AGENT')).toBe('http-headers');
    expect(variableSlug('GATEWAY_INTERFACE')).toBeUndefined();
    expect(variableSlug('mod_wsgi.process_group')).toBeUndefined();
    expect(variableHref('SCRIPT_NAME', 'en')).toBe('/variables/script-name/');
    expect(variableHref('HTTP_HOST', 'zh-cn')).toBe('/zh-cn/variables/http-headers/');
  });
});

describe('the variable pages', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`${lang}: are exactly the pages VARIABLE_PAGES lists, with the same names`, () => {
      const found = pages(lang).map((p) => ({ slug: p.slug, names: p.data.names }));
      expect(found.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
        VARIABLE_PAGES.map((p) => ({ slug: p.slug, names: [...p.names] })).sort((a, b) => a.slug.localeCompare(b.slug)),
      );
    });

    it(`${lang}: are titled by the variable names, so search finds them by name`, () => {
      for (const page of pages(lang)) {
        const title = /^title: "?([^"\n]+)"?$/m.exec(page.text)?.[1] ?? '';
        expect(
          page.data.names.every((name) => title.includes(name)),
          page.slug,
        ).toBe(true);
      }
    });

    it(`${lang}: make only claims the simulator bears out`, () => {
      for (const page of pages(lang)) {
        expect(checkClaims(page.data.claims, page.data.names[0] ?? ''), page.slug).toEqual([]);
      }
    });
  }

  it('make the same claims in both languages', () => {
    const strip = (claims: VariableClaim[]) => claims.map((c) => ({ ...c, text: undefined }));
    const zh = new Map(pages('zh-cn').map((p) => [p.slug, p.data]));
    for (const page of pages('en'))
      expect(strip(zh.get(page.slug)?.claims ?? []), page.slug).toEqual(strip(page.data.claims));
  });
});

describe('reading a variable from a trace', () => {
  it('reads it where it reaches the application', () => {
    expect(variableCell(traceFor('nginx-fastcgi-flup', 'prefix'), 'PATH_INFO')).toEqual({
      kind: 'value',
      value: '/hello/world',
    });
    // The WSGI environ, not the FastCGI parameters: flup adds the wsgi.* keys.
    expect(variableCell(traceFor('nginx-fastcgi-flup', 'prefix'), 'wsgi.url_scheme')).toEqual({
      kind: 'value',
      value: 'http',
    });
    // PHP: the $_SERVER pairs.
    expect(variableCell(traceFor('nginx-fastcgi-php', 'prefix'), 'PHP_SELF')).toEqual({
      kind: 'value',
      value: '/app/hello/world',
    });
  });

  it('says "not set" for a variable the application does not get, and the status of a rejected request', () => {
    expect(variableCell(traceFor('wsgiref', 'prefix'), 'REQUEST_URI')).toEqual({ kind: 'unset' });
    expect(variableCell(traceFor('apache-cgi', 'encoded-slash'), 'PATH_INFO')).toEqual({
      kind: 'rejected',
      status: 404,
    });
    expect(variableCell(traceFor('apache-modwsgi-embedded', 'chunked'), 'CONTENT_LENGTH')).toEqual({
      kind: 'rejected',
      status: 411,
    });
  });

  it('draws one row per pipeline that passes variables, one cell per request', () => {
    const rows = variableRows('SCRIPT_NAME', ['prefix', 'no-host']);
    expect(rows.map((r) => r.pipeline)).toEqual(VARIABLE_PIPELINES);
    expect(rows.every((r) => r.cells.length === 2)).toBe(true);
    expect(VARIABLE_PIPELINES).not.toContain('nginx-static');
  });
});

describe('checking claims', () => {
  it('lets a true claim pass and names what the simulator really gives for a wrong one', () => {
    expect(checkClaims([{ pipeline: 'nginx-fastcgi-flup', request: 'prefix', value: '/app' }], 'SCRIPT_NAME')).toEqual(
      [],
    );
    expect(checkClaims([{ pipeline: 'nginx-fastcgi-flup', request: 'prefix', unset: true }], 'PATH_INFO')).toEqual([
      'nginx-fastcgi-flup, request "prefix": the page says PATH_INFO is not set, the simulator gives "/hello/world"',
    ]);
    expect(checkClaims([{ pipeline: 'nginx-static', request: 'prefix', status: 404 }], 'PATH_INFO')[0]).toMatch(
      /unknown pipeline "nginx-static"/,
    );
  });

  it('fails the build on a wrong claim, a misplaced page or a missing twin', () => {
    const claims: VariableClaim[] = [{ pipeline: 'werkzeug', request: 'prefix', value: '/app' }];
    const problems = validateVariablePages([
      { id: 'variables/script-name', filePath: 'en.md', data: { names: ['SCRIPT_NAME'], claims } },
      { id: 'variables/path-info', filePath: 'p.md', data: { names: ['SCRIPT_NAME'], claims: [] } },
    ]);
    expect(problems.map((p) => `${p.filePath} ${p.field}`)).toEqual([
      'en.md claims',
      'p.md names',
      'p.md names',
      'en.md type',
      'p.md type',
    ]);
  });
});

describe('the player links variable names to their pages', () => {
  it('in the page language', () => {
    const hop = traceFor('nginx-fastcgi-flup', 'prefix').hops[1];
    if (!hop) throw new Error('no hop');
    const zh = toHtml(renderStep(hop, 1, playerStrings('zh-cn')));
    expect(zh).toContain('<a href="/zh-cn/variables/script-name/" class="variable-link"><code>SCRIPT_NAME</code></a>');
    expect(zh).toContain('<a href="/zh-cn/variables/http-headers/" class="variable-link"><code>HTTP_HOST</code></a>');
    const en = toHtml(renderStep(hop, 1, playerStrings('en')));
    expect(en).toContain('<a href="/variables/path-info/" class="variable-link"><code>PATH_INFO</code></a>');
    expect(en).toContain('<code>GATEWAY_INTERFACE</code>');
    expect(en).not.toContain('variables/gateway-interface');
  });
});

describe('the variable tables’ pipelines', () => {
  it('say “rejected” only where the server answered with an error, and leave out the ASGI pipeline', () => {
    expect(VARIABLE_PIPELINES.length).toBeGreaterThan(0);
    expect(VARIABLE_PIPELINES).not.toContain('nginx-uvicorn');
    for (const pipeline of VARIABLE_PIPELINES)
      for (const request of VARIABLE_REQUEST_IDS) {
        const cell = variableCell(traceFor(pipeline, request), 'PATH_INFO');
        if (cell.kind === 'rejected') expect(cell.status, `${pipeline} ${request}`).toBeGreaterThanOrEqual(400);
      }
  });
});
