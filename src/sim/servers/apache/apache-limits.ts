import type { ServerLimits } from '../server-limits.ts';

/**
 * Apache 2.4.71's core limits, none of them set by the reference apache2.conf or Debian's files. Measured (by hand and
 * in cases 54, 59, 63): a request line of 8,191 bytes before CRLF passes and 8,192 gets 414; a field line the same at
 * 8,191/8,192 (400); 100 field lines pass and 101 get 400; a Content-Length of 1,073,741,825 gets 413 at once, before
 * any body is sent, while 1,073,741,824 is waited for.
 */
export const APACHE_LIMITS: ServerLimits = {
  requestLine: {
    setting: 'LimitRequestLine',
    value: '8190',
    largest: 8191,
    status: 414,
    origin: { compiledIn: 'include/httpd.h DEFAULT_LIMIT_REQUEST_LINE' },
  },
  fieldLine: {
    setting: 'LimitRequestFieldSize',
    value: '8190',
    largest: 8191,
    status: 400,
    origin: { compiledIn: 'include/httpd.h DEFAULT_LIMIT_REQUEST_FIELDSIZE' },
  },
  fieldCount: {
    setting: 'LimitRequestFields',
    value: '100',
    largest: 100,
    status: 400,
    origin: { compiledIn: 'include/httpd.h DEFAULT_LIMIT_REQUEST_FIELDS' },
  },
  body: {
    setting: 'LimitRequestBody',
    value: '1073741824',
    largest: 1073741824,
    status: 413,
    origin: { compiledIn: 'server/core.c AP_DEFAULT_LIMIT_REQ_BODY, 1 GiB since 2.4.54' },
  },
};
