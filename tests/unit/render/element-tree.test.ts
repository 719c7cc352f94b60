import { describe, expect, it } from 'vitest';
import { attributeText, escapeHtml, h, toHtml } from '../../../src/render/element-tree.ts';

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
    expect(() => toHtml(h('svg', { onLoad: 'x' }))).toThrow(/attribute/);
    expect(() => toHtml(h('p', { ONCLICK: 'x' }))).toThrow(/attribute/);
    expect(() => toHtml(h('p', { 'x"y': 'x' }))).toThrow(/attribute/);
    expect(() => toHtml(h('p x', {}))).toThrow(/tag/);
  });

  it('refuses a javascript: URL however a browser would still read it, and keeps other URLs', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', '\u0001javascript:x']) {
      expect(() => toHtml(h('a', { href }, 'x'))).toThrow(/attribute: (href|SRC)/);
      expect(() => attributeText('href', href)).toThrow(/attribute: (href|SRC)/);
    }
    expect(() => toHtml(h('img', { SRC: 'javascript:x' }))).toThrow(/attribute: (href|SRC)/);
    expect(toHtml(h('a', { href: '/terms/cgi/?q="javascript:"' }, 'x'))).toBe(
      '<a href="/terms/cgi/?q=&quot;javascript:&quot;">x</a>',
    );
    // Text that only looks like a URL stays text: request data may say anything in a title or a data attribute.
    expect(toHtml(h('span', { title: 'javascript:alert(1)' }))).toBe('<span title="javascript:alert(1)"></span>');
  });

  it('writes SVG attribute names as they are and numbers as text (the process model draws with both)', () => {
    expect(toHtml(h('svg', { viewBox: '0 0 10 10', width: 10, hidden: undefined }, h('rect', { x: 0.75 })))).toBe(
      '<svg viewBox="0 0 10 10" width="10"><rect x="0.75"></rect></svg>',
    );
  });
});
