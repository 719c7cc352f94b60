import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { remarkMermaid } from '../../../src/markdown/remark-mermaid.ts';
import { pageLang, remarkPipelineDiagram } from '../../../src/markdown/remark-pipeline-diagram.ts';
import { pipelineMermaid } from './pipeline-mermaid.ts';
import { pipelineChart } from '../../../src/render/pipeline-chart.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { PIPELINES, PIPELINE_IDS } from '../../../src/sim/index.ts';
import { diagramEdges, modelledPipelinesDrawnBy, pipelineEdges } from './diagram-edges.ts';

const fence = (lang: string, value: string): Root => ({
  type: 'root',
  children: [{ type: 'code', lang, value, position: { start: { line: 7, column: 1 }, end: { line: 9, column: 1 } } }],
});

/** What the whole Markdown pipeline makes of a fence: both plugins, in the order astro.config.mjs runs them. */
function render(lang: string, value: string, path: string): string {
  const root = fence(lang, value);
  remarkPipelineDiagram()(root, { path });
  remarkMermaid()(root, { path });
  const node = root.children[0];
  if (node?.type !== 'html') throw new Error(`expected html, got ${node?.type}`);
  return node.value;
}

const nginxFlup = PIPELINES['nginx-fastcgi-flup'];
if (!nginxFlup) throw new Error('missing pipeline nginx-fastcgi-flup');

describe('remarkPipelineDiagram', () => {
  it('draws the pipeline as its chart, built from the pipeline data, in English', () => {
    const path = '/repo/src/content/docs/terms/flup.md';
    const html = render('pipeline', 'nginx-fastcgi-flup', path);
    expect(html).toBe(toHtml(pipelineChart(nginxFlup, 'en')));
    expect(html).not.toContain('mermaid-diagram');
    expect(html).toContain('<span class="diagram-title">nginx → fastcgi_pass → flup → WSGI</span>');
    expect(html).toContain('<a class="chart-node" data-node="flup" href="/terms/flup/">');
  });

  it('draws it in Chinese on a page under /zh-cn/, nodes linking to Chinese terms', () => {
    const path = '/repo/src/content/docs/zh-cn/terms/flup.md';
    const html = render('pipeline', 'nginx-fastcgi-flup', path);
    expect(html).toBe(toHtml(pipelineChart(nginxFlup, 'zh-cn')));
    expect(html).toContain('通过 FastCGI 与 flup');
    expect(html).toContain('href="/zh-cn/terms/flup/"');
  });

  it('draws every pipeline in both languages, ignoring whitespace around the id', () => {
    for (const id of PIPELINE_IDS) {
      const pipeline = PIPELINES[id];
      if (!pipeline) throw new Error(id);
      expect(render('pipeline', `  ${id}\n`, 'src/content/docs/terms/x.md')).toBe(
        toHtml(pipelineChart(pipeline, 'en')),
      );
      expect(render('pipeline', id, 'src/content/docs/zh-cn/terms/x.md')).toBe(
        toHtml(pipelineChart(pipeline, 'zh-cn')),
      );
    }
  });

  it('tells the language from the path', () => {
    expect(pageLang('/repo/src/content/docs/zh-cn/terms/cgi.md')).toBe('zh-cn');
    expect(pageLang('C:\\repo\\src\\content\\docs\\zh-cn\\terms\\cgi.md')).toBe('zh-cn');
    expect(pageLang('/repo/src/content/docs/terms/cgi.md')).toBe('en');
    expect(pageLang(undefined)).toBe('en');
  });

  it('fails on an unknown id, naming the file, the line and the known ids', () => {
    const known = PIPELINE_IDS.join(', ');
    expect(() =>
      remarkPipelineDiagram()(fence('pipeline', 'nginx-fastcgi'), { path: 'src/content/docs/terms/cgi.md' }),
    ).toThrow(`src/content/docs/terms/cgi.md:7: unknown pipeline "nginx-fastcgi" (known: ${known})`);
    expect(() => remarkPipelineDiagram()(fence('pipeline', 'constructor'), { path: 'a.md' })).toThrow(
      /^a\.md:7: unknown pipeline "constructor" \(known: apache-static, /,
    );
    expect(() => remarkPipelineDiagram()(fence('pipeline', ''), { path: 'a.md' })).toThrow(
      'a.md:7: unknown pipeline ""',
    );
  });

  it('counts lines in the file, frontmatter included, although Astro hands remark the body alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hbh-fence-'));
    try {
      const body = 'Intro.\n\n```pipeline\nnope\n```\n\n```mermaid\nflowchart LR\n  a --> b\n```';
      const path = join(dir, 'page.md');
      writeFileSync(path, `---\ntitle: Page\n---\n\n${body}\n`);
      const at = (line: number) => ({ start: { line, column: 1 }, end: { line: line + 2, column: 1 } });
      const file = { path, value: body };
      const pipelineTree: Root = {
        type: 'root',
        children: [{ type: 'code', lang: 'pipeline', value: 'nope', position: at(3) }],
      };
      expect(() => remarkPipelineDiagram()(pipelineTree, file)).toThrow(`${path}:7: unknown pipeline "nope"`);
      const mermaidTree: Root = {
        type: 'root',
        children: [{ type: 'code', lang: 'mermaid', value: 'flowchart LR\n  a --> b', position: at(7) }],
      };
      expect(() => remarkMermaid()(mermaidTree, file)).toThrow(`${path}:11: mermaid diagram needs`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a file inside the working directory by its relative path', () => {
    expect(() =>
      remarkPipelineDiagram()(fence('pipeline', 'nope'), {
        path: join(process.cwd(), 'src/content/docs/terms/cgi.md'),
      }),
    ).toThrow(/^src\/content\/docs\/terms\/cgi\.md:7: unknown pipeline "nope"/);
  });

  it('leaves other fences alone', () => {
    const root = fence('mermaid', 'flowchart LR\n  a --> b');
    remarkPipelineDiagram()(root, { path: 'a.md' });
    expect(root.children[0]?.type).toBe('code');
  });
});

