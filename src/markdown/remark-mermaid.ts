import type { Code, Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMermaidAccessibility } from './mermaid-accessibility.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Turns ```mermaid fences into <hbh-diagram> elements: without JavaScript they show the diagram's
 * accTitle and accDescr as text; the custom element renders the SVG when it nears the viewport.
 */
export function remarkMermaid() {
  return (tree: Root, file: { path?: string }) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const { title, description } = parseMermaidAccessibility(node.value);
      if (!title || !description) {
        const where = `${file.path ?? 'a Markdown file'}:${node.position?.start.line ?? '?'}`;
        throw new Error(
          `${where}: mermaid diagram needs both "accTitle:" and "accDescr:" lines (screen readers and no-JS readers see them)`,
        );
      }
      const html: Html = {
        type: 'html',
        value:
          `<hbh-diagram class="diagram" data-source="${escapeHtml(node.value)}">` +
          `<figure><div class="diagram-canvas" aria-hidden="true"></div>` +
          `<figcaption><span class="diagram-title">${escapeHtml(title)}</span> ` +
          `<span class="diagram-description">${escapeHtml(description)}</span></figcaption></figure></hbh-diagram>`,
      };
      parent.children.splice(index, 1, html);
    });
  };
}
