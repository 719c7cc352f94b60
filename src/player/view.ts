/**
 * A tiny element tree: the hop renderer builds it once, the build turns it into escaped HTML and the browser into
 * DOM nodes (with textContent), so request text is never parsed as markup on either side.
 */

/** A node: text, or an element. */
export type VNode = string | VElement;

/** An element with attributes and children. Attribute names come from our code; values may be request text. */
export interface VElement {
  tag: string;
  attrs: Record<string, string | undefined>;
  children: VNode[];
}

/** Builds an element; `undefined`, `false` and `null` children are dropped, arrays are flattened. */
export function h(
  tag: string,
  attrs: Record<string, string | undefined> = {},
  ...children: (VNode | VNode[] | undefined | false | null)[]
): VElement {
  const flat: VNode[] = [];
  for (const child of children) {
    if (Array.isArray(child)) flat.push(...child);
    else if (child !== undefined && child !== false && child !== null) flat.push(child);
  }
  return { tag, attrs, children: flat };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML text or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const RE_NAME = /^[a-z][a-z0-9-]*$/;
/** Elements that have no end tag (and no children). */
const VOID = new Set(['br', 'wbr']);

/** Serialises a tree as HTML, escaping every text and attribute value. */
export function toHtml(node: VNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (!RE_NAME.test(node.tag)) throw new Error(`bad tag name: ${node.tag}`);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined) continue;
    if (!RE_NAME.test(name) || name.startsWith('on')) throw new Error(`bad attribute name: ${name}`);
    attrs += ` ${name}="${escapeHtml(value)}"`;
  }
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
