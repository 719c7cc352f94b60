/** Pieces several manifest entries share: their configuration files and what the conformance suite starts. */
import type { ConfigFile, ConformanceServer, ConformanceSpec } from '../pipeline-types.ts';

/** A file of the pipeline's own folder, `configs/<pipeline-id>/`. */
export const configIn =
  (pipelineId: string) =>
  (file: string): ConfigFile => ({ file, source: `configs/${pipelineId}/${file}` });

/** Debian's /etc/nginx/fastcgi_params, which the nginx FastCGI pipelines include. */
export const FASTCGI_PARAMS: ConfigFile = { file: 'fastcgi_params', source: 'configs/debian/fastcgi_params' };

/** Debian's /etc/nginx/uwsgi_params, which nginx-uwsgi includes. */
export const UWSGI_PARAMS: ConfigFile = { file: 'uwsgi_params', source: 'configs/debian/uwsgi_params' };

export const APACHE_PACKAGES = ['apache2', 'apache2-bin'] as const;
export const NGINX_PACKAGES = ['nginx', 'nginx-common'] as const;
export const LIGHTTPD_PACKAGES = ['lighttpd'] as const;
export const PYTHON_PACKAGES = ['python3.11'] as const;

/** The server the client talks to, started from its file in the pipeline's folder. */
/* @__NO_SIDE_EFFECTS__ */
export const front = (program: string, config: string): ConformanceServer => ({ program, config, port: 'server' });

/** The FastCGI peer that records the records a web server sends (the suite's `fastcgi_recorder.py`). */
export const fastcgiRecorder: ConformanceServer = { program: 'fastcgiRecorder', port: 'upstream' };

/** One server and nothing behind it but what it runs itself. */
/* @__NO_SIDE_EFFECTS__ */
export function alone(server: ConformanceServer, packages: readonly string[]): ConformanceSpec {
  return { packages, runs: [{ name: 'main', servers: [server] }] };
}

/** In flup's place in the fault runs: a scripted FastCGI peer calling the application the way flup does. */
export const FLUP_PEER: ConformanceServer = { program: 'flupPeer', port: 'upstream' };

/**
 * A web server in front of flup, which is no Debian package: the recorder shows the records the server sends, and
 * uwsgi, a real FastCGI-to-WSGI gateway, the environ a gateway builds from the same records.
 */
/* @__NO_SIDE_EFFECTS__ */
export function frontOfFlup(server: ConformanceServer, packages: readonly string[]): ConformanceSpec {
  return {
    packages: [...packages, 'uwsgi-core', 'uwsgi-plugin-python3', ...PYTHON_PACKAGES],
    runs: [
      { name: 'main', servers: [fastcgiRecorder, server] },
      { name: 'uwsgi', servers: [{ program: 'uwsgi', config: 'uwsgi.ini', port: 'upstream' }, server] },
    ],
  };
}

/**
 * A web server running a CGI script: the suite's plain dump script (main), then the WSGI dump application under
 * wsgiref.handlers.CGIHandler (`cgihandler`), to see the environ CGIHandler builds and the stdout it writes.
 */
/* @__NO_SIDE_EFFECTS__ */
export function frontOfCgiScript(server: ConformanceServer, packages: readonly string[]): ConformanceSpec {
  return {
    packages: [...packages, ...PYTHON_PACKAGES],
    runs: [
      { name: 'main', servers: [server] },
      { name: 'cgihandler', servers: [server], cgiScript: 'dump_cgihandler.py' },
    ],
  };
}

/** uWSGI on the upstream port with the pipeline's uwsgi.ini. */
export const UWSGI_SERVER: ConformanceServer = { program: 'uwsgi', config: 'uwsgi.ini', port: 'upstream' };

/**
 * A web server in front of uWSGI speaking the uwsgi protocol: `main` runs them alone; `recorder` puts the uwsgi
 * recorder, a relay that writes down both directions byte for byte, on the upstream port and uWSGI behind it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function frontOfUwsgi(server: ConformanceServer, packages: readonly string[]): ConformanceSpec {
  const uwsgi = UWSGI_SERVER;
  return {
    packages: [...packages, 'uwsgi-core', 'uwsgi-plugin-python3', ...PYTHON_PACKAGES],
    runs: [
      { name: 'main', servers: [uwsgi, server] },
      {
        name: 'recorder',
        servers: [{ ...uwsgi, port: 'relayed' }, { program: 'uwsgiRecorder', port: 'upstream' }, server],
      },
    ],
  };
}

/**
 * The framework example applications (tests/fixtures/apps/framework_*.py) served by the same server, one run each:
 * the conformance suite compares the `django`, `flask` and `webpy` applications of the simulator with them.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withFrameworks(spec: ConformanceSpec): ConformanceSpec {
  const frameworks = [
    ['django', 'wsgirefDjango'],
    ['flask', 'wsgirefFlask'],
    ['webpy', 'wsgirefWebpy'],
  ] as const;
  return {
    ...spec,
    packages: [...spec.packages, 'python3-django', 'python3-flask', 'python3-webpy'],
    runs: [
      ...spec.runs,
      ...frameworks.map(([name, program]) => ({ name, servers: [{ program, port: 'server' as const }] })),
    ],
  };
}
