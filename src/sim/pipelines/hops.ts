import type { Change, Hop, Narration, Pair, Protocol, TraceRecord } from '../trace.ts';

/** Fields every hop needs, whatever its protocol. */
interface HopBase {
  from: string;
  to: string;
  changes?: Change[];
  provenance: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The client's raw request arriving at the server. */
export function httpRequestHop(base: HopBase & { raw: string; serverLabel: string }): Hop {
  const line = base.raw.split(/\r?\n/, 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'http',
    summary: `HTTP request ${JSON.stringify(line)} (${count(base.raw.length, 'byte', 'bytes')})`,
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration: {
      en: `The client sends ${count(base.raw.length, 'byte', 'bytes')} of HTTP to ${base.serverLabel}.`,
      'zh-cn': `客户端向 ${base.serverLabel} 发送 ${base.raw.length} 字节的 HTTP 请求。`,
    },
  };
}

/** The server's answer as the client receives it. */
export function httpResponseHop(base: HopBase & { raw: string; serverLabel: string; rejected?: string }): Hop {
  const line = base.raw.split('\r\n', 1)[0] ?? '';
  const narration: Narration = base.rejected
    ? {
        en: `${base.serverLabel} rejects the request: ${base.rejected}`,
        'zh-cn': `${base.serverLabel} 拒绝了这个请求：${base.rejected}`,
      }
    : {
        en: `${base.serverLabel} answers the client with ${JSON.stringify(line)}.`,
        'zh-cn': `${base.serverLabel} 以 ${JSON.stringify(line)} 回应客户端。`,
      };
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'http',
    summary: `HTTP response ${JSON.stringify(line)}`,
    changes: base.changes ?? [],
    http: { raw: base.raw },
    provenance: base.provenance,
    narration,
  };
}

/** CGI meta-variables and stdin handed to a script (RFC 3875 §4). */
export function cgiRequestHop(base: HopBase & { env: Pair[]; stdin: string }): Hop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'cgi',
    summary: `${count(base.env.length, 'environment variable', 'environment variables')} and ${count(base.stdin.length, 'byte', 'bytes')} on stdin`,
    changes: base.changes ?? [],
    cgi: { env: base.env, stdin: base.stdin },
    provenance: base.provenance,
    narration: {
      en: `${base.from} starts ${base.to} with ${base.env.length} environment variables built from the request, and pipes the body to its stdin.`,
      'zh-cn': `${base.from} 用根据请求生成的 ${base.env.length} 个环境变量启动 ${base.to}，并把请求体送入它的标准输入。`,
    },
  };
}

/**
 * mod_wsgi daemon mode: the Apache child sends the CGI-style request variables, then the body, to the persistent
 * daemon process over a UNIX socket (mod_wsgi's own protocol; no process is started per request).
 */
export function daemonRequestHop(base: HopBase & { env: Pair[]; body: string }): Hop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'mod_wsgi',
    summary: `${count(base.env.length, 'request variable', 'request variables')} and ${count(base.body.length, 'byte', 'bytes')} of body over the daemon socket`,
    changes: base.changes ?? [],
    cgi: { env: base.env, stdin: base.body },
    provenance: base.provenance,
    narration:
      base.body.length > 0
        ? {
            en: `${base.from} sends ${base.env.length} request variables and the ${base.body.length}-byte body to the already running ${base.to} over its UNIX socket.`,
            'zh-cn': `${base.from} 通过 UNIX 套接字，把 ${base.env.length} 个请求变量和 ${base.body.length} 字节的请求体发给早已运行着的 ${base.to}。`,
          }
        : {
            en: `${base.from} sends ${base.env.length} request variables to the already running ${base.to} over its UNIX socket; there is no body.`,
            'zh-cn': `${base.from} 通过 UNIX 套接字，把 ${base.env.length} 个请求变量发给早已运行着的 ${base.to}；这个请求没有请求体。`,
          },
  };
}

