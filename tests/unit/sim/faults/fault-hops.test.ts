import { describe, expect, it } from 'vitest';
import { logLine, markFailed, withLog } from '../../../../src/sim/faults/fault-hops.ts';
import { httpResponseHop } from '../../../../src/sim/pipelines/hops.ts';
import { formatTraceText } from '../../../../src/sim/format-trace-text.ts';
import { msg } from '../../../../src/sim/message.ts';
import { traceWords } from '../../../../src/i18n/trace-messages.ts';
import type { Trace } from '../../../../src/sim/trace.ts';

describe('failed hops and log lines', () => {
  const hop = () =>
    httpResponseHop({
      from: 'nginx',
      to: 'client',
      raw: 'HTTP/1.1 502 Bad Gateway\r\n\r\n',
      serverLabel: 'nginx',
      provenance: { kind: 'modelled', subject: 'nginx', source: 'test' },
    });
  const line = logLine('nginx', '/srv/hop/log/error.log', '2024/01/01 00:00:00 [error] 1000#1000: *1 boom');

  it('marks the hop and keeps the lines in the order they are written', () => {
    const failed = markFailed(hop(), msg('fault.staticNoBackend', { pipeline: 'p', fault: 'backend-down' }), [line]);
    withLog(failed, [{ ...line, line: 'second' }]);
    expect(failed.failed?.id).toBe('fault.staticNoBackend');
    expect(failed.log?.map((entry) => entry.line)).toEqual([line.line, 'second']);
  });

  it('shows the failure, the log lines and the fault in the text format', () => {
    const trace: Trace = {
      version: 2,
      pipeline: 'nginx-fastcgi-php',
      hops: [markFailed(hop(), msg('fault.unaffected', { fault: 'backend-down', node: 'php-fpm' }), [line])],
      response: { raw: '' },
      error: null,
      fault: { id: 'backend-down', node: 'php-fpm' },
    } as unknown as Trace;
    const text = formatTraceText(trace, traceWords('en'));
    expect(text).toContain('fault backend-down at php-fpm\n');
    expect(text).toContain('   ✗ The request never reached php-fpm');
    expect(text).toContain(
      '   log nginx /srv/hop/log/error.log:\n     2024/01/01 00:00:00 [error] 1000#1000: *1 boom\n',
    );
  });
});
