import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { axeOn } from '../support/axe.ts';

const site = useBuiltSite();

/** What the dialog shows for one result. */
interface Shown {
  path: string;
  title: string;
  excerptHtml: string;
  excerptText: string;
  subTitles: string[];
}

/** Types a query into the open dialog and reads the results it shows, in order. */
async function results(page: Page, query: string): Promise<Shown[]> {
  const input = page.locator('site-search input');
  if (!(await input.isVisible())) await page.keyboard.press('Control+k');
  await input.fill('');
  await input.fill(query);
  const status = page.locator('site-search .search-status');
  // The status line says how many results (or none) once this query's results are in.
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/\d|“/);
  return page.locator('.search-results > li').evaluateAll((items) =>
    items.map((li) => {
      const link = li.querySelector(':scope > a') as HTMLAnchorElement;
      const excerpt = li.querySelector(':scope > p');
      return {
        path: new URL(link.href).pathname,
        title: link.textContent ?? '',
        excerptHtml: excerpt?.innerHTML ?? '',
        excerptText: excerpt?.textContent ?? '',
        subTitles: [...li.querySelectorAll(':scope > ul a')].map((a) => a.textContent ?? ''),
      };
    }),
  );
}

/** The first result a reader sees: query, the page it is typed on, the page that must come first. */
const FIRST: [query: string, from: string, expected: string][] = [
  // English page: term names and aliases.
  ['fastcgi', '/', '/terms/fastcgi/'],
  ['fcgi', '/', '/terms/fastcgi/'],
  ['fast cgi', '/terms/cgi/', '/terms/fastcgi/'],
  ['mod_python', '/', '/terms/mod-python/'],
  ['mod_wsgi', '/', '/terms/mod-wsgi/'],
  ['mod-wsgi', '/glossary/', '/terms/mod-wsgi/'],
  ['nginx', '/', '/terms/nginx/'],
  ['engine x', '/', '/terms/nginx/'],
  ['apache', '/', '/terms/apache-httpd/'],
  ['httpd', '/', '/terms/apache-httpd/'],
  ['wsgi', '/', '/terms/wsgi/'],
  ['pep 3333', '/', '/terms/wsgi/'],
  ['cgi', '/', '/terms/cgi/'],
  ['common gateway interface', '/', '/terms/cgi/'],
  ['flup', '/', '/terms/flup/'],
  ['php-fpm', '/', '/terms/php-fpm/'],
  ['lighttpd', '/', '/terms/lighttpd/'],
  ['lighty', '/', '/terms/lighttpd/'],
  ['werkzeug', '/', '/terms/werkzeug/'],
  ['flask', '/', '/terms/werkzeug/'],
  ['gunicorn', '/', '/terms/gunicorn/'],
  ['uwsgi', '/', '/terms/uwsgi/'],
  ['asgi', '/', '/terms/asgi/'],
  ['django', '/', '/terms/django/'],
  ['cherrypy', '/', '/terms/cherrypy/'],
  ['cheroot', '/', '/terms/cherrypy/'],
  ['web.py', '/', '/terms/web-py/'],
  ['mod_fastcgi', '/', '/terms/mod-fastcgi/'],
  ['mod_fcgid', '/', '/terms/mod-fastcgi/'],
  ['wsgi middleware', '/', '/terms/wsgi-middleware/'],
  ['wsgi server', '/', '/terms/wsgi-server/'],
  ['http server', '/', '/terms/http-server/'],
  ['reverse proxy', '/', '/terms/reverse-proxy/'],
  ['tomcat', '/', '/terms/servlet-container/'],
  // Chinese page: the same names find the Chinese term; Chinese names and aliases.
  ['fastcgi', '/zh-cn/', '/zh-cn/terms/fastcgi/'],
  ['快速通用网关接口', '/zh-cn/', '/zh-cn/terms/fastcgi/'],
  ['wsgi', '/zh-cn/', '/zh-cn/terms/wsgi/'],
  ['mod_python', '/zh-cn/', '/zh-cn/terms/mod-python/'],
  ['mod_wsgi', '/zh-cn/', '/zh-cn/terms/mod-wsgi/'],
  ['nginx', '/zh-cn/', '/zh-cn/terms/nginx/'],
  ['apache', '/zh-cn/', '/zh-cn/terms/apache-httpd/'],
  ['flup', '/zh-cn/', '/zh-cn/terms/flup/'],
  ['php-fpm', '/zh-cn/', '/zh-cn/terms/php-fpm/'],
  ['通用网关接口', '/zh-cn/', '/zh-cn/terms/cgi/'],
  ['异步服务器网关接口', '/zh-cn/', '/zh-cn/terms/asgi/'],
  ['WSGI 中间件', '/zh-cn/', '/zh-cn/terms/wsgi-middleware/'],
  ['WSGI 服务器', '/zh-cn/', '/zh-cn/terms/wsgi-server/'],
  ['HTTP 服务器', '/zh-cn/', '/zh-cn/terms/http-server/'],
  ['反向代理', '/zh-cn/', '/zh-cn/terms/reverse-proxy/'],
  ['Web 框架', '/zh-cn/', '/zh-cn/terms/web-framework/'],
  ['绿色独角兽', '/zh-cn/', '/zh-cn/terms/gunicorn/'],
  ['Servlet 容器', '/zh-cn/', '/zh-cn/terms/servlet-container/'],
  ['Web服务器网关接口', '/zh-cn/', '/zh-cn/terms/wsgi/'],
  // Across languages: a Chinese name typed on an English page finds the Chinese term.
  ['快速通用网关接口', '/', '/zh-cn/terms/fastcgi/'],
  ['Web服务器网关接口', '/terms/cgi/', '/zh-cn/terms/wsgi/'],
  ['中间件', '/', '/zh-cn/terms/wsgi-middleware/'],
  // Variable names: each has a page of its own, which comes before the pipeline pages whose traces carry it.
  ['PATH_INFO', '/', '/variables/path-info/'],
  ['SCRIPT_NAME', '/', '/variables/script-name/'],
  ['httpoxy', '/', '/variables/http-headers/'],
  ['QUERY_STRING', '/', '/variables/query-string/'],
  ['REDIRECT_STATUS', '/', '/variables/redirect-status/'],
  ['DOCUMENT_ROOT', '/', '/variables/script-filename/'],
  ['SERVER_PORT', '/', '/variables/server-name/'],
  ['wsgi.input', '/', '/variables/wsgi-input/'],
  ['wsgi.url_scheme', '/', '/variables/wsgi-url-scheme/'],
  ['PATH_INFO', '/zh-cn/', '/zh-cn/variables/path-info/'],
  ['SCRIPT_NAME', '/zh-cn/', '/zh-cn/variables/script-name/'],
  ['wsgi.errors', '/zh-cn/', '/zh-cn/variables/wsgi-errors/'],
];

