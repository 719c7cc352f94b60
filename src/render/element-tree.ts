/**
 * A tiny element tree, the one every renderer builds (the player's hops and charts, the process model's timelines):
 * the build turns it into escaped HTML, the browser into DOM nodes (with textContent, see
 * `src/components/to-dom.ts`), so request text is never parsed as markup on either side. Both refuse what could run
 * code: an event-handler attribute, or a `javascript:` URL.
 */

/** A node: text, or an element. */
export type VNode = string | VElement;

/** An attribute value: text (may be request text) or a number; `undefined` leaves the attribute out. */
export type AttrValue = string | number | undefined;

/** An element with attributes and children. Attribute names come from our code; values may be request text. */
export interface VElement {
  tag: string;
  attrs: Readonly<Record<string, AttrValue>>;
  children: VNode[];
}

/** Builds an element; `undefined`, `false` and `null` children are dropped, arrays are flattened. */
export function h(
  tag: string,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: (VNode | readonly VNode[] | undefined | false | null)[]
): VElement {
  const flat: VNode[] = [];
  for (const child of children) {
    if (Array.isArray(child)) flat.push(...(child as readonly VNode[]));
    else if (child !== undefined && child !== false && child !== null) flat.push(child as VNode);
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

const RE_TAG = /^[a-z][a-z0-9-]*$/;
/** Attribute names: SVG's are case-sensitive (`viewBox`). */
const RE_ATTR = /^[a-z][a-z0-9-]*$/i;
/** Attributes a browser follows as a URL. */
const RE_URL_ATTR = /^(?:href|src|action|formaction)$/i;

/**
 * The text of an attribute that may be set. Throws on a name that is not ours to set (an event handler, odd
 * characters) and on a URL attribute that would run script: a `javascript:` URL, also with the spaces, control
 * characters, tabs and line breaks a browser strips from around and inside a URL's scheme (WHATWG URL Standard,
 * "basic URL parser").
 */
export function attributeText(name: string, value: string | number): string {
  const text = String(value);
  if (
    !RE_ATTR.test(name) ||
    /^on/i.test(name) ||
    (RE_URL_ATTR.test(name) && /^javascript:/i.test(text.replace(/[\0- ]/g, '')))
  ) {
    throw new Error(`refused attribute: ${name}`);
  }
  return text;
}

/** Elements that have no end tag (and no children). */
const VOID = new Set(['br', 'wbr']);

/** Serialises a tree as HTML, escaping every text and attribute value. */
export function toHtml(node: VNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  if (!RE_TAG.test(node.tag)) throw new Error(`bad tag name: ${node.tag}`);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value !== undefined) attrs += ` ${name}="${escapeHtml(attributeText(name, value))}"`;
  }
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
