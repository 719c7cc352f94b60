/**
 * The home page's small trace: one line per hop of a real trace, each with the hop's narration and one telling
 * detail of what crossed it (the request line, a FastCGI record header, the environ keys that split the URL and size the body,
 * the status line). Built at build time from the simulator's trace, so it is exactly what the player shows.
 */
import type { Hop, Message, Trace } from '../sim/index.ts';
import { protocolLabel } from './node-labels.ts';

/** One hop as the front door shows it. */
export interface FrontDoorStep {
  /** Node ids, as in the pipeline definition. */
  from: string;
  to: string;
  /** Display name of the protocol (`FastCGI`). */
  protocol: string;
  /** A short excerpt of what crossed the hop, shown as code. */
  detail: string;
  narration: Message;
}

/** FastCGI 1.0 §3.3: every record starts with an 8-byte header (version, type, requestId, contentLength, padding). */
const RECORD_HEADER_HEX = 16;

function firstLine(raw: string): string {
  return raw.split(/\r?\n/, 1)[0] ?? '';
}

function hexBytes(hex: string): string {
  return (hex.match(/../g) ?? []).join(' ');
}

function detailOf(hop: Hop): string {
  if (hop.http) return firstLine(hop.http.raw);
  const record = hop.fastcgi?.records[0];
  if (record) return `${record.type}: ${hexBytes(record.bytes.slice(0, RECORD_HEADER_HEX))}`;
  // The uwsgi packet's 4-byte header: modifier1, datasize (little endian), modifier2.
  if (hop.uwsgi) return `uwsgi: ${hexBytes(hop.uwsgi.bytes.slice(0, 8))}`;
  if (hop.wsgi) {
    const shown = new Set(['SCRIPT_NAME', 'PATH_INFO', 'CONTENT_LENGTH']);
    return hop.wsgi.environ
      .filter(([name]) => shown.has(name))
      .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
      .join('  ');
  }
  if (hop.asgi)
    return hop.asgi.scope
      .filter(([name]) => name === 'path' || name === 'raw_path')
      .map(([name, value]) => `${name}=${value}`)
      .join('  ');
  const start = hop.asgiResponse?.events.find((event) => event.type === 'http.response.start');
  if (start) return `http.response.start(${start.status ?? ''}, …)`;
  if (hop.wsgiResponse) return `start_response(${JSON.stringify(hop.wsgiResponse.status)}, …)`;
  if (hop.middleware) {
    const sign = { added: '+', changed: '~', removed: '-' } as const;
    return hop.middleware.diff.map((row) => `${sign[row.change]}${row.name === '' ? row.part : row.name}`).join('  ');
  }
  if (hop.stdout) return firstLine(hop.stdout.raw);
  if (hop.cgi)
    return hop.cgi.env
      .filter(([name]) => name === 'PATH_INFO')
      .map(([n, v]) => `${n}=${v}`)
      .join('');
  return '';
}

/** The steps of a trace as the front door shows them. */
export function frontDoorSteps(trace: Trace): FrontDoorStep[] {
  return trace.hops.map((hop) => ({
    from: hop.from,
    to: hop.to,
    protocol: protocolLabel(hop.protocol),
    detail: detailOf(hop),
    narration: hop.narration,
  }));
}
