import type { LogLine } from '../../trace.ts';
import type { AppServerFaults } from '../http-app-server.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { msg } from '../../message.ts';
import { PYTHON_EXCEPTION_LINE, PYTHON_FAULT_FRAMES } from '../../apps/fault-apps.ts';
import { gunicornErrorPage } from './gunicorn-response.ts';
import { GUNICORN_SETTINGS } from './gunicorn-settings.ts';

/** The reference gunicorn.conf.py sets no errorlog: Gunicorn logs to its standard error (`-`). */
const LOG = 'stderr';

/** Gunicorn's log format: `[time] [pid] [LEVEL] message`, with the fixed values of `VOLATILE.logs`. */
const line = (level: string, message: string): LogLine =>
  logLine('gunicorn', LOG, `[2024-01-01 00:00:00 +0000] [1000] [${level}] ${message}`);

const plain = (text: string): LogLine => logLine('gunicorn', LOG, text);

/**
 * The sync worker's frames above the application in the traceback (gunicorn/workers/sync.py 20.1.0 under
 * Python 3.11, which marks the failing call with carets).
 */
const SYNC_FRAMES = [
  '  File "/usr/lib/python3/dist-packages/gunicorn/workers/sync.py", line 136, in handle',
  '    self.handle_request(listener, req, client, addr)',
  '  File "/usr/lib/python3/dist-packages/gunicorn/workers/sync.py", line 179, in handle_request',
  '    respiter = self.wsgi(environ, resp.start_response)',
  '               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
];

/**
 * Gunicorn 20.1's reactions, verified with the fault runs: an exception from the application is logged with its
 * traceback ("Error handling request <uri>", sync.py handle_error) and answered with the 500 page; a request
 * longer than `timeout` makes the arbiter kill the worker (SIGABRT) and start another. (A header name it refuses
 * is gunicornResponse's 400.)
 */
export const GUNICORN_FAULTS: AppServerFaults = {
  raised: (uri) => ({
    raw: gunicornErrorPage(500, 'Internal Server Error', ''),
    log: [
      line('ERROR', `Error handling request ${uri}`),
      plain('Traceback (most recent call last):'),
      ...[...SYNC_FRAMES, ...PYTHON_FAULT_FRAMES.wsgiException, PYTHON_EXCEPTION_LINE].map(plain),
    ],
  }),
  timeout: () => ({
    seconds: GUNICORN_SETTINGS.timeoutSeconds,
    failed: msg('fault.gunicornWorkerTimeout', { seconds: GUNICORN_SETTINGS.timeoutSeconds, status: 502 }),
    log: [
      line('CRITICAL', 'WORKER TIMEOUT (pid:1000)'),
      line('INFO', 'Worker exiting (pid: 1000)'),
      line('INFO', 'Booting worker with pid: 1000'),
    ],
  }),
};
