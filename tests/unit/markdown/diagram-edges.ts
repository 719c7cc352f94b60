/**
 * The drift guard's view of a diagram: its arrows as normalised `from>to:protocol` strings, so a hand-written
 * Mermaid flowchart on a term page can be compared with a modelled pipeline, in either language.
 *
 * Normalising a node label: browsers and HTTP clients are `client`; a label whose first word names a
 * modelled server or gateway (apache, nginx, lighttpd, flup, php-fpm, cheroot, …) is that word, a module is
 * folded into the server that hosts it, and a modelled application's label or any other label that says
 * app/application/应用 is `app` (a Chinese label ending in 应用 is `app` first: its head noun comes last).
 * An undirected link `a -.- b` reads as "b runs inside a", as in the generated diagrams, so b is folded into a.
 * An edge's protocol is the first modelled protocol its label names (HTTP, FastCGI, WSGI, …), else empty.
 * Self-loops and reply arrows (b→a after a→b) are not edges.
 */
import { PIPELINES, type PipelineDefinition, type PipelineNode } from '../../../src/sim/index.ts';

const PIPELINE_LIST = Object.values(PIPELINES);

const normalise = (label: string): string =>
  label
    .toLowerCase()
    .replace(/#quot;|["']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const firstWord = (label: string): string => normalise(label).split(/[\s.,:;()（），、：]+/)[0] ?? '';

/** A modelled node's key: its role for clients and applications, otherwise its name (a module: its host's). */
function modelledKey(pipeline: PipelineDefinition, node: PipelineNode): string {
  if (node.kind === 'client') return 'client';
  if (node.kind === 'application') return 'app';
  const host = node.hostedBy && pipeline.nodes.find((n) => n.id === node.hostedBy);
  return host ? modelledKey(pipeline, host) : firstWord(node.label);
}

/** Names of modelled servers and gateways, and module name → host's name. */
const COMPONENTS = new Set<string>();
const MODULE_HOSTS = new Map<string, string>();
/** Labels of modelled applications ("WSGI application", "PHP script"). */
const APP_LABELS = new Set<string>();
for (const pipeline of PIPELINE_LIST) {
  for (const node of pipeline.nodes) {
    if (node.kind === 'application') {
      APP_LABELS.add(normalise(node.label));
      if (node.labelZh) APP_LABELS.add(normalise(node.labelZh));
    }
    if (node.kind === 'client' || node.kind === 'application') continue;
    if (node.hostedBy) MODULE_HOSTS.set(firstWord(node.label), modelledKey(pipeline, node));
    else COMPONENTS.add(firstWord(node.label));
  }
}

const PROTOCOLS = [...new Set(PIPELINE_LIST.flatMap((p) => p.edges.map((e) => e.protocol.toLowerCase())))];
const PROTOCOL_RE = new RegExp(`(?<![a-z_])(${PROTOCOLS.join('|')})(?![a-z_])`);

/** A hand-written node label's key (see the file comment). */
export function labelKey(label: string): string {
  const text = normalise(label);
  if (/\bbrowser\b|\bhttp client\b|浏览器|客户端/.test(text)) return 'client';
  if (/应用$/.test(text)) return 'app';
  const word = firstWord(text);
  if (COMPONENTS.has(word)) return word;
  const host = MODULE_HOSTS.get(word);
  if (host) return host;
  if (APP_LABELS.has(text) || /\b(app|application)\b(?!\.)|应用/.test(text)) return 'app';
  return text;
}

/** The protocol an arrow's label names, or '' when it names none. */
export function labelProtocol(label: string): string {
  return PROTOCOL_RE.exec(normalise(label))?.[1] ?? '';
}

interface Arrow {
  from: string;
  to: string;
  label: string;
}

const NODE = String.raw`([A-Za-z_][\w-]*)(?:\[("[^"]*"|[^\]]*)\]|\(("[^"]*"|[^)]*)\)|\{("[^"]*"|[^}]*)\})?`;
const LINK = String.raw`(-->|-\.->|==>|---|-\.-|--\s*"[^"]*"\s*-->|--\s+[^-"][^>]*?\s+-->)(?:\s*\|("[^"]*"|[^|]*)\|)?`;
const EDGE_RE = new RegExp(String.raw`^\s*${NODE}\s*${LINK}\s*${NODE}\s*;?\s*$`);
const NODE_RE = new RegExp(String.raw`^\s*${NODE}\s*;?\s*$`);
const unquote = (s: string | undefined): string | undefined => s?.replace(/^"(.*)"$/, '$1');

/**
 * The arrows of a Mermaid flowchart, with node ids replaced by labels. Other diagram types have none. A line
 * that looks like a link but cannot be read throws, so the guard never skips an edge silently.
 */
export function flowchartArrows(source: string): Arrow[] {
  const lines = source.split('\n').map((line) => line.trim());
  if (!/^(flowchart|graph)\b/.test(lines.find((line) => line !== '') ?? '')) return [];
  const labels = new Map<string, string>();
  const raw: (Arrow & { directed: boolean })[] = [];
  const remember = (id: string, ...label: (string | undefined)[]) => {
    const text = unquote(label.find((l) => l !== undefined));
    if (text !== undefined && !labels.has(id)) labels.set(id, text);
  };
  for (const line of lines.slice(1)) {
    if (line === '' || /^(accTitle|accDescr|classDef|class|style|linkStyle|subgraph|end|direction|%%)\b/.test(line)) {
      continue;
    }
    const edge = EDGE_RE.exec(line);
    if (edge) {
      const [, a, a1, a2, a3, link = '', pipeLabel, b, b1, b2, b3] = edge;
      if (!a || !b) continue;
      remember(a, a1, a2, a3);
      remember(b, b1, b2, b3);
      const inline = /^--\s*"?([^"]*?)"?\s*-->$/.exec(link)?.[1];
      raw.push({ from: a, to: b, label: unquote(pipeLabel) ?? inline ?? '', directed: !/^(---|-\.-)$/.test(link) });
      continue;
    }
    const node = NODE_RE.exec(line);
    if (node?.[1]) {
      remember(node[1], node[2], node[3], node[4]);
      continue;
    }
    throw new Error(`cannot read this Mermaid line: ${line}`);
  }
  const hosts = new Map(raw.filter((arrow) => !arrow.directed).map((link) => [link.to, link.from]));
  const outermost = (id: string, seen = new Set<string>()): string => {
    const host = hosts.get(id);
    return host === undefined || seen.has(host) ? id : outermost(host, seen.add(id));
  };
  const label = (id: string): string => {
    const host = outermost(id);
    return labels.get(host) ?? host;
  };
  return raw
    .filter((arrow) => arrow.directed)
    .map((arrow) => ({ from: label(arrow.from), to: label(arrow.to), label: arrow.label }));
}

