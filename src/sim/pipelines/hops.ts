import type {
  Change,
  CgiRequestHop,
  DataHop,
  FastcgiHop,
  HttpHop,
  Message,
  OutputHop,
  Pair,
  Provenance,
  TraceRecord,
  TraceUwsgiPacket,
  UwsgiRequestHop,
  UwsgiResponseHop,
  WsgiRequestHop,
  WsgiResponseHop,
} from '../trace.ts';
import { msg } from '../message.ts';

/** Fields every hop needs, whatever its protocol. */
interface HopBase {
  from: string;
  to: string;
  changes?: Change[];
  provenance: Provenance;
}

/** The client's raw request arriving at the server. */
export function httpRequestHop(base: HopBase & { raw: string; serverLabel: string }): HttpHop {
  const line = base.raw.split(/\r?\n/, 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'http',
    summary: msg('summary.httpRequest', { line: JSON.stringify(line), bytes: base.raw.length }),
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration: msg('narration.httpRequest', { bytes: base.raw.length, server: base.serverLabel }),
  };
}

/** The server's answer as the client receives it. */
export function httpResponseHop(base: HopBase & { raw: string; serverLabel: string; rejected?: Message }): HttpHop {
  const line = base.raw.split('\r\n', 1)[0] ?? '';
  const narration = base.rejected
    ? msg('narration.httpRejected', { server: base.serverLabel, reason: base.rejected })
    : msg('narration.httpResponse', { server: base.serverLabel, line: JSON.stringify(line) });
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'http',
    summary: msg('summary.httpResponse', { line: JSON.stringify(line) }),
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration,
  };
}

/** CGI meta-variables and stdin handed to a script (RFC 3875 §4). */
export function cgiRequestHop(base: HopBase & { env: Pair[]; stdin: string }): CgiRequestHop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'cgi',
    summary: msg('summary.cgiRequest', { variables: base.env.length, bytes: base.stdin.length }),
    changes: base.changes ?? [],
    cgi: { env: base.env, stdin: base.stdin },
    provenance: base.provenance,
    narration: msg('narration.cgiRequest', { from: base.from, to: base.to, variables: base.env.length }),
  };
}

/**
 * mod_wsgi daemon mode: the Apache child sends the CGI-style request variables, then the body, to the persistent
 * daemon process over a UNIX socket (mod_wsgi's own protocol; no process is started per request).
 */
export function daemonRequestHop(base: HopBase & { env: Pair[]; body: string }): CgiRequestHop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'mod_wsgi',
    summary: msg('summary.daemonRequest', { variables: base.env.length, bytes: base.body.length }),
    changes: base.changes ?? [],
    cgi: { env: base.env, stdin: base.body },
    provenance: base.provenance,
    narration:
      base.body.length > 0
        ? msg('narration.daemonRequest', {
            from: base.from,
            to: base.to,
            variables: base.env.length,
            bytes: base.body.length,
          })
        : msg('narration.daemonRequestNoBody', { from: base.from, to: base.to, variables: base.env.length }),
  };
}

/** A script's (or daemon's) raw output going back. */
export function stdoutResponseHop(base: HopBase & { raw: string; protocol: OutputHop['protocol'] }): OutputHop {
  const firstLine = base.raw.split(/\r?\n/, 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: base.protocol,
    summary: msg('summary.stdout', { line: JSON.stringify(firstLine) }),
    changes: base.changes ?? [],
    stdout: { raw: base.raw },
    provenance: base.provenance,
    narration: msg('narration.stdout', { from: base.from, to: base.to }),
  };
}

/** FastCGI records in either direction. */
export function fastcgiHop(base: HopBase & { direction: 'request' | 'response'; records: TraceRecord[] }): FastcgiHop {
  const types = [...new Set(base.records.map((r) => r.type))].join(', ');
  const bytes = base.records.reduce((n, r) => n + r.bytes.length / 2, 0);
  return {
    from: base.from,
    to: base.to,
    direction: base.direction,
    protocol: 'fastcgi',
    summary: msg('summary.fastcgi', { records: base.records.length, types, bytes }),
    changes: base.changes ?? [],
    fastcgi: { records: base.records },
    provenance: base.provenance,
    narration:
      base.direction === 'request'
        ? msg('narration.fastcgiRequest', { from: base.from, to: base.to, records: base.records.length, types })
        : msg('narration.fastcgiResponse', { from: base.from, records: base.records.length, types }),
  };
}

