/** How a pipeline is named in words: node labels, protocol names and a sentence describing the whole chain, per language. */
import type { PipelineDefinition, PipelineNode } from '../sim/index.ts';
import type { Locale } from '../i18n/locale.ts';
import { cjkSpacing } from '../i18n/cjk-spacing.ts';

const PROTOCOL_LABELS: Readonly<Record<string, string>> = {
  http: 'HTTP',
  cgi: 'CGI',
  fastcgi: 'FastCGI',
  wsgi: 'WSGI',
  asgi: 'ASGI',
  mod_python: 'mod_python',
  mod_wsgi: 'mod_wsgi protocol',
  php: 'PHP',
  uwsgi: 'uwsgi protocol',
  middleware: 'WSGI middleware',
};

/** The protocol's display name (mod_wsgi's daemon protocol has no name of its own, so it is described). */
export function protocolLabel(protocol: string, lang: Locale = 'en'): string {
  if (protocol === 'mod_wsgi' && lang === 'zh-cn') return 'mod_wsgi 协议';
  if (protocol === 'uwsgi' && lang === 'zh-cn') return 'uwsgi 协议';
  if (protocol === 'middleware' && lang === 'zh-cn') return 'WSGI 中间件';
  return PROTOCOL_LABELS[protocol] ?? protocol;
}

/** A node's label in a language. */
export function nodeLabel(node: PipelineNode, lang: Locale): string {
  return lang === 'zh-cn' ? (node.labelZh ?? node.label) : node.label;
}

/** A sentence describing the diagram, generated from the edges. */
export function describePipeline(pipeline: PipelineDefinition, lang: Locale): string {
  const label = (id: string): string => {
    const node = pipeline.nodes.find((n) => n.id === id);
    return node ? nodeLabel(node, lang) : id;
  };
  const edges = pipeline.edges.map((edge) =>
    lang === 'en'
      ? `${label(edge.from)} speaks ${protocolLabel(edge.protocol)} to ${label(edge.to)}`
      : cjkSpacing(`${label(edge.from)}通过${protocolLabel(edge.protocol, lang)}与${label(edge.to)}通信`),
  );
  const hosted = pipeline.nodes
    .filter((node) => node.hostedBy)
    .map((node) =>
      lang === 'en'
        ? `${nodeLabel(node, lang)} runs inside ${label(node.hostedBy ?? '')}`
        : cjkSpacing(`${nodeLabel(node, lang)}运行在${label(node.hostedBy ?? '')}进程内`),
    );
  return lang === 'en' ? `${[...edges, ...hosted].join('; ')}.` : `${[...edges, ...hosted].join('；')}。`;
}
