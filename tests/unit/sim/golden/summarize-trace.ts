import type { Pair, Trace } from '../../../../src/sim/trace.ts';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';

const en = traceWords('en');

/** Shows control characters as escapes so every value fits on one line. */
export function visible(text: string): string {
  return text.replace(/[\x00-\x1f\x7f\\]/g, (c) =>
    c === '\\'
      ? '\\\\'
      : c === '\r'
        ? '\\r'
        : c === '\n'
          ? '\\n'
          : c === '\t'
            ? '\\t'
            : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const pairs = (list: readonly Pair[], prefix: string) => list.map(([n, v]) => `  ${prefix}${n}=${visible(v)}`);

/** One line per fact of a trace, in the llhttp golden style: what each hop carried, then the response and error. */
export function summarizeTrace(trace: Trace): string {
  const lines: string[] = trace.fault ? [`fault ${trace.fault.id} at ${trace.fault.node}`] : [];
  trace.hops.forEach((hop, index) => {
    lines.push(`hop ${index + 1} ${hop.direction} ${hop.from} -> ${hop.to} ${hop.protocol}`);
    // An HTTP hop between two servers (proxy_pass): the bytes on that connection.
    if (hop.protocol === 'http' && hop.from !== 'client' && hop.to !== 'client')
      lines.push(`  http=${visible(hop.http.raw)}`);
    if (hop.cgi) lines.push(...pairs(hop.cgi.env, 'env '), `  stdin=${visible(hop.cgi.stdin)}`);
    if (hop.fastcgi) {
      for (const record of hop.fastcgi.records) {
        lines.push(
          `  record ${record.type} len=${record.contentLength} pad=${record.paddingLength}${record.flags === undefined ? '' : ` flags=${record.flags}`}`,
        );
        if (record.params) lines.push(...pairs(record.params, '  param '));
        if (record.data) lines.push(`    data=${visible(record.data)}`);
      }
    }
    if (hop.uwsgi) {
      const { modifier1, datasize, modifier2, vars, body } = hop.uwsgi;
      lines.push(`  packet modifier1=${modifier1} datasize=${datasize} modifier2=${modifier2}`, ...pairs(vars, 'var '));
      lines.push(`  body=${visible(body)}`);
    }
    if (hop.protocol === 'uwsgi' && hop.http) lines.push(`  raw=${visible(hop.http.raw)}`);
    if (hop.wsgi) lines.push(...pairs(hop.wsgi.environ, 'environ '));
    if (hop.asgi) lines.push(...pairs(hop.asgi.scope, 'scope '));
    const events = hop.asgi?.events ?? hop.asgiResponse?.events;
    if (events) {
      for (const event of events) {
        const { type, headers, body, ...rest } = event;
        const python = (value: unknown) => (value === true ? 'True' : value === false ? 'False' : String(value));
        const fields = Object.entries(rest).map(([name, value]) => ` ${name}=${python(value)}`);
        lines.push(`  event ${type}${fields.join('')}${body === undefined ? '' : ` body=${visible(body)}`}`);
        if (headers) lines.push(...pairs(headers, '  header '));
      }
    }
    if (hop.data) lines.push(...pairs(hop.data.pairs, `${hop.data.label} `));
    if (hop.stdout) lines.push(`  stdout=${visible(hop.stdout.raw)}`);
    if (hop.wsgiResponse)
      lines.push(`  status=${hop.wsgiResponse.status}`, ...pairs(hop.wsgiResponse.headers, 'header '));
    if (hop.failed) lines.push(`  failed=${en.message(hop.failed)}`);
    for (const entry of hop.log ?? []) lines.push(`  log ${entry.node} ${entry.file} ${visible(entry.line)}`);
    if (hop.unaffected) lines.push(`  unaffected=${en.message(hop.unaffected)}`);
  });
  lines.push(`response ${visible(trace.response.raw)}`);
  if (trace.error) lines.push(`error off=${trace.error.offset} ${en.message(trace.error.message)}`);
  return lines.join('\n');
}