/** A script's (or daemon's) raw output going back. */
export function stdoutResponseHop(base: HopBase & { raw: string; protocol: Protocol }): Hop {
  const firstLine = base.raw.split(/\r?\n/, 1)[0] ?? '';
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: base.protocol,
    summary: `Output headers and body, starting ${JSON.stringify(firstLine)}`,
    changes: base.changes ?? [],
    stdout: { raw: base.raw },
    provenance: base.provenance,
    narration: {
      en: `${base.from} writes its header lines, a blank line and the body back to ${base.to}.`,
      'zh-cn': `${base.from} 把响应头、空行和响应体写回给 ${base.to}。`,
    },
  };
}

/** FastCGI records in either direction. */
export function fastcgiHop(base: HopBase & { direction: 'request' | 'response'; records: TraceRecord[] }): Hop {
  const types = [...new Set(base.records.map((r) => r.type))].join(', ');
  const bytes = base.records.reduce((n, r) => n + r.bytes.length / 2, 0);
  return {
    from: base.from,
    to: base.to,
    direction: base.direction,
    protocol: 'fastcgi',
    summary: `${count(base.records.length, 'FastCGI record', 'FastCGI records')} (${types}), ${bytes} bytes`,
    changes: base.changes ?? [],
    fastcgi: { records: base.records },
    provenance: base.provenance,
    narration:
      base.direction === 'request'
        ? {
            en: `${base.from} encodes the request as ${base.records.length} FastCGI records (${types}) for ${base.to}.`,
            'zh-cn': `${base.from} 把请求编码成 ${base.records.length} 条 FastCGI 记录（${types}）发给 ${base.to}。`,
          }
        : {
            en: `${base.from} sends the response back as ${base.records.length} FastCGI records (${types}).`,
            'zh-cn': `${base.from} 以 ${base.records.length} 条 FastCGI 记录（${types}）把响应发回。`,
          },
  };
}

/** The environ a WSGI application is called with. */
export function wsgiRequestHop(base: HopBase & { environ: Pair[]; input: string; appName: string }): Hop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: 'wsgi',
    summary: `${base.appName}(environ, start_response) with ${count(base.environ.length, 'key', 'keys')}`,
    changes: base.changes ?? [],
    wsgi: { environ: base.environ, input: base.input },
    provenance: base.provenance,
    narration: {
      en: `${base.from} calls ${base.appName}(environ, start_response) with an environ of ${base.environ.length} keys.`,
      'zh-cn': `${base.from} 以包含 ${base.environ.length} 个键的 environ 调用 ${base.appName}(environ, start_response)。`,
    },
  };
}

/** What the application returned through start_response and its iterable. */
export function wsgiResponseHop(
  base: HopBase & { status: string; headers: Pair[]; body: string; calls: string[] },
): Hop {
  return {
    from: base.from,
    to: base.to,
    direction: 'response',
    protocol: 'wsgi',
    summary: `start_response(${JSON.stringify(base.status)}, ${count(base.headers.length, 'header', 'headers')}) and ${count(base.body.length, 'byte', 'bytes')} of body`,
    changes: base.changes ?? [],
    wsgiResponse: { status: base.status, headers: base.headers, body: base.body, calls: base.calls },
    provenance: base.provenance,
    narration: {
      en: `The application calls start_response(${JSON.stringify(base.status)}) and returns ${base.body.length} bytes to ${base.to}.`,
      'zh-cn': `应用调用 start_response(${JSON.stringify(base.status)})，并向 ${base.to} 返回 ${base.body.length} 字节。`,
    },
  };
}

/** Protocol data that is neither CGI nor WSGI, such as PHP's $_SERVER. */
export function dataHop(base: HopBase & { protocol: Protocol; label: string; pairs: Pair[] }): Hop {
  return {
    from: base.from,
    to: base.to,
    direction: 'request',
    protocol: base.protocol,
    summary: `${base.label} with ${count(base.pairs.length, 'entry', 'entries')}`,
    changes: base.changes ?? [],
    data: { label: base.label, pairs: base.pairs },
    provenance: base.provenance,
    narration: {
      en: `${base.from} runs ${base.to} with ${base.label} filled from the FastCGI params.`,
      'zh-cn': `${base.from} 运行 ${base.to}，并用 FastCGI 参数填好 ${base.label}。`,
    },
  };
}
