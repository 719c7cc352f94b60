import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { labEnviron } from '../../../src/sim/lab/lab-environ.ts';
import { runLab } from '../../../src/sim/lab/run-lab.ts';
import { formatTraceText } from '../../../src/sim/format-trace-text.ts';
import { traceWords } from '../../../src/i18n/trace-messages.ts';
import { ADD_ENVIRON_KEY, PIG_LATIN, PREFIX_FIX } from './examples.ts';
import { labRequest, runHarness } from './run-harness.ts';

/** Set UPDATE_GOLDEN=1 to rewrite the expected trace from the simulator and the harness (then review the diff). */
const update = process.env['UPDATE_GOLDEN'] === '1';
const file = fileURLToPath(new URL('../../fixtures/lab-golden/apache-modwsgi-daemon.txt', import.meta.url));

const APP = `def application(environ, start_response):
    body = ('hello from %s %s' % (environ['SCRIPT_NAME'], environ['PATH_INFO'])).encode('latin-1')
    start_response('200 OK', [('Content-Type', 'text/plain'), ('Content-Length', str(len(body)))])
    return [body]
`;

describe('a lab run, traced whole (golden)', () => {
  it('apache-modwsgi-daemon with three middleware layers: the trace as the CLI prints it', () => {
    const request = new TextEncoder().encode('GET /app/hello/there HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const environ = labEnviron('apache-modwsgi-daemon', request);
    if (!environ.reached) throw new Error('the request does not reach the application');
    const prefix = PREFIX_FIX.replace("PREFIX = '/hello'", "PREFIX = '/hello'  # the proxy's mount point");
    const result = runHarness(
      labRequest(APP, [ADD_ENVIRON_KEY, prefix, PIG_LATIN], {
        environ: environ.environ,
        input: environ.input,
        gateway: environ.gateway,
      }),
    );
    const text = formatTraceText(runLab('apache-modwsgi-daemon', request, result), traceWords('en'));
    if (update) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
