/** Turns the renderer's element tree into DOM nodes: text always goes in as text nodes, never as markup. */
import type { VNode } from '../../player/view.ts';

/** Builds DOM nodes for a tree. */
export function toDom(node: VNode): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value !== undefined && !name.startsWith('on')) element.setAttribute(name, value);
  }
  for (const child of node.children) element.append(toDom(child));
  return element;
}
