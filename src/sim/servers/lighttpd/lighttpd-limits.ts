import type { ServerLimits } from '../server-limits.ts';

/**
 * lighttpd 1.4.69 limits the whole head, request line and line ends included, to server.max-request-field-size
 * (not set by the reference lighttpd.conf): measured, 8,192 bytes pass and 8,193 get 431 as HTTP/1.0, whatever the
 * line lengths (cases 57–64). It has no count of its own below that (1,999 field lines of `a:` pass), and no body
 * limit by default: a Content-Length of 10^15 is waited for (server.max-request-size 0).
 */
export const LIGHTTPD_LIMITS: ServerLimits = {
  head: {
    setting: 'server.max-request-field-size',
    value: '8192',
    largest: 8192,
    status: 431,
    origin: { compiledIn: 'src/configfile.c config_init, srvconf.max_request_field_size' },
  },
};
