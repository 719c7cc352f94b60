import type { PipelineDefinition, PipelineNode, PipelineEdge } from './pipeline-types.ts';

const client: PipelineNode = { id: 'client', label: 'HTTP client', labelZh: 'HTTP 客户端', kind: 'client' };
const app: PipelineNode = { id: 'app', label: 'WSGI application', labelZh: 'WSGI 应用', kind: 'application' };
const apache: PipelineNode = { id: 'apache2', label: 'Apache 2.4', kind: 'server' };
const nginx: PipelineNode = { id: 'nginx', label: 'nginx 1.22', kind: 'server' };
const lighttpd: PipelineNode = { id: 'lighttpd', label: 'lighttpd 1.4', kind: 'server' };
const flup: PipelineNode = { id: 'flup', label: 'flup (FastCGI → WSGI)', kind: 'gateway' };
const cgiScript: PipelineNode = {
  id: 'cgi-script',
  label: 'CGI script (wsgiref CGIHandler)',
  labelZh: 'CGI 脚本（wsgiref CGIHandler）',
  kind: 'gateway',
};

const http = (from: string, to: string): PipelineEdge => ({ from, to, protocol: 'http' });
const edge = (from: string, to: string, protocol: PipelineEdge['protocol']): PipelineEdge => ({ from, to, protocol });

