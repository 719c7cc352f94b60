import type { Capture } from './build-capture.ts';

/**
 * THE list of values that change from run to run on the real servers, and the fixed value each capture
 * carries instead. Everything else in a capture is compared byte for byte. Ports and paths are not here:
 * the servers really run on 127.0.0.1:8080 / :9000 under /srv/hop (see site-layout.ts).
 */
export const VOLATILE = {
  /** `Date:` response header (RFC 9110 §6.6.1): the time of the response. Same length as any IMF-fixdate. */
  date: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /**
   * The client's ephemeral port: REMOTE_PORT, and wherever a server repeats it (werkzeug.socket's repr).
   * Ephemeral ports (32768–60999) have five digits, like this value, so FastCGI lengths stay exact.
   */
  remotePort: '50000',
  /** `Expires:` that Werkzeug's static_files sets to now + 12 hours. */
  expires: 'Mon, 01 Jan 2024 12:00:00 GMT',
  /**
   * `Allow:` lists: Apache builds its list (501 answers) from a hash table seeded per process, so the order of
   * the methods changes from run to run. Every Allow list is written with its methods sorted, separators kept.
   */
  allow: 'methods sorted alphabetically',
} as const;

/**
 * Variables (CGI env, FastCGI params, WSGI environ, PHP $_SERVER) whose value changes per run, and the fixed
 * value written instead. Matched by exact name in every [name, value] pair of a capture.
 */
export const VOLATILE_VARIABLES: Readonly<Record<string, string>> = {
  // mod_wsgi: clock readings in microseconds since the epoch.
  'mod_wsgi.request_start': '1704067200000000',
  'mod_wsgi.queue_start': '1704067200000000',
  'mod_wsgi.daemon_start': '1704067200000000',
  'mod_wsgi.script_start': '1704067200000000',
  // mod_wsgi: random ids of the request and the connection.
  'mod_wsgi.request_id': 'AAAAAAAAAAA',
  'mod_wsgi.connection_id': 'AAAAAAAAAAA',
  // mod_wsgi (embedded): which of Apache's worker threads took the request, and its counters.
  'mod_wsgi.thread_id': '1',
  'mod_wsgi.thread_requests': '0',
  'mod_wsgi.total_requests': '0',
  // PHP: the time the request started.
  REQUEST_TIME: '1704067200',
  REQUEST_TIME_FLOAT: '1704067200.000000',
  // uwsgi: the machine's host name.
  'uwsgi.node': "b'localhost'",
};

/** Give every volatile value in a JSON value (a capture, or the simulator's trace data) its fixed value. */
export function maskVolatile<T>(value: T): T {
  return mapStrings(value, fixHeaders, (hex) => hex) as T;
}

/** Rewrite the volatile values of a capture (made with these client ports) to their fixed values. */
export function normaliseCapture(capture: Capture, clientPorts: readonly number[]): Capture {
  const text = (value: string): string => fixHeaders(fixPorts(value, clientPorts));
  return mapStrings(capture, text, (hex) => fixPortsInHex(hex, clientPorts)) as Capture;
}

const RE_DATE_HEADER = /^(Date: )[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/gm;
const RE_EXPIRES_HEADER = /^(Expires: )[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT/gm;

const RE_ALLOW_HEADER = /^(Allow: )([^\r\n]*)/gm;

function fixHeaders(value: string): string {
  return value
    .replace(RE_DATE_HEADER, `$1${VOLATILE.date}`)
    .replace(RE_EXPIRES_HEADER, `$1${VOLATILE.expires}`)
    .replace(RE_ALLOW_HEADER, (_line, name: string, list: string) => name + sortList(list));
}

function sortList(list: string): string {
  const separator = list.includes(', ') ? ', ' : ',';
  return list
    .split(',')
    .map((item) => item.trim())
    .sort()
    .join(separator);
}

function fixPorts(value: string, ports: readonly number[]): string {
  let fixed = value;
  for (const port of ports) fixed = fixed.replace(new RegExp(`(?<!\\d)${port}(?!\\d)`, 'g'), VOLATILE.remotePort);
  return fixed;
}

function fixPortsInHex(hex: string, ports: readonly number[]): string {
  let fixed = hex;
  const replacement = Buffer.from(VOLATILE.remotePort, 'latin1').toString('hex');
  for (const port of ports) {
    const pattern = Buffer.from(String(port), 'latin1').toString('hex');
    // Only byte-aligned matches (even offsets) are the port's digits.
    fixed = fixed.replace(new RegExp(pattern, 'g'), (match, offset: number) =>
      offset % 2 === 0 ? replacement : match,
    );
  }
  return fixed;
}

/** Apply `text` to every string of a JSON value, and `hex` to the `bytes` fields of FastCGI records. */
function mapStrings(value: unknown, text: (s: string) => string, hex: (s: string) => string, key = ''): unknown {
  if (typeof value === 'string') return key === 'bytes' ? hex(value) : text(value);
  if (isVolatilePair(value)) return [value[0], VOLATILE_VARIABLES[value[0]]];
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, text, hex));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, mapStrings(item, text, hex, name)]));
  }
  return value;
}

function isVolatilePair(value: unknown): value is [string, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    typeof value[1] === 'string' &&
    Object.hasOwn(VOLATILE_VARIABLES, value[0])
  );
}
