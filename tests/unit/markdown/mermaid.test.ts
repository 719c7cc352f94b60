import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { remarkMermaid } from '../../../src/markdown/remark-mermaid.ts';

const tree = (value: string): Root => ({
  type: 'root',
  children: [
    { type: 'code', lang: 'mermaid', value, position: { start: { line: 7, column: 1 }, end: { line: 9, column: 1 } } },
  ],
});

describe('remarkMermaid', () => {
  it('turns a mermaid fence into a diagram element with a text fallback', () => {
    const root = tree('flowchart LR\n  accTitle: Path <1>\n  accDescr: A talks to "B".\n  a --> b');
    remarkMermaid()(root, { path: 'x.md' });
    const node = root.children[0];
    expect(node?.type).toBe('html');
    const html = node?.type === 'html' ? node.value : '';
    expect(html).toContain('<mermaid-diagram');
    expect(html).toContain('<span class="diagram-title">Path &lt;1&gt;</span>');
    expect(html).toContain('<span class="diagram-description">A talks to &quot;B&quot;.</span>');
    expect(html).toContain('data-source="flowchart LR\n  accTitle: Path &lt;1&gt;');
  });

  it('refuses a diagram without accessible text, naming the file and line', () => {
    expect(() =>
      remarkMermaid()(tree('flowchart LR\n  a --> b'), { path: 'src/content/docs/terms/cgi.md' }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: src/content/docs/terms/cgi.md:7: mermaid diagram needs both "accTitle:" and "accDescr:" lines (screen readers and no-JS readers see them)]`,
    );
  });
});
