import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIPELINES } from '../../../src/sim/index.ts';
import { chartLayout, pipelineChart } from '../../../src/render/pipeline-chart.ts';
import { hasNodeEntry, nodeTerm } from '../../../src/render/node-terms.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { stepOfNode } from '../../../src/components/player/hop-highlight.ts';
import { runPipeline } from '../../../src/sim/index.ts';

const ALL = Object.values(PIPELINES);

describe('chartLayout', () => {
  it('puts hosted modules inside their server and orders the stages along the edges', () => {
    const layout = chartLayout(PIPELINES['apache-modwsgi-daemon'] ?? ALL[0]!);
    expect(layout.stages.map((stage) => [stage.node.id, stage.modules.map((m) => m.id)])).toEqual([
      ['client', []],
      ['apache2', ['mod_wsgi']],
      ['mod_wsgi-daemon', []],
      ['app', []],
    ]);
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}:${edge.protocol}`)).toEqual([
      'client>apache2:http',
      'mod_wsgi>mod_wsgi-daemon:mod_wsgi',
      'mod_wsgi-daemon>app:wsgi',
    ]);
  });

  it('draws every node of every pipeline once, with one arrow between neighbouring stages', () => {
    for (const pipeline of ALL) {
      const html = toHtml(pipelineChart(pipeline, 'en'));
      for (const node of pipeline.nodes) expect(html.split(`data-node="${node.id}"`)).toHaveLength(2);
      const { stages, edges } = chartLayout(pipeline);
      expect(edges).toHaveLength(stages.length - 1);
      expect(new Set(edges)).toEqual(new Set(pipeline.edges));
    }
  });

  it('refuses a pipeline whose nodes are not all on one path', () => {
    const broken = { ...ALL[0]!, nodes: [...ALL[0]!.nodes, { id: 'stray', label: 'Stray', kind: 'gateway' as const }] };
    expect(() => chartLayout(broken)).toThrow(/stray not on the request path/);
  });
});

describe('pipelineChart', () => {
  it('links nodes to their terms, or makes them buttons for the player, or plain text', () => {
    const pipeline = PIPELINES['nginx-fastcgi-flup'] ?? ALL[0]!;
    expect(toHtml(pipelineChart(pipeline, 'zh-cn'))).toContain(
      '<a class="chart-node chart-module" data-node="ngx_http_fastcgi_module" href="/zh-cn/terms/fastcgi/">',
    );
    const buttons = toHtml(pipelineChart(pipeline, 'en', 'button'));
    expect(buttons).toContain('<button class="chart-node" data-node="client" type="button">HTTP client</button>');
    expect(buttons).not.toContain('<a ');
    expect(toHtml(pipelineChart(pipeline, 'en', 'none'))).not.toMatch(/<a |<button /);
  });

  it('names its list and describes the pipeline in the caption', () => {
    const html = toHtml(pipelineChart(PIPELINES['apache-cgi'] ?? ALL[0]!, 'zh-cn'));
    expect(html).toContain('aria-label="Apache 通过 mod_cgid 运行 CGI 脚本"');
    expect(html).toContain('HTTP 客户端通过 HTTP 与 Apache 2.4 通信；mod_cgid 通过 CGI 与 CGI 脚本');
  });
});

describe('node terms', () => {
  it('cover every node, and every slug is a term page in both languages', () => {
    for (const node of ALL.flatMap((pipeline) => pipeline.nodes)) {
      expect(hasNodeEntry(node.id), node.id).toBe(true);
      const term = nodeTerm(node.id);
      if (term === undefined) continue;
      expect(existsSync(`src/content/docs/terms/${term}.md`), term).toBe(true);
      expect(existsSync(`src/content/docs/zh-cn/terms/${term}.md`), term).toBe(true);
    }
    expect(nodeTerm('toString')).toBeUndefined();
  });
});

describe('stepOfNode', () => {
  it('finds the first step that reaches a node, or leaves it for the client', () => {
    const trace = runPipeline('nginx-fastcgi-flup', new TextEncoder().encode('GET /app/ HTTP/1.1\r\nHost: a\r\n\r\n'));
    expect(stepOfNode(trace.hops, 'client')).toBe(6);
    expect(stepOfNode(trace.hops, 'nginx')).toBe(1);
    expect(stepOfNode(trace.hops, 'flup')).toBe(2);
    expect(stepOfNode(trace.hops, 'app')).toBe(3);
    expect(stepOfNode(trace.hops, 'nowhere')).toBeUndefined();
  });
});