/** One tab per page the queries are typed on, kept open across queries (the dialog stays open between them). */
const tabs = new Map<string, Page>();
let context: BrowserContext;
beforeAll(async () => {
  context = await site.browser.newContext();
});
afterAll(async () => {
  await context?.close();
});
async function tab(from: string): Promise<Page> {
  let page = tabs.get(from);
  if (!page) {
    page = await context.newPage();
    await page.goto(site.server.url + from);
    tabs.set(from, page);
  }
  return page;
}

describe('search ranking', () => {
  for (const [query, from, expected] of FIRST) {
    it(`puts ${expected} first for “${query}” typed on ${from}`, async () => {
      const shown = await results(await tab(from), query);
      expect(shown.map((r) => r.path).slice(0, 3)[0], JSON.stringify(shown.map((r) => r.path).slice(0, 3))).toBe(
        expected,
      );
    });
  }
});

/** Every term's title and aliases (frontmatter, one line each) with the term's page, in one language. */
function termNames(lang: 'en' | 'zh-cn'): { query: string; page: string }[] {
  const dir = lang === 'en' ? 'src/content/docs/terms' : 'src/content/docs/zh-cn/terms';
  const base = lang === 'en' ? '/terms/' : '/zh-cn/terms/';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const title = /^title: (.+)$/m.exec(text)?.[1];
      const aliases = /^aliases: \[(.*)\]$/m.exec(text)?.[1];
      if (!title || aliases === undefined) throw new Error(`${file}: no one-line title or aliases`);
      const page = `${base}${file.replace(/\.md$/, '')}/`;
      return [title, ...aliases.split(',')].map((name) => ({ query: name.trim(), page }));
    });
}

