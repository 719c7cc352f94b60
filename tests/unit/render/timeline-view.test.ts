import { describe, expect, it } from 'vitest';
import { simulateProcessModel, simulateProcessViews } from '../../../src/sim/process-model/index.ts';
import {
  extentMs,
  pipelineTitle,
  sharedScaleMs,
  steadyNumbers,
  summarize,
  summarizeSteady,
  viewSvgs,
  tableRows,
  timelineSvg,
} from '../../../src/render/timeline-view.ts';
import { h, toHtml } from '../../../src/render/element-tree.ts';
import type { ProcessModelResult } from '../../../src/sim/process-model/process-model-types.ts';

/** The wide and the narrow drawing of one run, as a page draws them. */
const bothSvgs = (result: ProcessModelResult) =>
  (['wide', 'narrow'] as const).map((layout) => timelineSvg(result, 'zh-cn', 'pm-d', layout));

describe('the timeline view', () => {
  it('names a pipeline by its title, and an inherited object key by itself', () => {
    expect(pipelineTitle('apache-cgi', 'en')).toMatch(/Apache/);
    for (const name of ['toString', '__proto__', 'constructor']) expect(pipelineTitle(name, 'en')).toBe(name);
  });

  it('escapes every text and attribute in markup', () => {
    expect(toHtml(h('text', { 'data-x': '"><script>' }, ['<img onerror=x> & more']))).toBe(
      '<text data-x="&quot;&gt;&lt;script&gt;">&lt;img onerror=x&gt; &amp; more</text>',
    );
  });

  it('gives the SVG a title and a description with the result numbers', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi' });
    const markup = toHtml(timelineSvg(result, 'en', 'pm-test'));
    expect(markup).toMatch(/^<svg [^>]*role="img" aria-labelledby="pm-test-svg-title pm-test-svg-desc"/);
    expect(markup).toContain(
      '<title id="pm-test-svg-title">Process timeline: Apache runs a CGI script (mod_cgid)</title>',
    );
    expect(summarize(result, 'en')).toBe(
      '20 requests, a new process for every request. First request at 0 ms, last answer at 880 ms. Throughput 22.7 requests per second; mean latency 528 ms, median 528 ms, 95th percentile 880 ms, slowest 880 ms.',
    );
    expect(markup.match(/<rect /g)).toHaveLength(result.spans.length);
  });

  it('draws only lanes that did something, and lists every request in the table', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-embedded' });
    const svg = timelineSvg(result, 'zh-cn', 'pm');
    expect(Number(svg.attrs?.['data-lanes'])).toBeLessThan(result.lanes.length);
    expect(tableRows(result, 'zh-cn')).toHaveLength(result.requests.length);
    expect(summarize(result, 'zh-cn')).toMatch(/^20 个请求，应用运行在每个 Apache 子进程内部。/);
  });
  it('draws a wide and a narrow timeline with their own ids, the same bars, and the same markup every time', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-daemon', lang: 'zh-cn' });
    const [wide, narrow] = bothSvgs(result);
    expect(wide?.attrs).toMatchObject({
      class: 'pm-svg pm-svg-wide',
      'aria-labelledby': 'pm-d-svg-title pm-d-svg-desc',
    });
    expect(narrow?.attrs).toMatchObject({
      class: 'pm-svg pm-svg-narrow',
      'aria-labelledby': 'pm-d-narrow-svg-title pm-d-narrow-svg-desc',
      'data-lanes': wide?.attrs?.['data-lanes'],
      'data-end': wide?.attrs?.['data-end'],
    });
    const markup = bothSvgs(result).map(toHtml);
    expect(markup).toEqual([wide, narrow].map((svg) => toHtml(svg!)));
    for (const svg of markup) expect(svg.match(/<rect /g)).toHaveLength(result.spans.length);
    // The narrow drawing is about as wide as a phone's column, so it is barely scaled down there.
    expect(narrow?.attrs?.['viewBox']).toMatch(/^0 0 340 /);
    // Its labels sit above the bars: every label's baseline is above the first bar of its lane.
    const texts = /<text class="pm-lane[^"]*" x="[\d.]+" y="([\d.]+)"/g;
    const bars = /<rect class="pm-span[^"]*" x="[\d.]+" y="([\d.]+)"/g;
    const labelY = [...markup[1]!.matchAll(texts)].map((m) => Number(m[1]));
    const barY = new Set([...markup[1]!.matchAll(bars)].map((m) => Number(m[1])));
    expect(labelY).toHaveLength(Number(narrow?.attrs?.['data-lanes']));
    for (const y of labelY) expect([...barY].some((top) => top > y && top < y + 10)).toBe(true);
  });

  it('draws compared pipelines on one scale: the same drawing units per millisecond in every view', () => {
    const compared = ['apache-cgi', 'nginx-fastcgi-flup', 'apache-modwsgi-embedded', 'apache-modwsgi-daemon'];
    const views = compared.map((pipeline) => simulateProcessViews({ pipeline }));
    const scale = sharedScaleMs(views);
    expect(scale).toBe(Math.max(...views.map(extentMs)));
    for (const layout of ['wide', 'narrow'] as const) {
      const svgs = views.flatMap((v, i) =>
        (['burst', 'steady'] as const).map((view) => {
          const svg = viewSvgs(v, view, scale, 'en', `pm-${i}`).find((s) => s.attrs?.['data-layout'] === layout);
          return svg!;
        }),
      );
      expect(svgs).toHaveLength(compared.length * 2);
      expect(new Set(svgs.map((svg) => svg.attrs?.['data-units-per-ms'])).size).toBe(1);
      expect(new Set(svgs.map((svg) => svg.attrs?.['viewBox']?.toString().split(' ')[2])).size).toBe(1);
      // Every bar fits inside the plot: the scale holds the longest view whole.
      const right = layout === 'wide' ? 600 : 320;
      for (const svg of svgs) {
        for (const bar of toHtml(svg).matchAll(
          /<rect class="pm-span[^"]*" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g,
        )) {
          expect(Number(bar[1]) + Number(bar[2])).toBeLessThanOrEqual(right + 0.01);
        }
      }
    }
    // A single pipeline's two views still share one scale between them.
    const alone = views[0]!;
    const [burst, steady] = (['burst', 'steady'] as const).map(
      (view) => viewSvgs(alone, view, sharedScaleMs([alone]), 'en', 'pm')[0]!,
    );
    expect(burst?.attrs?.['data-units-per-ms']).toBe(steady?.attrs?.['data-units-per-ms']);
  });

  it('draws only the window in the steady-state view, and states its numbers', () => {
    const views = simulateProcessViews({ pipeline: 'apache-cgi' });
    const [wide] = viewSvgs(views, 'steady', sharedScaleMs([views]), 'en', 'pm');
    const markup = toHtml(wide!);
    expect(markup.match(/<rect /g)).toHaveLength(
      views.stream.spans.filter((s) => s.request !== null && s.request >= 51).length,
    );
    expect(markup).toContain('ms after request 51 arrives');
    expect(markup).toContain('id="pm-steady-svg-title"');
    expect(summarizeSteady(views, 'en')).toMatch(/CPU time per request 176 ms\.$/);
    expect(summarizeSteady(views, 'zh-cn')).toMatch(/^预热之后，每秒 50 个请求持续到达时的第 51–60 个请求。/);
    expect(steadyNumbers(views.steady, 'en').at(-1)).toEqual(['CPU time per request', '176 ms']);
  });
});
