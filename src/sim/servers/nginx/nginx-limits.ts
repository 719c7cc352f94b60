import type { ServerLimits } from '../server-limits.ts';

const BUFFERS = 'src/http/ngx_http_core_module.c, default large_client_header_buffers 4 8k';

/**
 * nginx 1.22.1's limits, none of them set by the reference nginx.conf. The head is read into a 1 KiB buffer
 * (client_header_buffer_size), then into at most four 8 KiB ones; a line must fit in one of them with its line end
 * (measured: a request line or field line of 8,190 bytes before CRLF passes, 8,191 does not; four 7,000-byte field
 * lines pass and five do not, cases 57, 58, 62, 64). Debian's 1.22.1-9+deb12u8 backports `max_headers` (1,000 fields:
 * 1,000 pass, 1,001 get the same 400). A Content-Length over client_max_body_size gets 413 before any body is read.
 */
export const NGINX_LIMITS: ServerLimits = {
  requestLine: {
    setting: 'large_client_header_buffers',
    value: '4 8k',
    largest: 8190,
    status: 414,
    origin: { compiledIn: BUFFERS },
  },
  fieldLine: {
    setting: 'large_client_header_buffers',
    value: '4 8k',
    largest: 8190,
    status: 400,
    origin: { compiledIn: BUFFERS },
  },
  head: {
    setting: 'large_client_header_buffers',
    value: '4 8k',
    largest: 4 * 8192,
    status: 400,
    origin: { compiledIn: BUFFERS },
    buffers: { first: 1024, count: 4, size: 8192 },
  },
  fieldCount: {
    setting: 'max_headers',
    value: '1000',
    largest: 1000,
    status: 400,
    origin: { compiledIn: "Debian's ngx_http_header_count_module, debian/patches/FIX-HTTP2bomb.patch" },
  },
  body: {
    setting: 'client_max_body_size',
    value: '1m',
    largest: 1048576,
    status: 413,
    origin: { compiledIn: 'src/http/ngx_http_core_module.c, default client_max_body_size 1m' },
  },
};