/** Normalised edges as a sorted, de-duplicated list of `from>to:protocol`, without self-loops or replies. */
function edgeSet(edges: { from: string; to: string; protocol: string }[]): string[] {
  const kept: typeof edges = [];
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    if (kept.some((k) => k.from === edge.to && k.to === edge.from)) continue;
    kept.push(edge);
  }
  return [...new Set(kept.map((e) => `${e.from}>${e.to}:${e.protocol}`))].sort();
}

/** A hand-written flowchart's normalised edges. */
export function diagramEdges(source: string): string[] {
  return edgeSet(
    flowchartArrows(source).map((a) => ({
      from: labelKey(a.from),
      to: labelKey(a.to),
      protocol: labelProtocol(a.label),
    })),
  );
}

/** A modelled pipeline's normalised edges. */
export function pipelineEdges(pipeline: PipelineDefinition): string[] {
  const key = (id: string): string => {
    const node = pipeline.nodes.find((n) => n.id === id);
    return node ? modelledKey(pipeline, node) : id;
  };
  return edgeSet(pipeline.edges.map((e) => ({ from: key(e.from), to: key(e.to), protocol: e.protocol.toLowerCase() })));
}

/** The ids of the modelled pipelines whose edges a hand-written diagram draws exactly. */
export function modelledPipelinesDrawnBy(source: string): string[] {
  const edges = diagramEdges(source).join('\n');
  if (edges === '') return [];
  return PIPELINE_LIST.filter((p) => pipelineEdges(p).join('\n') === edges).map((p) => p.id);
}