/** The hand-written flup diagram that stood on the flup page before it used the generated one. */
const HAND_DRAWN_FLUP = `flowchart LR
  accTitle: flup on the request path
  accDescr: The browser sends HTTP to a front-end web server.
  browser[Browser] -->|HTTP| web["Apache, lighttpd or nginx"]
  web -->|FastCGI records over a socket| flup["flup WSGIServer"]
  flup -->|"WSGI call: app(environ, start_response)"| app["Python app, e.g. Django"]`;

const HAND_DRAWN_FLUP_ZH = `flowchart LR
  accTitle: flup 在请求路径中的位置
  accDescr: 浏览器用 HTTP 访问前端 Web 服务器。
  browser[浏览器] -->|HTTP| web["Apache、lighttpd 或 nginx"]
  web -->|套接字上的 FastCGI 记录| flup["flup WSGIServer"]
  flup -->|"WSGI 调用：app(environ, start_response)"| app["Python 应用，如 Django"]`;

describe('drift guard: comparing a hand-written diagram with the modelled pipelines', () => {
  it('recognises every pipeline in its own generated diagram, in both languages', () => {
    for (const pipeline of Object.values(PIPELINES)) {
      for (const lang of ['en', 'zh-cn'] as const) {
        expect(diagramEdges(pipelineMermaid(pipeline, lang))).toEqual(pipelineEdges(pipeline));
        expect(modelledPipelinesDrawnBy(pipelineMermaid(pipeline, lang))).toContain(pipeline.id);
      }
    }
  });

  it('catches a hand-drawn copy of a modelled pipeline, whatever its wording or language', () => {
    expect(modelledPipelinesDrawnBy(HAND_DRAWN_FLUP)).toEqual(['apache-fastcgi-flup']);
    expect(modelledPipelinesDrawnBy(HAND_DRAWN_FLUP_ZH)).toEqual(['apache-fastcgi-flup']);
    const nginxFirst = HAND_DRAWN_FLUP.replace('web["Apache, lighttpd or nginx"]', 'web[nginx]');
    expect(modelledPipelinesDrawnBy(nginxFirst)).toEqual(['nginx-fastcgi-flup']);
    // A reply arrow does not make it a different diagram.
    expect(modelledPipelinesDrawnBy(`${HAND_DRAWN_FLUP}\n  app -->|iterable of bytes| flup`)).toEqual([
      'apache-fastcgi-flup',
    ]);
    const cherrypy = `flowchart LR
  b[Browser] -->|HTTP| c[Cheroot HTTP server]
  c -- "WSGI call" --> a[CherryPy application]`;
    expect(modelledPipelinesDrawnBy(cherrypy)).toEqual(['cherrypy']);
  });

  it('lets a diagram that draws more, less or other things than a pipeline stay hand-written', () => {
    // A static-file branch is more than the pipeline.
    expect(modelledPipelinesDrawnBy(`${HAND_DRAWN_FLUP}\n  web -->|static file| files[Document root]`)).toEqual([]);
    // A generic application process is not flup plus a WSGI application.
    const generic = `flowchart LR
  browser[Browser] -->|HTTP| nginx[nginx]
  nginx -->|FastCGI records| app[Application process]`;
    expect(modelledPipelinesDrawnBy(generic)).toEqual([]);
    // A different protocol on a hop is a different pipeline.
    expect(modelledPipelinesDrawnBy(HAND_DRAWN_FLUP.replace('FastCGI records', 'SCGI records'))).toEqual([]);
    // Other diagram types have no edges to compare.
    expect(modelledPipelinesDrawnBy('sequenceDiagram\n  B->>S: HTTP request')).toEqual([]);
  });

  it('refuses a flowchart line it cannot read rather than skip an edge', () => {
    expect(() => diagramEdges('flowchart LR\n  a --> b --> c')).toThrow(/cannot read this Mermaid line/);
  });
});