/** The environ a WSGI application is called with. */
export function wsgiRequestHop(base: HopBase & { environ: Pair[]; input: string; appName: string }): WsgiRequestHop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'wsgi',
    summary: msg('summary.wsgiRequest', { app: base.appName, keys: base.environ.length }),
    changes: base.changes ?? [],
    wsgi: { environ: base.environ, input: base.input },
    provenance: base.provenance,
    narration: msg('narration.wsgiRequest', { from: base.from, app: base.appName, keys: base.environ.length }),
  };
}

/** What the application returned through start_response and its iterable. */
export function wsgiResponseHop(
  base: HopBase & { status: string; headers: Pair[]; body: string; calls: string[] },
): WsgiResponseHop {
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'wsgi',
    summary: msg('summary.wsgiResponse', {
      status: JSON.stringify(base.status),
      headers: base.headers.length,
      bytes: base.body.length,
    }),
    changes: base.changes ?? [],
    wsgiResponse: { status: base.status, headers: base.headers, body: base.body, calls: base.calls },
    provenance: base.provenance,
    narration: msg('narration.wsgiResponse', {
      status: JSON.stringify(base.status),
      bytes: base.body.length,
      to: base.to,
    }),
  };
}

/** Protocol data that is neither CGI nor WSGI, such as PHP's $_SERVER. */
export function dataHop(base: HopBase & { protocol: DataHop['protocol']; label: string; pairs: Pair[] }): DataHop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: base.protocol,
    summary: msg('summary.data', { label: base.label, entries: base.pairs.length }),
    changes: base.changes ?? [],
    data: { label: base.label, pairs: base.pairs },
    provenance: base.provenance,
    narration: msg('narration.data', { from: base.from, to: base.to, label: base.label }),
  };
}

/** A uwsgi packet (header, vars) and the request body after it, from the web server to uWSGI. */
export function uwsgiRequestHop(base: HopBase & { packet: TraceUwsgiPacket }): UwsgiRequestHop {
  const { packet } = base;
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'uwsgi',
    summary: msg('summary.uwsgiRequest', {
      vars: packet.vars.length,
      datasize: packet.datasize,
      bytes: packet.body.length,
    }),
    changes: base.changes ?? [],
    uwsgi: packet,
    provenance: base.provenance,
    narration: msg('narration.uwsgiRequest', {
      from: base.from,
      to: base.to,
      vars: packet.vars.length,
      datasize: packet.datasize,
    }),
  };
}

/** What uWSGI writes back on the socket: an HTTP status line, headers and body, with no uwsgi header. */
export function uwsgiResponseHop(base: HopBase & { raw: string }): UwsgiResponseHop {
  const line = base.raw.split('\r\n', 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'uwsgi',
    summary: msg('summary.uwsgiResponse', { line: JSON.stringify(line), bytes: base.raw.length }),
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration: msg('narration.uwsgiResponse', { from: base.from, to: base.to }),
  };
}

/** The HTTP request a proxy module sends to the server behind it. */
export function proxyRequestHop(base: HopBase & { raw: string }): HttpHop {
  const line = base.raw.split('\r\n', 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'http',
    summary: msg('summary.httpRequest', { line: JSON.stringify(line), bytes: base.raw.length }),
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration: msg('narration.proxyRequest', { from: base.from, to: base.to, bytes: base.raw.length }),
  };
}

/** The HTTP response the server behind a proxy writes back to it. */
export function proxyResponseHop(base: HopBase & { raw: string }): HttpHop {
  const line = base.raw.split('\r\n', 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'http',
    summary: msg('summary.httpResponse', { line: JSON.stringify(line) }),
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration: msg('narration.proxyResponse', { from: base.from, to: base.to, line: JSON.stringify(line) }),
  };
}
