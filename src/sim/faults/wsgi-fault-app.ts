import { REFERENCE_SITE } from '../reference-site.ts';
import type { WsgiApplication } from '../wsgi/application.ts';
import { utf8 } from '../bytes.ts';

/**
 * The failing WSGI applications the conformance suite writes over `dump_wsgi.py` for a fault run
 * (tests/fixtures/faults/wsgi_*.py), as the simulator needs them: what each does, and the lines Python's traceback
 * shows for its own frame. The servers' frames above it are each server's (their hooks add them).
 */
export const WSGI_FAULT_APP = {
  /** Where the reference configurations load the application from; the failing one is written there. */
  file: `${REFERENCE_SITE.appRoot}/dump_wsgi.py`,
  /** wsgi_exception.py: `raise RuntimeError("the application failed")` before start_response. */
  exception: {
    frame: [
      `  File "${REFERENCE_SITE.appRoot}/dump_wsgi.py", line 5, in application`,
      '    raise RuntimeError("the application failed")',
    ],
    repr: "RuntimeError('the application failed')",
    last: 'RuntimeError: the application failed',
  },
  /** wsgi_bad_header.py: a header name with a space in it, which no HTTP parser accepts. */
  badHeader: {
    status: '200 OK',
    headers: [
      ['Content-Type', 'text/plain'],
      ['This header', 'has a space in its name'],
    ] as [string, string][],
    body: 'never seen\n',
    name: 'This header',
    frame: [
      `  File "${REFERENCE_SITE.appRoot}/dump_wsgi.py", line 5, in application`,
      '    start_response("200 OK", [("Content-Type", "text/plain"), ("This header", "has a space in its name")])',
    ],
  },
  /** wsgi_sleep.py: answers after 4 s, longer than the captured configurations' shortened timeouts. */
  sleep: { seconds: 4 },
} as const;

/** The traceback Python prints for an exception: the header line, the frames outermost first, the last line. */
export function pythonTraceback(frames: readonly string[], last: string): string[] {
  return ['Traceback (most recent call last):', ...frames, last];
}

/** wsgi_bad_header.py as a WSGI application the simulator can call. */
export function createBadHeaderApp(): WsgiApplication {
  const { status, headers, body } = WSGI_FAULT_APP.badHeader;
  return {
    name: 'dump_wsgi:application',
    call(invocation, startResponse) {
      invocation.log.push('application calls start_response with a header name that has a space in it');
      startResponse(
        status,
        headers.map(([name, value]) => [name, value]),
      );
      return { items: [utf8(body)], hasClose: false };
    },
  };
}
