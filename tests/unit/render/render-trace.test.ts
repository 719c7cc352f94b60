import { describe, expect, it } from 'vitest';
import { renderStep, renderTrace } from '../../../src/render/render-trace.ts';
import { playerStrings } from '../../../src/i18n/player.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { PIPELINE_IDS, runPipeline } from '../../../src/sim/index.ts';

const en = playerStrings('en');
const zh = playerStrings('zh-cn');
const encode = (text: string) => new TextEncoder().encode(text);
const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n';

describe('rendering a trace', () => {
  it('gives every step an id step-N and renders every pipeline', () => {
    for (const id of PIPELINE_IDS) {
      const trace = runPipeline(id, encode(GET));
      const html = toHtml(renderTrace(trace, GET, en));
      for (let n = 1; n <= trace.hops.length; n++) expect(html).toContain(`id="step-${n}"`);
      expect(html).not.toContain(`id="step-${trace.hops.length + 1}"`);
    }
  });

  it('renders a step from its own hop: narration in the page language, provenance, changes, tables', () => {
    const trace = runPipeline('nginx-fastcgi-flup', encode(GET));
    const hop = trace.hops[1];
    if (!hop) throw new Error('no hop');
    const html = toHtml(renderStep(hop, 1, zh));
    expect(html).toContain('</span> 把请求编码成 <span class="message-value" lang="en">4</span> 条 FastCGI 记录');
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain(`<p class="step-summary" data-pagefind-ignore="">`);
    expect(html).toContain('已对照 <span class="message-value" lang="en">nginx 1.22.1</span>');
    expect(html).toContain('paddingLength');
    expect(html).toContain('1 字节（长度 &lt; 128');
    expect(html).toContain('HTTP_USER_AGENT');
    expect(html).not.toContain('<details class="step-data-fold">');
    const folded = toHtml(renderStep(hop, 1, zh, { foldData: true }));
    expect(folded).toMatch(
      /<details class="step-data-fold"><summary>[^<]+<\/summary><div class="step-data" data-pagefind-ignore="">/,
    );
    expect(folded).toContain('HTTP_USER_AGENT');
  });

  it('keeps everything but step titles and narrations out of the search index', () => {
    for (const id of PIPELINE_IDS) {
      const html = toHtml(renderTrace(runPipeline(id, encode(GET)), GET, en));
      for (const cls of ['step-summary', 'step-provenance', 'step-data', 'trace-response']) {
        const tags = html.match(new RegExp(`<[a-z]+ class="${cls}"[^>]*>`, 'g')) ?? [];
        expect(tags.length, `${id} ${cls}`).toBeGreaterThan(0);
        for (const tag of tags) expect(tag, `${id} ${cls}`).toContain('data-pagefind-ignore');
      }
      expect(html).not.toMatch(/<h3 [^>]*data-pagefind-ignore|<p class="step-narration"[^>]*data-pagefind-ignore/);
    }
  });

  it('shows markup in a request as text', () => {
    const request =
      'GET /app/?a=<script>alert(1)</script> HTTP/1.1\r\nHost: example.test\r\nX-A: <img src=x onerror=alert(2)>\r\n\r\n';
    const html = toHtml(renderTrace(runPipeline('werkzeug', encode(request)), request, en));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('shows the located error of a malformed request with its line and column', () => {
    const request = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nX-Broken header\r\n\r\n';
    const trace = runPipeline('nginx-fastcgi-flup', encode(request));
    const html = toHtml(renderTrace(trace, request, en));
    expect(html).toContain('class="trace-error"');
    expect(html).toMatch(/at byte \d+ \(line 3, column \d+\)/);
  });
});
