import { describe, expect, it } from 'vitest';
import { describePipeline } from '../../../src/render/node-labels.ts';
import { mermaidNodeId, pipelineMermaid } from '../markdown/pipeline-mermaid.ts';
import { parseMermaidAccessibility } from '../../../src/markdown/mermaid-accessibility.ts';
import { PIPELINES } from '../../../src/sim/index.ts';

const pipeline = PIPELINES['nginx-fastcgi-flup'];
if (!pipeline) throw new Error('missing pipeline');

describe('pipeline diagrams', () => {
  it('draws every node and a protocol-labelled arrow per edge, from the data', () => {
    expect(pipelineMermaid(pipeline, 'en')).toMatchInlineSnapshot(`
      "flowchart LR
        accTitle: nginx → fastcgi_pass → flup → WSGI
        accDescr: HTTP client speaks HTTP to nginx 1.22; ngx_http_fastcgi_module speaks FastCGI to flup (FastCGI → WSGI); flup (FastCGI → WSGI) speaks WSGI to WSGI application; ngx_http_fastcgi_module runs inside nginx 1.22.
        n0["HTTP client"]
        n1["nginx 1.22"]
        n2["ngx_http_fastcgi_module"]
        n3["flup (FastCGI → WSGI)"]
        n4["WSGI application"]
        n1 -.- n2
        n0 -- "HTTP" --> n1
        n2 -- "FastCGI" --> n3
        n3 -- "WSGI" --> n4"
    `);
  });

  it('has an accessible title and description in both languages for every pipeline', () => {
    for (const p of Object.values(PIPELINES)) {
      for (const lang of ['en', 'zh-cn'] as const) {
        const { title, description } = parseMermaidAccessibility(pipelineMermaid(p, lang));
        expect(title).toBe(p.title[lang]);
        expect(description).toBe(describePipeline(p, lang));
      }
    }
  });

  it('maps node ids to positions', () => {
    expect(mermaidNodeId(pipeline, 'flup')).toBe('n3');
    expect(mermaidNodeId(pipeline, 'nope')).toBeUndefined();
  });
});
