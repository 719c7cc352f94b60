import { describe, expect, it } from 'vitest';
import { escapeHtml, h, toHtml } from '../../../src/player/view.ts';

describe('element trees', () => {
  it('escape every text and attribute value', () => {
    const tree = h(
      'p',
      { title: '"><img src=x onerror=alert(1)>' },
      '<script>alert(1)</script>',
      h('code', {}, "a'b&c"),
    );
    expect(toHtml(tree)).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<code>a&#39;b&amp;c</code></p>',
    );
    expect(escapeHtml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('drops empty children and flattens arrays', () => {
    expect(toHtml(h('ul', {}, [h('li', {}, 'a'), h('li', {}, 'b')], undefined, false, null))).toBe(
      '<ul><li>a</li><li>b</li></ul>',
    );
  });

  it('refuses event-handler attributes and odd names', () => {
    expect(() => toHtml(h('p', { onclick: 'x' }))).toThrow(/attribute/);
    expect(() => toHtml(h('p x', {}))).toThrow(/tag/);
  });
});
