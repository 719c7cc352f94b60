import type { ServerProgramName } from './server-programs.ts';
import { SITE } from './site-layout.ts';

/** One server process of a run: which program, which file of `configs/<pipeline-id>/` it reads, its port. */
export interface ServerSpec {
  program: ServerProgramName;
  /** File name in `configs/<pipeline-id>/`, rendered into the site root; absent for the recorder. */
  config?: string;
  port: number;
}

/**
 * One start of the pipeline's servers. `main` gives the response the client gets and what the application
 * saw; `recorder` swaps the FastCGI application for the record recorder; `uwsgi` swaps it for uwsgi, a real
 * FastCGI-to-WSGI gateway, to see the environ a gateway builds from the same records.
 */
export interface RunSpec {
  name: 'main' | 'recorder' | 'uwsgi';
  /** Started in this order (upstream first), stopped in reverse. */
  servers: readonly ServerSpec[];
}

/** A pipeline as the conformance captures run it. */
export interface PipelineSpec {
  id: string;
  /** The Debian packages whose versions the captures depend on (recorded in versions.json). */
  packages: readonly string[];
  runs: readonly RunSpec[];
}

const APACHE = ['apache2', 'apache2-bin'] as const;
const PYTHON = ['python3.11'] as const;
const web = (program: ServerProgramName, config: string): ServerSpec => ({ program, config, port: SITE.port });
const recorder: ServerSpec = { program: 'fastcgiRecorder', port: SITE.upstreamPort };
const uwsgi: ServerSpec = { program: 'uwsgi', config: 'uwsgi.ini', port: SITE.upstreamPort };

/** A pipeline whose FastCGI application is flup: records from the recorder, environ from uwsgi. */
function flupPipeline(id: string, server: ServerSpec, packages: readonly string[]): PipelineSpec {
  return {
    id,
    packages: [...packages, 'uwsgi-core', 'uwsgi-plugin-python3', ...PYTHON],
    runs: [
      { name: 'main', servers: [recorder, server] },
      { name: 'uwsgi', servers: [uwsgi, server] },
    ],
  };
}

/** Every pipeline, by id. */
export const PIPELINES: readonly PipelineSpec[] = [
  { id: 'apache-static', packages: APACHE, runs: [{ name: 'main', servers: [web('apache', 'apache2.conf')] }] },
  {
    id: 'lighttpd-static',
    packages: ['lighttpd'],
    runs: [{ name: 'main', servers: [web('lighttpd', 'lighttpd.conf')] }],
  },
  {
    id: 'nginx-static',
    packages: ['nginx', 'nginx-common'],
    runs: [{ name: 'main', servers: [web('nginx', 'nginx.conf')] }],
  },
  {
    id: 'apache-cgi',
    packages: [...APACHE, ...PYTHON],
    runs: [{ name: 'main', servers: [web('apache', 'apache2.conf')] }],
  },
  {
    id: 'lighttpd-cgi',
    packages: ['lighttpd', ...PYTHON],
    runs: [{ name: 'main', servers: [web('lighttpd', 'lighttpd.conf')] }],
  },
  flupPipeline('apache-fastcgi-flup', web('apache', 'apache2.conf'), APACHE),
  flupPipeline('lighttpd-fastcgi-flup', web('lighttpd', 'lighttpd.conf'), ['lighttpd']),
  flupPipeline('nginx-fastcgi-flup', web('nginx', 'nginx.conf'), ['nginx', 'nginx-common']),
  {
    id: 'nginx-fastcgi-php',
    packages: ['nginx', 'nginx-common', 'php8.2-fpm', 'php8.2-common'],
    runs: [
      {
        name: 'main',
        servers: [{ program: 'phpFpm', config: 'php-fpm.conf', port: SITE.upstreamPort }, web('nginx', 'nginx.conf')],
      },
      { name: 'recorder', servers: [recorder, web('nginx', 'nginx.conf')] },
    ],
  },
  {
    id: 'nginx-gunicorn',
    packages: ['nginx', 'nginx-common', 'gunicorn', 'python3-gunicorn', ...PYTHON],
    runs: [
      {
        name: 'main',
        servers: [
          { program: 'gunicorn', config: 'gunicorn.conf.py', port: SITE.upstreamPort },
          web('nginx', 'nginx.conf'),
        ],
      },
      {
        name: 'recorder',
        servers: [
          { program: 'gunicornBehindRecorder', config: 'gunicorn.conf.py', port: SITE.recordedPort },
          { program: 'httpRecorder', port: SITE.upstreamPort },
          web('nginx', 'nginx.conf'),
        ],
      },
    ],
  },
  {
    id: 'apache-modwsgi-embedded',
    packages: [...APACHE, 'libapache2-mod-wsgi-py3', ...PYTHON],
    runs: [{ name: 'main', servers: [web('apache', 'apache2.conf')] }],
  },
  {
    id: 'apache-modwsgi-daemon',
    packages: [...APACHE, 'libapache2-mod-wsgi-py3', ...PYTHON],
    runs: [{ name: 'main', servers: [web('apache', 'apache2.conf')] }],
  },
  {
    id: 'apache-mod-python',
    packages: [...APACHE, 'libapache2-mod-python', ...PYTHON],
    runs: [{ name: 'main', servers: [web('apache', 'apache2.conf')] }],
  },
  { id: 'wsgiref', packages: PYTHON, runs: [{ name: 'main', servers: [web('python', 'serve.py')] }] },
  {
    id: 'werkzeug',
    packages: ['python3-werkzeug', ...PYTHON],
    runs: [{ name: 'main', servers: [web('python', 'serve.py')] }],
  },
  {
    id: 'cherrypy',
    packages: ['python3-cheroot', ...PYTHON],
    runs: [{ name: 'main', servers: [web('python', 'serve.py')] }],
  },
];

/** The pipeline with this id, or an error naming the known ones. */
export function findPipeline(id: string): PipelineSpec {
  const pipeline = PIPELINES.find((candidate) => candidate.id === id);
  if (!pipeline) throw new Error(`unknown pipeline "${id}"; known: ${PIPELINES.map((p) => p.id).join(', ')}`);
  return pipeline;
}
