import type { Protocol } from '../trace.ts';

/** What a node in a pipeline is. */
export type NodeKind = 'client' | 'server' | 'module' | 'gateway' | 'application' | 'framework';

/** One box in the pipeline diagram. */
export interface PipelineNode {
  id: string;
  label: string;
  /** The label for Chinese pages, where it is not a product name that reads the same in both languages. */
  labelZh?: string;
  kind: NodeKind;
  /** A module or embedded interpreter lives inside this node's process. */
  hostedBy?: string;
}

/** One arrow: the protocol spoken between two nodes. */
export interface PipelineEdge {
  from: string;
  to: string;
  protocol: Protocol;
}

/** How the simulator runs a pipeline. */
export type PipelineKind =
  'static' | 'cgi' | 'fastcgi-wsgi' | 'fastcgi-php' | 'module-wsgi' | 'wsgi-server' | 'http-proxy';

/** A pipeline as data: the site draws it, the simulator runs it. */
export interface PipelineDefinition {
  id: string;
  title: { en: string; 'zh-cn': string };
  kind: PipelineKind;
  /** The web server profile id on the client side (`apache2`, `nginx`, `lighttpd`, `wsgiref`, …). */
  server: string;
  nodes: PipelineNode[];
  edges: PipelineEdge[];
  /** Whether the application at the end can be swapped (`options.app`). */
  selectableApp: boolean;
}
