import { VOLATILE } from '../../src/sim/volatile.ts';
import type { Capture } from './build-capture.ts';
import type { FaultCapture } from './run-fault.ts';

/*
 * How the conformance tests apply `VOLATILE` (src/sim/volatile.ts), the one list of values that change from run
 * to run and the fixed values the simulator writes instead. Nothing else is ignored: the rest of a capture is
 * compared byte for byte. Ports and paths are not volatile: the servers really run on 127.0.0.1:8080 / :9000
 * under /srv/hop (see site-layout.ts).
 */

/** Variable name → fixed value, matched by exact name in every [name, value] pair of a capture or a trace. */
const VOLATILE_VARIABLES: Readonly<Record<string, string>> = VOLATILE.variables;

/** Give every volatile value in a JSON value (a capture, or the simulator's trace data) its fixed value. */
export function maskVolatile<T>(value: T): T {
  return mapStrings(value, fixHeaders, (hex) => hex) as T;
}

/** Rewrite the volatile values of a capture (made with these client ports) to their fixed values. */
export function normaliseCapture(capture: Capture, clientPorts: readonly number[]): Capture {
  const text = (value: string): string => fixHeaders(fixPorts(value, clientPorts));
  return mapStrings(capture, text, (hex) => fixPortsInHex(hex, clientPorts)) as Capture;
}

/**
 * Rewrite the volatile values of a fault capture (made with these client ports): the response as in
 * `normaliseCapture`, and in every log line the client's port and the values of `VOLATILE.logs`.
 */
export function normaliseFaultCapture<T extends Pick<FaultCapture, 'exchanges'>>(
  capture: T,
  clientPorts: readonly number[],
): T {
  const text = (value: string): string => fixHeaders(fixPorts(value, clientPorts));
  return {
    ...capture,
    exchanges: capture.exchanges.map((exchange) => ({
      response: mapStrings(exchange.response, text, (hex) => hex) as FaultCapture['exchanges'][number]['response'],
      log: exchange.log
        .filter(({ line }) => !isSometimesLogged(line))
        .map(({ file, line }) => ({ file, line: maskLogLine(fixPorts(line, clientPorts)) })),
    })),
  };
}

const SOMETIMES_LOGGED = Object.values(VOLATILE.logsSometimes).map((pattern) => new RegExp(pattern));

/** Whether a log line is one of `VOLATILE.logsSometimes`, which the fault captures and comparisons leave out. */
export function isSometimesLogged(line: string): boolean {
  return SOMETIMES_LOGGED.some((pattern) => pattern.test(line));
}

/** The log line with every value of `VOLATILE.logs` given its fixed value (idempotent: fixed values match again). */
export function maskLogLine(line: string): string {
  let masked = line;
  for (const rule of LOG_RULES) masked = masked.replace(rule.pattern, rule.fixed);
  return masked;
}

const LOG_RULES = Object.values(VOLATILE.logs).map((rule) => ({
  pattern: new RegExp(rule.pattern, 'g'),
  fixed: rule.fixed,
}));

/** An HTTP-date (IMF-fixdate), the form of every value in `VOLATILE.headers`. */
const HTTP_DATE = String.raw`[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT`;

/** Headers whose HTTP-date value is replaced by the fixed one. */
const FIXED_HEADERS = Object.entries(VOLATILE.headers).map(
  ([name, fixed]) => [new RegExp(`^(${name}: )${HTTP_DATE}`, 'gm'), `$1${fixed}`] as const,
);

/** Headers whose items are put in sorted order, separators kept. */
const SORTED_HEADERS = Object.keys(VOLATILE.listHeaders).map(
  (name) => new RegExp(String.raw`^(${name}: )([^\r\n]*)`, 'gm'),
);

/** Set-Cookie lines: the volatile part of each listed cookie's value, and any `expires=` date. */
const FIXED_COOKIES = [
  ...Object.entries(VOLATILE.cookies).map(
    ([name, { before, volatile, fixed }]) =>
      [new RegExp(`^(Set-Cookie: *${name}=${before})${volatile}(?=;|\r|$)`, 'gm'), `$1${fixed}`] as const,
  ),
  [new RegExp(`^(Set-Cookie:[^\r\n]*; expires=)${HTTP_DATE}`, 'gm'), `$1${VOLATILE.cookieExpires}`] as const,
];

function fixHeaders(value: string): string {
  let fixed = value;
  for (const [pattern, replacement] of FIXED_COOKIES) fixed = fixed.replace(pattern, replacement);
  for (const [pattern, replacement] of FIXED_HEADERS) fixed = fixed.replace(pattern, replacement);
  for (const pattern of SORTED_HEADERS) {
    fixed = fixed.replace(pattern, (_line, name: string, list: string) => name + sortList(list));
  }
  return fixed;
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
  for (const port of ports) fixed = fixed.replace(new RegExp(`(?<!\\d)${port}(?!\\d)`, 'g'), VOLATILE.clientPort);
  return fixed;
}

function fixPortsInHex(hex: string, ports: readonly number[]): string {
  let fixed = hex;
  const replacement = Buffer.from(VOLATILE.clientPort, 'latin1').toString('hex');
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
