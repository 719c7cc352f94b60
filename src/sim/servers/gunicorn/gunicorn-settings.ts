import { REFERENCE_SITE } from '../../reference-site.ts';

/**
 * The reference gunicorn.conf.py as the simulator needs it: Gunicorn 20.1's defaults (one sync worker,
 * forwarded_allow_ips 127.0.0.1, secure_scheme_headers) and the bind address. See docs.gunicorn.org, "Settings".
 */
export const GUNICORN_SETTINGS = {
  /** `bind`: the listening address, which also gives SERVER_NAME and SERVER_PORT on a TCP socket. */
  bind: { host: REFERENCE_SITE.serverAddr, port: REFERENCE_SITE.upstreamPort },
  /** `workers` (default 1): wsgi.multiprocess is True only with more than one. */
  workers: 1,
  /** `forwarded_allow_ips` (default "127.0.0.1"): peers whose secure_scheme_headers are believed. */
  forwardedAllowIps: ['127.0.0.1'] as readonly string[],
  /** `secure_scheme_headers` (default): a header, and the value that makes wsgi.url_scheme "https". */
  secureSchemeHeaders: new Map([
    ['X-FORWARDED-PROTOCOL', 'ssl'],
    ['X-FORWARDED-PROTO', 'https'],
    ['X-FORWARDED-SSL', 'on'],
  ]),
  /** gunicorn/__init__.py: SERVER_SOFTWARE, and the bare product name the Server header carries. */
  software: 'gunicorn/20.1.0',
  serverHeader: 'gunicorn',
  /**
   * `timeout` (default 30): the arbiter kills a worker silent for longer (the fault captures shorten it to 1 s and
   * keep nginx's proxy_read_timeout, 60 s, so the order of the two stays as in the reference configuration).
   */
  timeoutSeconds: 30,
  /** The accepted socket's file descriptor in the sync worker (the same for every request, verified). */
  socketFd: '9',
} as const;
