import type { ServerLimits } from '../server-limits.ts';

/**
 * Gunicorn 20.1's limits (gunicorn/config.py defaults; the reference gunicorn.conf.py sets none). Measured against
 * Gunicorn alone and behind nginx (cases 52–56, 60, 61): a request line of 4,094 bytes before CRLF passes and 4,095
 * gets 400; a field line passes while it and its CRLF stay within 8,190 bytes (8,188 + 2); 100 field lines pass and
 * 101 get 400 — behind nginx, which sends its own Host and adds Connection, a client's 100 fields make 101.
 */
export const GUNICORN_LIMITS: ServerLimits = {
  requestLine: {
    setting: 'limit_request_line',
    value: '4094',
    largest: 4094,
    status: 400,
    origin: { compiledIn: 'gunicorn/config.py LimitRequestLine' },
  },
  fieldLine: {
    setting: 'limit_request_field_size',
    value: '8190',
    largest: 8188,
    status: 400,
    origin: { compiledIn: 'gunicorn/config.py LimitRequestFieldSize' },
  },
  fieldCount: {
    setting: 'limit_request_fields',
    value: '100',
    largest: 100,
    status: 400,
    origin: { compiledIn: 'gunicorn/config.py LimitRequestFields' },
  },
};
