/** A tiny element tree: serialised to markup at build time, turned into DOM nodes in the browser. */
export interface ViewNode {
  tag: string;
  attrs?: Readonly<Record<string, string | number>>;
  /** Child nodes, or plain text (always escaped / set as text). */
  children?: readonly (ViewNode | string)[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['svg', 'g', 'rect', 'line', 'text', 'title', 'desc', 'path', 'pattern']);

/** Shorthand for a ViewNode. */
export function h(tag: string, attrs: ViewNode['attrs'] = {}, children: ViewNode['children'] = []): ViewNode {
  return { tag, attrs, children };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Serialises a tree to HTML/SVG markup; every text and attribute value is escaped. */
export function toMarkup(node: ViewNode | string): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');
  const children = (node.children ?? []).map(toMarkup).join('');
  return `<${node.tag}${attrs}>${children}</${node.tag}>`;
}

/** Builds DOM nodes for a tree with createElement(NS) and textContent only. */
export function toDom(node: ViewNode | string, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const element =
    svg && SVG_TAGS.has(node.tag) ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, String(value));
  for (const child of node.children ?? []) element.append(toDom(child, svg));
  return element;
}
