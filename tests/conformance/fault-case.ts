/** The corpus case every fault run sends: a plain GET of the application (`GET /app/ HTTP/1.1`). */
export const FAULT_CASE = '01-get-app';

/**
 * How long the failing applications of `app-timeout` take to answer (tests/fixtures/faults/*_sleep.*): after the
 * server's timeout answered the client, the suite waits until then, so that what a server logs when the late
 * application finally returns (uWSGI's request line) belongs to the capture.
 */
export const SLOW_APPLICATION_MS = 4000;
