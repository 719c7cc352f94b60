import { describe, expect, it } from 'vitest';
import { simulateProcessModel } from '../../../src/sim/process-model/index.ts';
import {
  pipelineTitle,
  summarize,
  tableRows,
  timelineSvg,
  timelineSvgs,
} from '../../../src/components/process-model/timeline-view.ts';
import { h, toMarkup } from '../../../src/components/process-model/view-node.ts';

describe('the timeline view', () => {
  it('names a pipeline by its title, and an inherited object key by itself', () => {
    expect(pipelineTitle('apache-cgi', 'en')).toMatch(/Apache/);
    for (const name of ['toString', '__proto__', 'constructor']) expect(pipelineTitle(name, 'en')).toBe(name);
  });

  it('escapes every text and attribute in markup', () => {
    expect(toMarkup(h('text', { 'data-x': '"><script>' }, ['<img onerror=x> & more']))).toBe(
      '<text data-x="&quot;&gt;&lt;script&gt;">&lt;img onerror=x&gt; &amp; more</text>',
    );
  });

  it('gives the SVG a title and a description with the result numbers', () => {
    const result = simulateProcessModel({ pipeline: 'apache-cgi' });
    const markup = toMarkup(timelineSvg(result, 'en', 'pm-test'));
    expect(markup).toMatch(/^<svg [^>]*role="img" aria-labelledby="pm-test-svg-title pm-test-svg-desc"/);
    expect(markup).toContain(
      '<title id="pm-test-svg-title">Process timeline: Apache runs a CGI script (mod_cgid)</title>',
    );
    expect(summarize(result, 'en')).toBe(
      '20 requests, a new process for every request. First request at 0 ms, last answer at 176 ms. Throughput 113.6 requests per second; mean latency 176 ms, median 176 ms, 95th percentile 176 ms, slowest 176 ms.',
    );
    expect(markup.match(/<rect /g)).toHaveLength(result.spans.length);
  });

  it('draws only lanes that did something, and lists every request in the table', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-embedded' });
    const svg = timelineSvg(result, 'zh-cn', 'pm');
    expect(Number(svg.attrs?.['data-lanes'])).toBeLessThan(result.lanes.length);
    expect(tableRows(result, 'zh-cn')).toHaveLength(20);
    expect(summarize(result, 'zh-cn')).toMatch(/^20 个请求，应用运行在每个 Apache 子进程内部。/);
  });
  it('draws a wide and a narrow timeline with their own ids, the same bars, and the same markup every time', () => {
    const result = simulateProcessModel({ pipeline: 'apache-modwsgi-daemon', lang: 'zh-cn' });
    const [wide, narrow] = timelineSvgs(result, 'zh-cn', 'pm-d');
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
    const markup = timelineSvgs(result, 'zh-cn', 'pm-d').map(toMarkup);
    expect(markup).toEqual([wide, narrow].map((svg) => toMarkup(svg!)));
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
});
