import type { Provenance } from './trace.ts';

/** One upstream product the simulator reproduces, at the version its behaviour was checked against. */
export interface UpstreamVersion {
  /** The product's name as provenance strings and labels write it, e.g. `nginx`. */
  product: string;
  /** The upstream version (no Debian revision), e.g. `1.22.1`. */
  version: string;
  /** The Debian package the conformance captures ran it from, or null when it is modelled from source only. */
  debianPackage: string | null;
}

/** The distribution the reference servers come from. */
export const DISTRIBUTION = 'Debian 12';

/**
 * THE versions table: every "verified against …" or "modelled from source (…)" provenance string, and every
 * profile label that names a version, is built from it. The conformance suite (tests/conformance/provenance.test.ts)
 * compares it, and the provenance of every pipeline's hops, with tests/fixtures/captures/versions.json, so a
 * package upgrade that is re-captured cannot leave stale labels behind.
 */
export const UPSTREAM_VERSIONS = {
  /** Apache httpd and its modules' host. */
  apache: { product: 'Apache', version: '2.4.71', debianPackage: 'apache2' },
  /** nginx, as a static server and a FastCGI client. */
  nginx: { product: 'nginx', version: '1.22.1', debianPackage: 'nginx' },
  /** lighttpd, as a static server, CGI host and FastCGI client. */
  lighttpd: { product: 'lighttpd', version: '1.4.69', debianPackage: 'lighttpd' },
  /** PHP's FastCGI process manager. */
  phpFpm: { product: 'php-fpm', version: '8.2.36', debianPackage: 'php8.2-fpm' },
  /** mod_wsgi, embedded and daemon mode. */
  modWsgi: { product: 'mod_wsgi', version: '4.9.4', debianPackage: 'libapache2-mod-wsgi-py3' },
  /** mod_python's WSGI handler. */
  modPython: { product: 'mod_python', version: '3.5.0', debianPackage: 'libapache2-mod-python' },
  /** CPython: wsgiref's server and CGIHandler, and the interpreter of every Python server. */
  python: { product: 'Python', version: '3.11.2', debianPackage: 'python3.11' },
  /** Werkzeug's development server (run_simple). */
  werkzeug: { product: 'Werkzeug', version: '2.2.2', debianPackage: 'python3-werkzeug' },
  /** Cheroot, CherryPy's WSGI server. */
  cheroot: { product: 'Cheroot', version: '9.0.0', debianPackage: 'python3-cheroot' },
  /** uWSGI with its python3 plugin, speaking the uwsgi protocol behind nginx. */
  uwsgi: { product: 'uWSGI', version: '2.0.21', debianPackage: 'uwsgi-core' },
  /** Gunicorn, the WSGI HTTP server behind nginx's proxy_pass. */
  gunicorn: { product: 'Gunicorn', version: '20.1.0', debianPackage: 'gunicorn' },
  /** Uvicorn, the ASGI server behind nginx (with h11 0.14 as its HTTP implementation). */
  uvicorn: { product: 'Uvicorn', version: '0.17.6', debianPackage: 'python3-uvicorn' },
  /** Django, the example project behind wsgiref (the `django` application). */
  django: { product: 'Django', version: '3.2.25', debianPackage: 'python3-django' },
  /** Flask, the example application behind wsgiref (the `flask` application). */
  flask: { product: 'Flask', version: '2.2.2', debianPackage: 'python3-flask' },
  /** web.py, the example application behind wsgiref (the `webpy` application). */
  webpy: { product: 'web.py', version: '0.62', debianPackage: 'python3-webpy' },
  /** flup's FastCGI-to-WSGI gateway: not packaged in Debian 12, so modelled from its source. */
  flup: { product: 'flup', version: '1.0.3', debianPackage: null },
} as const satisfies Record<string, UpstreamVersion>;

export type UpstreamProduct = keyof typeof UPSTREAM_VERSIONS;

/** A product with its version, e.g. `nginx 1.22.1`. */
export function productVersion(product: UpstreamProduct): string {
  const { product: name, version } = UPSTREAM_VERSIONS[product];
  return `${name} ${version}`;
}

/** Checked against `subject` (Debian 12[, <alongside>…]): e.g. nginx 1.22.1 as Debian 12 packages it. */
export function verifiedAgainst(subject: string, ...alongside: string[]): Provenance {
  return { kind: 'verified', subject, distribution: DISTRIBUTION, alongside };
}

/** Checked against `component` of `subject` (wsgiref of Python 3.11.2)[, running alongside the products listed]. */
export function verifiedAgainstPart(component: string, subject: string, ...alongside: string[]): Provenance {
  return { kind: 'verified', subject, component, distribution: DISTRIBUTION, alongside };
}

/** Modelled from `source` of `subject`, for behaviour read from the source rather than checked against captures. */
export function modelledFromSource(subject: string, source: string): Provenance {
  return { kind: 'modelled', subject, source };
}
