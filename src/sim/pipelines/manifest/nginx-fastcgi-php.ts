import type { ConformanceSpec, PipelineDefinition } from '../pipeline-types.ts';
import { client, edge, http, moduleOf, nginx } from './nodes.ts';
import { FASTCGI_PARAMS, NGINX_PACKAGES, configIn, fastcgiRecorder, front } from './parts.ts';
import { NGINX, nginxLocation } from '../origin-tables.ts';
import { phpFpmPool } from '../../process-model/architectures.ts';
import { PHP_FAULT_APPS, faultRunsBehind, nginxReadTimeout } from './fault-runs.ts';
import { faultList } from '../../faults/fault-list.ts';

const id = 'nginx-fastcgi-php';
const fastcgiModule = moduleOf(nginx, 'ngx_http_fastcgi_module');
const phpFpm = { id: 'php-fpm', label: 'php-fpm 8.2', kind: 'gateway' } as const;
const phpScript = { id: 'php-script', label: 'PHP script', labelZh: 'PHP 脚本', kind: 'application' } as const;
const nginxFront = front('nginx', 'nginx.conf');
const phpFpmServer = { program: 'phpFpm', config: 'php-fpm.conf', port: 'upstream' } as const;

export const NGINX_FASTCGI_PHP: PipelineDefinition = {
  id,
  title: { en: 'nginx → php-fpm → PHP script', 'zh-cn': 'nginx → php-fpm → PHP 脚本' },
  kind: 'fastcgi-php',
  server: nginx.id,
  nodes: [client, nginx, fastcgiModule, phpFpm, phpScript],
  edges: [http(client, nginx), edge(fastcgiModule, phpFpm, 'fastcgi'), edge(phpFpm, phpScript, 'php')],
  selectableApp: false,
  configs: [configIn(id)('nginx.conf'), FASTCGI_PARAMS, configIn(id)('php-fpm.conf')],
  origins: nginxLocation({ SCRIPT_FILENAME: [[NGINX, 'fastcgi_param SCRIPT_FILENAME']] }),
  architecture: phpFpmPool(),
  faults: faultList({
    'backend-down': { node: phpFpm.id },
    'app-exception': { node: phpScript.id },
    'bad-response': { node: phpScript.id },
    'app-timeout': { node: phpScript.id },
  }),
};

/** What the conformance suite installs and starts (tests only: the browser never imports it). */
export const NGINX_FASTCGI_PHP_CONFORMANCE: ConformanceSpec = {
  packages: [...NGINX_PACKAGES, 'php8.2-fpm', 'php8.2-common'],
  faultRuns: faultRunsBehind({
    front: nginxFront,
    upstream: [phpFpmServer],
    app: 'dump_php.php',
    apps: PHP_FAULT_APPS,
    timeout: [nginxReadTimeout('fastcgi', '\t\t\tfastcgi_pass 127.0.0.1:{{UPSTREAM_PORT}};')],
  }),
  runs: [
    { name: 'main', servers: [phpFpmServer, nginxFront] },
    { name: 'recorder', servers: [fastcgiRecorder, nginxFront] },
  ],
};