const TERM_DIRS = ['src/content/docs/terms', 'src/content/docs/zh-cn/terms'] as const;
const FENCE_RE = /^```(mermaid|pipeline)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;

/** Each term page's diagram fences, in order. */
function termFences(dir: string): Map<string, { lang: string; body: string; line: number }[]> {
  const pages = new Map<string, { lang: string; body: string; line: number }[]>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md') || n.endsWith('.mdx'))) {
    const text = readFileSync(`${dir}/${name}`, 'utf8');
    pages.set(
      name,
      [...text.matchAll(FENCE_RE)].map((m) => ({
        lang: m[1] ?? '',
        body: m[2] ?? '',
        line: text.slice(0, m.index).split('\n').length,
      })),
    );
  }
  return pages;
}

describe('term pages', () => {
  const [en, zh] = TERM_DIRS.map(termFences) as [ReturnType<typeof termFences>, ReturnType<typeof termFences>];

  it('draw no modelled pipeline by hand (use a ```pipeline fence instead)', () => {
    const drift: string[] = [];
    for (const [dir, pages] of [
      [TERM_DIRS[0], en],
      [TERM_DIRS[1], zh],
    ] as const) {
      for (const [name, fences] of pages) {
        for (const f of fences.filter((x) => x.lang === 'mermaid')) {
          const ids = modelledPipelinesDrawnBy(f.body);
          if (ids.length > 0) drift.push(`${dir}/${name}:${f.line}: draws ${ids.join(' / ')}`);
        }
      }
    }
    expect(drift).toEqual([]);
  });

  it('name only known pipelines', () => {
    for (const pages of [en, zh]) {
      for (const fences of pages.values()) {
        for (const f of fences.filter((x) => x.lang === 'pipeline')) expect(PIPELINE_IDS).toContain(f.body.trim());
      }
    }
  });

  it('make the same choice in both languages', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    const choice = (fences: { lang: string; body: string }[]) =>
      fences.map((f) => (f.lang === 'pipeline' ? `pipeline ${f.body.trim()}` : 'mermaid'));
    for (const [name, fences] of en) expect(choice(zh.get(name) ?? []), name).toEqual(choice(fences));
  });
});