describe('every title and alias', () => {
  for (const [lang, from] of [
    ['en', '/'],
    ['zh-cn', '/zh-cn/'],
  ] as const) {
    it(`finds its own term page first, typed on ${from}`, { timeout: 300_000 }, async () => {
      const names = termNames(lang);
      expect(names.length).toBeGreaterThan(100);
      const slipped: string[] = [];
      for (const { query, page } of names) {
        const first = (await results(await tab(from), query))[0]?.path;
        if (first !== page) slipped.push(`“${query}” → ${first ?? 'nothing'} (want ${page})`);
      }
      expect(slipped).toEqual([]);
    });
  }
});

describe('search results', () => {
  /** Queries whose results once showed trace data, escape sequences or glued words. */
  const PROBES: [query: string, from: string][] = [
    ['wsgi middleware', '/'],
    ['nginx', '/'],
    ['wsgi', '/'],
    ['PATH_INFO', '/'],
    ['environ', '/'],
    ['file_wrapper', '/'],
    ['nginx', '/zh-cn/'],
    ['步骤', '/zh-cn/'],
    ['flup', '/zh-cn/'],
    ['PATH_INFO', '/zh-cn/'],
    ['User-Agent', '/'],
    ['Accept', '/zh-cn/'],
  ];

  it('show no escape sequences from the traces and no environment dumps in snippets', async () => {
    for (const [query, from] of PROBES) {
      for (const r of await results(await tab(from), query)) {
        // The trace tables showed line ends as "\r\n" and a snippet ran on into the next step ("\n 步骤 2"); a "\n"
        // inside a code example on a term page is the example's own text.
        expect(r.excerptText, `${query} → ${r.path}`).not.toMatch(/\\r\\n|\\n\s*(?:Step|步骤) \d/);
        // A dump shows values (`<class …>`, `REQUEST_METHOD=GET`); a variable page may name wsgi.file_wrapper.
        const dump = r.path.includes('/variables/')
          ? /<class |REQUEST_METHOD=/
          : /wsgi\.file_wrapper|<class |REQUEST_METHOD=/;
        expect(r.excerptText, `${query} → ${r.path}`).not.toMatch(dump);
      }
    }
  });

  it('keep the space after a highlighted word', async () => {
    const [first] = await results(await tab('/'), 'wsgi middleware');
    expect(first?.path).toBe('/terms/wsgi-middleware/');
    expect(first?.excerptHtml).toMatch(/<mark>WSGI<\/mark> <mark>middleware/);
    expect(first?.excerptText).toContain('WSGI middleware is a component');
    expect(first?.excerptText).not.toMatch(/WSGImiddleware|middlewareis/);
  });

  it('list distinct sections, never the page itself', async () => {
    for (const [query, from] of PROBES) {
      for (const r of await results(await tab(from), query)) {
        expect(r.subTitles, `${query} → ${r.path}`).not.toContain(r.title);
        expect(new Set(r.subTitles).size, `${query} → ${r.path}`).toBe(r.subTitles.length);
      }
    }
  });
});

describe('search dialog with results', () => {
  for (const [from, query] of [
    ['/', 'fastcgi'],
    ['/zh-cn/', '快速通用网关接口'],
  ] as const) {
    it(`has no axe violations on ${from} (“${query}”)`, async () => {
      const own = await context.newPage();
      await own.goto(site.server.url + from);
      expect((await results(own, query)).length).toBeGreaterThan(0);
      const result = await axeOn(own).include('site-search dialog').analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await own.close();
    });
  }
});

describe('search dialog keys', () => {
  for (const [from, hint] of [
    ['/', 'Esc clears, then closes'],
    ['/zh-cn/', 'Esc 先清空、再关闭'],
  ] as const) {
    it(`does what its hint says on ${from}: ${hint}`, async () => {
      const own = await context.newPage();
      await own.goto(site.server.url + from);
      await results(own, 'nginx');
      const dialog = own.locator('site-search dialog');
      await expect.poll(() => own.locator('.search-hint').textContent()).toContain(hint);
      await own.keyboard.press('Escape');
      expect(await own.locator('site-search input').inputValue()).toBe('');
      expect(await dialog.isVisible()).toBe(true);
      await expect.poll(() => own.locator('.search-results > li').count()).toBe(0);
      await own.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await own.close();
    });
  }
});
