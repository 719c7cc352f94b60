/** Turns a renderer's element tree into DOM nodes: text always goes in as text nodes, never as markup. */
import { attributeText, type VNode } from '../render/element-tree.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** Builds DOM nodes for a tree; an `<svg>` and everything in it are made in the SVG namespace. */
export function toDom(node: VNode, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const element = svg ? document.createElementNS(SVG, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value !== undefined) element.setAttribute(name, attributeText(name, value));
  }
  for (const child of node.children) element.append(toDom(child, svg));
  return element;
}