/** Every pipeline by id. */
export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {
  'apache-static': {
    id: 'apache-static',
    title: { en: 'Apache serves a static file', 'zh-cn': 'Apache 直接提供静态文件' },
    kind: 'static',
    server: 'apache2',
    nodes: [client, apache],
    edges: [http('client', 'apache2')],
    selectableApp: false,
  },
  'lighttpd-static': {
    id: 'lighttpd-static',
    title: { en: 'lighttpd serves a static file', 'zh-cn': 'lighttpd 直接提供静态文件' },
    kind: 'static',
    server: 'lighttpd',
    nodes: [client, lighttpd],
    edges: [http('client', 'lighttpd')],
    selectableApp: false,
  },
  'nginx-static': {
    id: 'nginx-static',
    title: { en: 'nginx serves a static file', 'zh-cn': 'nginx 直接提供静态文件' },
    kind: 'static',
    server: 'nginx',
    nodes: [client, nginx],
    edges: [http('client', 'nginx')],
    selectableApp: false,
  },
  'apache-cgi': {
    id: 'apache-cgi',
    title: { en: 'Apache runs a CGI script (mod_cgid)', 'zh-cn': 'Apache 通过 mod_cgid 运行 CGI 脚本' },
    kind: 'cgi',
    server: 'apache2',
    nodes: [client, apache, { id: 'mod_cgid', label: 'mod_cgid', kind: 'module', hostedBy: 'apache2' }, cgiScript, app],
    edges: [http('client', 'apache2'), edge('mod_cgid', 'cgi-script', 'cgi'), edge('cgi-script', 'app', 'wsgi')],
    selectableApp: true,
  },
  'lighttpd-cgi': {
    id: 'lighttpd-cgi',
    title: { en: 'lighttpd runs a CGI script (mod_cgi)', 'zh-cn': 'lighttpd 通过 mod_cgi 运行 CGI 脚本' },
    kind: 'cgi',
    server: 'lighttpd',
    nodes: [
      client,
      lighttpd,
      { id: 'mod_cgi', label: 'mod_cgi', kind: 'module', hostedBy: 'lighttpd' },
      cgiScript,
      app,
    ],
    edges: [http('client', 'lighttpd'), edge('mod_cgi', 'cgi-script', 'cgi'), edge('cgi-script', 'app', 'wsgi')],
    selectableApp: true,
  },
  'apache-fastcgi-flup': {
    id: 'apache-fastcgi-flup',
    title: { en: 'Apache → mod_proxy_fcgi → flup → WSGI', 'zh-cn': 'Apache → mod_proxy_fcgi → flup → WSGI' },
    kind: 'fastcgi-wsgi',
    server: 'apache2',
    nodes: [
      client,
      apache,
      { id: 'mod_proxy_fcgi', label: 'mod_proxy_fcgi', kind: 'module', hostedBy: 'apache2' },
      flup,
      app,
    ],
    edges: [http('client', 'apache2'), edge('mod_proxy_fcgi', 'flup', 'fastcgi'), edge('flup', 'app', 'wsgi')],
    selectableApp: true,
  },
  'lighttpd-fastcgi-flup': {
    id: 'lighttpd-fastcgi-flup',
    title: { en: 'lighttpd → mod_fastcgi → flup → WSGI', 'zh-cn': 'lighttpd → mod_fastcgi → flup → WSGI' },
    kind: 'fastcgi-wsgi',
    server: 'lighttpd',
    nodes: [
      client,
      lighttpd,
      { id: 'mod_fastcgi', label: 'mod_fastcgi', kind: 'module', hostedBy: 'lighttpd' },
      flup,
      app,
    ],
    edges: [http('client', 'lighttpd'), edge('mod_fastcgi', 'flup', 'fastcgi'), edge('flup', 'app', 'wsgi')],
    selectableApp: true,
  },
  'nginx-fastcgi-flup': {
    id: 'nginx-fastcgi-flup',
    title: { en: 'nginx → fastcgi_pass → flup → WSGI', 'zh-cn': 'nginx → fastcgi_pass → flup → WSGI' },
    kind: 'fastcgi-wsgi',
    server: 'nginx',
    nodes: [
      client,
      nginx,
      { id: 'ngx_http_fastcgi_module', label: 'ngx_http_fastcgi_module', kind: 'module', hostedBy: 'nginx' },
      flup,
      app,
    ],
    edges: [http('client', 'nginx'), edge('ngx_http_fastcgi_module', 'flup', 'fastcgi'), edge('flup', 'app', 'wsgi')],
    selectableApp: true,
  },
  'nginx-fastcgi-php': {
    id: 'nginx-fastcgi-php',
    title: { en: 'nginx → php-fpm → PHP script', 'zh-cn': 'nginx → php-fpm → PHP 脚本' },
    kind: 'fastcgi-php',
    server: 'nginx',
    nodes: [
      client,
      nginx,
      { id: 'ngx_http_fastcgi_module', label: 'ngx_http_fastcgi_module', kind: 'module', hostedBy: 'nginx' },
      { id: 'php-fpm', label: 'php-fpm 8.2', kind: 'gateway' },
      { id: 'php-script', label: 'PHP script', labelZh: 'PHP 脚本', kind: 'application' },
    ],
    edges: [
      http('client', 'nginx'),
      edge('ngx_http_fastcgi_module', 'php-fpm', 'fastcgi'),
      edge('php-fpm', 'php-script', 'php'),
    ],
    selectableApp: false,
  },
  'nginx-gunicorn': {
    id: 'nginx-gunicorn',
    title: { en: 'nginx → proxy_pass → Gunicorn → WSGI', 'zh-cn': 'nginx → proxy_pass → Gunicorn → WSGI' },
    kind: 'http-proxy',
    server: 'nginx',
    nodes: [
      client,
      nginx,
      { id: 'ngx_http_proxy_module', label: 'ngx_http_proxy_module', kind: 'module', hostedBy: 'nginx' },
      { id: 'gunicorn', label: 'Gunicorn 20.1 (sync worker)', labelZh: 'Gunicorn 20.1（sync worker）', kind: 'server' },
      app,
    ],
    edges: [http('client', 'nginx'), http('ngx_http_proxy_module', 'gunicorn'), edge('gunicorn', 'app', 'wsgi')],
    selectableApp: true,
  },
  'apache-modwsgi-embedded': {
    id: 'apache-modwsgi-embedded',
    title: { en: 'Apache + mod_wsgi (embedded mode)', 'zh-cn': 'Apache + mod_wsgi（嵌入模式）' },
    kind: 'module-wsgi',
    server: 'apache2',
    nodes: [
      client,
      apache,
      {
        id: 'mod_wsgi',
        label: 'mod_wsgi (embedded)',
        labelZh: 'mod_wsgi（嵌入模式）',
        kind: 'module',
        hostedBy: 'apache2',
      },
      app,
    ],
    edges: [http('client', 'apache2'), edge('mod_wsgi', 'app', 'wsgi')],
    selectableApp: true,
  },
  'apache-modwsgi-daemon': {
    id: 'apache-modwsgi-daemon',
    title: { en: 'Apache + mod_wsgi (daemon mode)', 'zh-cn': 'Apache + mod_wsgi（守护进程模式）' },
    kind: 'module-wsgi',
    server: 'apache2',
    nodes: [
      client,
      apache,
      { id: 'mod_wsgi', label: 'mod_wsgi', kind: 'module', hostedBy: 'apache2' },
      {
        id: 'mod_wsgi-daemon',
        label: 'mod_wsgi daemon process "hop"',
        labelZh: 'mod_wsgi 守护进程“hop”',
        kind: 'gateway',
      },
      app,
    ],
    edges: [
      http('client', 'apache2'),
      edge('mod_wsgi', 'mod_wsgi-daemon', 'mod_wsgi'),
      edge('mod_wsgi-daemon', 'app', 'wsgi'),
    ],
    selectableApp: true,
  },
  'apache-mod-python': {
    id: 'apache-mod-python',
    title: { en: 'Apache + mod_python (mod_python.wsgi)', 'zh-cn': 'Apache + mod_python（mod_python.wsgi）' },
    kind: 'module-wsgi',
    server: 'apache2',
    nodes: [client, apache, { id: 'mod_python', label: 'mod_python 3.5', kind: 'module', hostedBy: 'apache2' }, app],
    edges: [http('client', 'apache2'), edge('mod_python', 'app', 'wsgi')],
    selectableApp: true,
  },
  wsgiref: {
    id: 'wsgiref',
    title: { en: "wsgiref, Python's reference WSGI server", 'zh-cn': 'wsgiref：Python 自带的参考 WSGI 服务器' },
    kind: 'wsgi-server',
    server: 'wsgiref',
    nodes: [client, { id: 'wsgiref', label: 'wsgiref.simple_server', kind: 'server' }, app],
    edges: [http('client', 'wsgiref'), edge('wsgiref', 'app', 'wsgi')],
    selectableApp: true,
  },
  werkzeug: {
    id: 'werkzeug',
    title: { en: "Werkzeug's development server", 'zh-cn': 'Werkzeug 开发服务器' },
    kind: 'wsgi-server',
    server: 'werkzeug',
    nodes: [client, { id: 'werkzeug', label: 'Werkzeug run_simple', kind: 'server' }, app],
    edges: [http('client', 'werkzeug'), edge('werkzeug', 'app', 'wsgi')],
    selectableApp: true,
  },
  cherrypy: {
    id: 'cherrypy',
    title: { en: 'CherryPy (Cheroot) WSGI server', 'zh-cn': 'CherryPy（Cheroot）WSGI 服务器' },
    kind: 'wsgi-server',
    server: 'cheroot',
    nodes: [client, { id: 'cheroot', label: 'Cheroot', kind: 'server' }, app],
    edges: [http('client', 'cheroot'), edge('cheroot', 'app', 'wsgi')],
    selectableApp: true,
  },
};

/** The pipeline ids, in the order the site lists them. */
export const PIPELINE_IDS = Object.keys(PIPELINES);
