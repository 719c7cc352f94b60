import type { AsgiEvent, Hop, Message, MiddlewarePass, Pair, Provenance, Trace, TraceRecord } from './trace.ts';
import { reprBytes } from './asgi/python-repr.ts';

/** How to say the trace's messages and provenance in one language (`src/i18n/render-message.ts` for the CLI). */
export interface TraceWords {
  message(message: Message): string;
  provenance(provenance: Provenance): string;
}

/** Shows latin-1 text with control characters escaped so it prints on one line per field. */
function visible(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) =>
    c === '\r'
      ? '\\r'
      : c === '\n'
        ? '\\n'
        : c === '\t'
          ? '\\t'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

function table(pairs: readonly Pair[], indent: string): string[] {
  const width = Math.min(32, Math.max(0, ...pairs.map(([n]) => n.length)));
  return pairs.map(([name, value]) => `${indent}${name.padEnd(width)}  ${visible(value)}`);
}

function block(text: string, indent: string): string[] {
  return text.split(/(?<=\n)/).map((line) => `${indent}${visible(line)}`);
}

function hopLines(hop: Hop, index: number, words: TraceWords): string[] {
  const arrow = hop.direction === 'request' ? '→' : '←';
  const lines = [
    `#${index + 1} ${hop.from} ${arrow} ${hop.to} [${hop.protocol}] ${words.message(hop.summary)}`,
    `   ${words.provenance(hop.provenance)}`,
  ];
  for (const change of hop.changes) lines.push(`   * ${words.message(change.message)}`);
  return [...lines, ...payloadLines(hop), ...faultLines(hop, words)];
}

/** What an injected fault did on this hop: what failed, the error-log lines written meanwhile, or why nothing did. */
function faultLines(hop: Hop, words: TraceWords): string[] {
  const lines: string[] = [];
  if (hop.failed) lines.push(`   ✗ ${words.message(hop.failed)}`);
  for (const entry of hop.log ?? []) lines.push(`   log ${entry.node} ${entry.file}:`, `     ${visible(entry.line)}`);
  if (hop.unaffected) lines.push(`   ○ ${words.message(hop.unaffected)}`);
  return lines;
}

/** What crossed the hop, by protocol (and direction, where a protocol carries different things each way). */
function payloadLines(hop: Hop): string[] {
  switch (hop.protocol) {
    case 'http':
      return ['   http:', ...block(hop.http.raw, '     ')];
    case 'fastcgi':
      return hop.fastcgi.records.flatMap(recordLines);
    case 'uwsgi': {
      if (hop.direction === 'response') return ['   http:', ...block(hop.http.raw, '     ')];
      const { modifier1, datasize, modifier2, vars, body } = hop.uwsgi;
      const lines = [
        `   header modifier1=${modifier1} datasize=${datasize} modifier2=${modifier2}`,
        ...table(vars, '     '),
      ];
      if (body) lines.push(`   body: ${visible(body.slice(0, 200))}${body.length > 200 ? '…' : ''}`);
      return lines;
    }
    case 'wsgi':
      return hop.direction === 'request'
        ? ['   environ:', ...table(hop.wsgi.environ, '     ')]
        : [
            `   status: ${hop.wsgiResponse.status}`,
            ...table(hop.wsgiResponse.headers, '     '),
            ...hop.wsgiResponse.calls.map((c) => `     · ${c}`),
          ];
    case 'asgi':
      return hop.direction === 'request'
        ? ['   scope:', ...table(hop.asgi.scope, '     '), ...asgiEventLines(hop.asgi.events)]
        : asgiEventLines(hop.asgiResponse.events);
    case 'middleware':
      return middlewareLines(hop.middleware);
    case 'cgi':
    case 'mod_wsgi':
    case 'php':
      if (hop.direction === 'response') return ['   output:', ...block(hop.stdout.raw, '     ')];
      if (hop.protocol === 'php') return [`   ${hop.data.label}:`, ...table(hop.data.pairs, '     ')];
      return [
        '   env:',
        ...table(hop.cgi.env, '     '),
        `   stdin: ${visible(hop.cgi.stdin.slice(0, 200))}${hop.cgi.stdin.length > 200 ? '…' : ''}`,
      ];
  }
}

/** One middleware layer's pass: its differences, one per line (`+` added, `~` changed, `-` removed). */
function middlewareLines(pass: MiddlewarePass): string[] {
  const sign = { added: '+', changed: '~', removed: '-' } as const;
  const lines = [`   layer ${pass.index}: ${pass.layer}`];
  for (const row of pass.diff) {
    const name = row.name === '' ? row.part : `${row.part} ${row.name}`;
    const values = [row.before, row.after].filter((value) => value !== undefined).map((value) => visible(value));
    lines.push(`     ${sign[row.change]} ${name}: ${values.join(' → ')}`);
  }
  if (pass.response) lines.push(`   status: ${pass.response.status}`, ...table(pass.response.headers, '     '));
  return lines;
}

/** ASGI events, each as a Python dict literal (byte strings as bytes reprs, long bodies cut). */
function asgiEventLines(events: readonly AsgiEvent[]): string[] {
  const lines = ['   events:'];
  for (const event of events) {
    const fields = [`'type': '${event.type}'`];
    if (event.status !== undefined) fields.push(`'status': ${event.status}`);
    if (event.headers)
      fields.push(`'headers': [${event.headers.map(([n, v]) => `(${reprBytes(n)}, ${reprBytes(v)})`).join(', ')}]`);
    if (event.body !== undefined) {
      const cut = event.body.length > 200 ? '…' : '';
      fields.push(`'body': ${reprBytes(event.body.slice(0, 200))}${cut} (${event.body.length} bytes)`);
    }
    if (event.more_body !== undefined) fields.push(`'more_body': ${event.more_body ? 'True' : 'False'}`);
    lines.push(`     {${fields.join(', ')}}`);
  }
  return lines;
}

/** One FastCGI record: its header fields, then its parameters or the start of its stream data. */
function recordLines(record: TraceRecord): string[] {
  const extra = record.role
    ? ` role=${record.role} flags=${record.flags ?? 0}`
    : record.protocolStatus
      ? ` appStatus=${record.appStatus ?? 0} ${record.protocolStatus}`
      : '';
  const lines = [
    `   ${record.type} id=${record.requestId} content=${record.contentLength} padding=${record.paddingLength}${extra}`,
  ];
  if (record.params) lines.push(...table(record.params, '     '));
  if (record.data) lines.push(`     ${visible(record.data.slice(0, 200))}${record.data.length > 200 ? '…' : ''}`);
  return lines;
}

/** A plain-text rendering of a trace for people reading a terminal, its sentences from `words`. */
export function formatTraceText(trace: Trace, words: TraceWords): string {
  const lines = [`pipeline ${trace.pipeline} (trace version ${trace.version})`];
  if (trace.fault) lines.push(`fault ${trace.fault.id} at ${trace.fault.node}`);
  trace.hops.forEach((hop, index) => lines.push('', ...hopLines(hop, index, words)));
  if (trace.error) lines.push('', `error at byte ${trace.error.offset}: ${words.message(trace.error.message)}`);
  return `${lines.join('\n')}\n`;
}
