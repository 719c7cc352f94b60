/** Nodes and edges several pipelines share. */
import type { PipelineEdge, PipelineNode } from '../pipeline-types.ts';

export const client: PipelineNode = { id: 'client', label: 'HTTP client', labelZh: 'HTTP 客户端', kind: 'client' };
export const app: PipelineNode = { id: 'app', label: 'WSGI application', labelZh: 'WSGI 应用', kind: 'application' };
export const apache: PipelineNode = { id: 'apache2', label: 'Apache 2.4', kind: 'server' };
export const nginx: PipelineNode = { id: 'nginx', label: 'nginx 1.22', kind: 'server' };
export const lighttpd: PipelineNode = { id: 'lighttpd', label: 'lighttpd 1.4', kind: 'server' };
export const flup: PipelineNode = { id: 'flup', label: 'flup (FastCGI → WSGI)', kind: 'gateway' };
export const cgiScript: PipelineNode = {
  id: 'cgi-script',
  label: 'CGI script (wsgiref CGIHandler)',
  labelZh: 'CGI 脚本（wsgiref CGIHandler）',
  kind: 'gateway',
};

/** A module or embedded interpreter inside a server's process. */
export const moduleOf = (host: PipelineNode, id: string, label = id): PipelineNode => ({
  id,
  label,
  kind: 'module',
  hostedBy: host.id,
});

export const http = (from: PipelineNode, to: PipelineNode): PipelineEdge => ({
  from: from.id,
  to: to.id,
  protocol: 'http',
});
export const edge = (from: PipelineNode, to: PipelineNode, protocol: PipelineEdge['protocol']): PipelineEdge => ({
  from: from.id,
  to: to.id,
  protocol,
});
