import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Code, Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseMermaidAccessibility } from './mermaid-accessibility.ts';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Markdown file as remark sees it: Astro passes the body without its frontmatter, trimmed. */
export interface MarkdownFile {
  path?: string;
  value?: unknown;
}

/** Lines of the file on disk above the body remark was given (its frontmatter), or 0 when unknown. */
function bodyLineOffset(file: MarkdownFile): number {
  if (!file.path || typeof file.value !== 'string' || file.value === '') return 0;
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  const at = text.indexOf(file.value);
  return at > 0 ? text.slice(0, at).split('\n').length - 1 : 0;
}

/** Where a fence starts, for build errors: `path:line`, the path relative to the working directory when inside it. */
export function fenceLocation(file: MarkdownFile, node: Code): string {
  const path = file.path ? relative(process.cwd(), file.path).replace(/\\/g, '/') : 'a Markdown file';
  const line = node.position ? node.position.start.line + bodyLineOffset(file) : '?';
  return `${path.startsWith('..') ? file.path : path}:${line}`;
}

/**
 * The <mermaid-diagram> element for a Mermaid source: without JavaScript it shows the diagram's accTitle and
 * accDescr as text; the custom element renders the SVG (hidden from screen readers: the caption describes it) when it
 * nears the viewport. `where` locates the
 * error thrown when the source lacks accTitle or accDescr (called only then).
 */
export function diagramHtml(source: string, where: () => string): Html {
  const { title, description } = parseMermaidAccessibility(source);
  if (!title || !description) {
    throw new Error(
      `${where()}: mermaid diagram needs both "accTitle:" and "accDescr:" lines (screen readers and no-JS readers see them)`,
    );
  }
  return {
    type: 'html',
    value:
      `<mermaid-diagram class="diagram" data-source="${escapeHtml(source)}">` +
      `<figure><div class="diagram-canvas"></div>` +
      `<figcaption><span class="diagram-title">${escapeHtml(title)}</span> ` +
      `<span class="diagram-description">${escapeHtml(description)}</span></figcaption></figure></mermaid-diagram>`,
  };
}

/** Turns ```mermaid fences into <mermaid-diagram> elements (see `diagramHtml`). */
export function remarkMermaid() {
  return (tree: Root, file: MarkdownFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      parent.children.splice(
        index,
        1,
        diagramHtml(node.value, () => fenceLocation(file, node)),
      );
    });
  };
}
